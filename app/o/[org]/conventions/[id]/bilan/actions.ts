"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { sendAnnualBilan, validateAnnualBilan } from "@/lib/server/actions/annual-bilan";

// The annual bilan page's server actions (issue 11, RES-22, RES-23): each goes through the action registry.

async function andRefresh<T>(org: string, p: Promise<T>): Promise<T> {
  const r = await p;
  revalidatePath(`/o/${org}/conventions`, "layout");
  return r;
}
export async function sendBilanAction(org: string, input: unknown) {
  return andRefresh(org, runAction(sendAnnualBilan, org, input));
}
export async function validateBilanAction(org: string, input: unknown) {
  return andRefresh(org, runAction(validateAnnualBilan, org, input));
}
