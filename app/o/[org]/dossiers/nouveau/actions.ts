"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { referCase } from "@/lib/server/actions/cases";

export async function referCaseAction(org: string, input: unknown) {
  const r = await runAction(referCase, org, input);
  if (r.ok) revalidatePath(`/o/${org}/dossiers`);
  return r;
}
