"use server";

import { runAction } from "@/lib/server/action";
import { markAllNotificationsRead, markNotificationRead, saveNotificationPreferences } from "@/lib/server/actions/notifications";

export async function markReadAction(org: string, input: unknown) {
  return runAction(markNotificationRead, org, input);
}
export async function markAllReadAction(org: string, input: unknown) {
  return runAction(markAllNotificationsRead, org, input);
}
export async function savePreferencesAction(org: string, input: unknown) {
  return runAction(saveNotificationPreferences, org, input);
}
