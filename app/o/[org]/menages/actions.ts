"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { createHousehold, updateHousehold } from "@/lib/server/actions/households";

export async function createHouseholdAction(org: string, input: unknown) {
  const r = await runAction(createHousehold, org, input);
  if (r.ok) revalidatePath(`/o/${org}/menages`);
  return r;
}

export async function updateHouseholdAction(org: string, input: unknown) {
  const r = await runAction(updateHousehold, org, input);
  if (r.ok) revalidatePath(`/o/${org}/menages`, "layout");
  return r;
}
