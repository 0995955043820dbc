"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { editCaseText, recordCaseEvent, setCaseReferent, showSocialDetail } from "@/lib/server/actions/cases";
import { recordFnavdlEvent } from "@/lib/server/actions/fnavdl";
import { recordAslliEvent } from "@/lib/server/actions/aslli";

export async function recordCaseEventAction(org: string, input: unknown) {
  const r = await runAction(recordCaseEvent, org, input);
  revalidatePath(`/o/${org}/dossiers`, "layout");
  return r;
}
export async function recordFnavdlEventAction(org: string, input: unknown) {
  const r = await runAction(recordFnavdlEvent, org, input);
  revalidatePath(`/o/${org}/dossiers`, "layout");
  return r;
}
export async function recordAslliEventAction(org: string, input: unknown) {
  const r = await runAction(recordAslliEvent, org, input);
  revalidatePath(`/o/${org}/dossiers`, "layout");
  return r;
}
export async function showSocialDetailAction(org: string, input: unknown) {
  return runAction(showSocialDetail, org, input);
}
export async function setReferentAction(org: string, input: unknown) {
  const r = await runAction(setCaseReferent, org, input);
  revalidatePath(`/o/${org}/dossiers`, "layout");
  return r;
}
export async function editTextAction(org: string, input: unknown) {
  return runAction(editCaseText, org, input);
}
