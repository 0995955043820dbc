"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { changeMemberRole, inviteMember, issuePasswordReset, removeMember, revokeInvitation } from "@/lib/server/actions/members";

async function then<T>(org: string, p: Promise<T>) {
  const r = await p;
  revalidatePath(`/o/${org}/membres`);
  return r;
}

export async function inviteMemberAction(org: string, input: unknown) {
  return then(org, runAction(inviteMember, org, input));
}
export async function revokeInvitationAction(org: string, input: unknown) {
  return then(org, runAction(revokeInvitation, org, input));
}
export async function changeMemberRoleAction(org: string, input: unknown) {
  return then(org, runAction(changeMemberRole, org, input));
}
export async function removeMemberAction(org: string, input: unknown) {
  return then(org, runAction(removeMember, org, input));
}
export async function passwordResetAction(org: string, input: unknown) {
  return runAction(issuePasswordReset, org, input);
}
