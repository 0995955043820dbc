"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { notifyProgramme, notifyProgrammeFailure, postponeProgramme, sendProgrammeList } from "@/lib/server/actions/new-programmes";

const done = <T,>(org: string, r: T) => { revalidatePath(`/o/${org}/vacances/programmes`, "layout"); return r; };

export async function notifyProgrammeAction(org: string, input: unknown) { return done(org, await runAction(notifyProgramme, org, input)); }
export async function sendListAction(org: string, input: unknown) { return done(org, await runAction(sendProgrammeList, org, input)); }
export async function notifyFailureAction(org: string, input: unknown) { return done(org, await runAction(notifyProgrammeFailure, org, input)); }
export async function postponeAction(org: string, input: unknown) { return done(org, await runAction(postponeProgramme, org, input)); }
