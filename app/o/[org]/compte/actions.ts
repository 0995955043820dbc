"use server";

import { runAction } from "@/lib/server/action";
import { changePassword } from "@/lib/server/actions/account";
import { setDigestPreferences } from "@/lib/server/actions/digest";

export async function changePasswordAction(org: string, input: unknown) {
  return runAction(changePassword, org, input);
}

export async function setDigestPreferencesAction(org: string, input: unknown) {
  return runAction(setDigestPreferences, org, input);
}
