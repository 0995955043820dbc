"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { addAgreement, addGrant, convertDroits, setShareInput } from "@/lib/server/actions/droits";

// The « Droits de réservation » page's server actions (issue 9, RES-7..11): each goes through the action registry.

async function andRefresh<T>(org: string, p: Promise<T>): Promise<T> {
  const r = await p;
  revalidatePath(`/o/${org}/conventions`, "layout");
  return r;
}
export async function addAgreementAction(org: string, input: unknown) {
  return andRefresh(org, runAction(addAgreement, org, input));
}
export async function convertAction(org: string, input: unknown) {
  return andRefresh(org, runAction(convertDroits, org, input));
}
export async function addGrantAction(org: string, input: unknown) {
  return andRefresh(org, runAction(addGrant, org, input));
}
export async function setShareInputAction(org: string, input: unknown) {
  return andRefresh(org, runAction(setShareInput, org, input));
}
