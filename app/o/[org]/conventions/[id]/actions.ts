"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { confirmConvention, declineConvention } from "@/lib/server/actions/conventions";
import { claimRefund, confirmAvenant, declineAvenant, fulfilObligation, proposeAvenant, recordLetter, updateConvention } from "@/lib/server/actions/convention-life";

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

async function andRefresh<T>(org: string, p: Promise<T>): Promise<T> {
  const r = await p;
  revalidatePath(`/o/${org}/conventions`, "layout");
  return r;
}
export async function updateConventionAction(org: string, input: unknown) {
  return andRefresh(org, runAction(updateConvention, org, input));
}
export async function fulfilAction(org: string, input: unknown) {
  return andRefresh(org, runAction(fulfilObligation, org, input));
}
export async function letterAction(org: string, input: unknown) {
  return andRefresh(org, runAction(recordLetter, org, input));
}
export async function proposeAvenantAction(org: string, input: unknown) {
  return andRefresh(org, runAction(proposeAvenant, org, input));
}
export async function confirmAvenantAction(org: string, input: unknown) {
  return andRefresh(org, runAction(confirmAvenant, org, input));
}
export async function declineAvenantAction(org: string, input: unknown) {
  return andRefresh(org, runAction(declineAvenant, org, input));
}
export async function claimRefundAction(org: string, input: unknown) {
  return andRefresh(org, runAction(claimRefund, org, input));
}
