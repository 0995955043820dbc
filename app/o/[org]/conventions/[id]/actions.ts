"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { confirmConvention, declineConvention } from "@/lib/server/actions/conventions";

export async function confirmConventionAction(org: string, input: unknown) {
  const r = await runAction(confirmConvention, org, input);
  revalidatePath(`/o/${org}/conventions`, "layout");
  return r;
}
export async function declineConventionAction(org: string, input: unknown) {
  const r = await runAction(declineConvention, org, input);
  revalidatePath(`/o/${org}/conventions`, "layout");
  return r;
}
