import { NextResponse } from "next/server";
import { isTestMode, setToday, today } from "@/lib/server/clock";

// Test mode only (APP_MODE=test): lets an end-to-end test move the clock between two steps.
export async function GET() {
  if (!isTestMode()) return new NextResponse("Not found", { status: 404 });
  return NextResponse.json({ today: today() });
}

export async function POST(req: Request) {
  if (!isTestMode()) return new NextResponse("Not found", { status: 404 });
  const body = (await req.json().catch(() => ({}))) as { today?: string | null };
  try {
    setToday(body.today ?? null);
  } catch (e) {
    return NextResponse.json({ error: (e as Error).message }, { status: 400 });
  }
  return NextResponse.json({ today: today() });
}
