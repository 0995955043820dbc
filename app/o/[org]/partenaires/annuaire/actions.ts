"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { registerOrganisation } from "@/lib/server/actions/organisations";

export async function registerOrganisationAction(org: string, input: unknown) {
  const r = await runAction(registerOrganisation, org, input);
  if (r.ok) revalidatePath(`/o/${org}/partenaires/annuaire`);
  return r;
}
