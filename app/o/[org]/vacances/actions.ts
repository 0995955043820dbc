"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { declareVacancy, designateCandidates, designateRelais, recordAnswer, recordCaleol, recordLease, withdrawVacancy } from "@/lib/server/actions/vacancies";

const done = <T,>(org: string, r: T) => { revalidatePath(`/o/${org}/vacances`, "layout"); return r; };

export async function declareVacancyAction(org: string, input: unknown) { return done(org, await runAction(declareVacancy, org, input)); }
export async function designateAction(org: string, input: unknown) { return done(org, await runAction(designateCandidates, org, input)); }
export async function caleolAction(org: string, input: unknown) { return done(org, await runAction(recordCaleol, org, input)); }
export async function answerAction(org: string, input: unknown) { return done(org, await runAction(recordAnswer, org, input)); }
export async function leaseAction(org: string, input: unknown) { return done(org, await runAction(recordLease, org, input)); }
export async function withdrawAction(org: string, input: unknown) { return done(org, await runAction(withdrawVacancy, org, input)); }
export async function designateRelaisAction(org: string, input: unknown) { return done(org, await runAction(designateRelais, org, input)); }
