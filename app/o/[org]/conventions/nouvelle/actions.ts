"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { createConventionAction } from "@/lib/server/actions/conventions";

export async function createConvention(org: string, input: unknown) {
  const r = await runAction(createConventionAction, org, input);
  if (r.ok) revalidatePath(`/o/${org}/conventions`);
  return r;
}
