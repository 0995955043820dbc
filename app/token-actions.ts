"use server";

import { requestContext } from "@/lib/server/action";
import { acceptInvitation, resetPassword } from "@/lib/server/actions/token-actions";
import { unsubscribeDigest } from "@/lib/server/actions/digest";

export async function acceptInvitationAction(input: unknown) {
  return acceptInvitation.execute(await requestContext(), input);
}
export async function resetPasswordAction(input: unknown) {
  return resetPassword.execute(await requestContext(), input);
}
export async function unsubscribeDigestAction(input: unknown) {
  return unsubscribeDigest.execute(await requestContext(), input);
}
