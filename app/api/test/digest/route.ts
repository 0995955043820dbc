import { NextResponse } from "next/server";
import { isTestMode } from "@/lib/server/clock";
import { appUrl } from "@/lib/server/digest";
import { unsubscribeToken } from "@/lib/server/digest-token";
import { personIdByEmail } from "@/lib/server/digest-prefs";

// Test mode only (APP_MODE=test): the unsubscribe link a person's digest carries, so that an end-to-end test can
// follow it without waiting for the morning's mail.
export async function GET(req: Request) {
  if (!isTestMode()) return new NextResponse("Not found", { status: 404 });
  const email = new URL(req.url).searchParams.get("email") ?? "";
  const personId = await personIdByEmail(email);
  if (!personId) return new NextResponse("Not found", { status: 404 });
  return NextResponse.json({ unsubscribeUrl: `${appUrl()}/desabonnement/${unsubscribeToken(personId)}` });
}
