"use server";

import { runAction } from "@/lib/server/action";
import { changePassword } from "@/lib/server/actions/account";

export async function changePasswordAction(org: string, input: unknown) {
  return runAction(changePassword, org, input);
}
