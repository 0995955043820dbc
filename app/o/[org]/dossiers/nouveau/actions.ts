"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { referCase } from "@/lib/server/actions/cases";
import { prescribeFnavdl } from "@/lib/server/actions/fnavdl";
import { requestAslli } from "@/lib/server/actions/aslli";

export async function referCaseAction(org: string, input: unknown) {
  const r = await runAction(referCase, org, input);
  if (r.ok) revalidatePath(`/o/${org}/dossiers`);
  return r;
}
export async function prescribeFnavdlAction(org: string, input: unknown) {
  const r = await runAction(prescribeFnavdl, org, input);
  if (r.ok) revalidatePath(`/o/${org}/dossiers`);
  return r;
}
export async function requestAslliAction(org: string, input: unknown) {
  const r = await runAction(requestAslli, org, input);
  if (r.ok) revalidatePath(`/o/${org}/dossiers`);
  return r;
}
