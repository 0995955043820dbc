"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { addRotationVintage, changeDwellingRegime, createDwelling, importRotationVintages, setAgreedRotation, updateDwelling } from "@/lib/server/actions/dwellings";

const done = <T,>(org: string, r: T) => { revalidatePath(`/o/${org}/logements`, "layout"); return r; };

export async function addVintageAction(org: string, input: unknown) { return done(org, await runAction(addRotationVintage, org, input)); }
export async function setAgreedAction(org: string, input: unknown) { return done(org, await runAction(setAgreedRotation, org, input)); }
export async function createDwellingAction(org: string, input: unknown) { return done(org, await runAction(createDwelling, org, input)); }
export async function updateDwellingAction(org: string, input: unknown) { return done(org, await runAction(updateDwelling, org, input)); }
export async function changeRegimeAction(org: string, input: unknown) { return done(org, await runAction(changeDwellingRegime, org, input)); }
export async function importVintagesAction(org: string, input: unknown) { return done(org, await runAction(importRotationVintages, org, input)); }
