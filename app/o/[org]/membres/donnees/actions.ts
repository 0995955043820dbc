"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { setRetention } from "@/lib/server/actions/organisations";

export async function setRetentionAction(org: string, input: unknown) {
  const r = await runAction(setRetention, org, input);
  revalidatePath(`/o/${org}/membres/donnees`);
  return r;
}
