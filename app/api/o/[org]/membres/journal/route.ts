import { requestContext } from "@/lib/server/action";
import { today } from "@/lib/server/clock";
import { handleAuditExport } from "@/lib/server/report-export";

// Issue 14 §3: the audit view's filtered events (the page's filters) as CSV or Excel; ADMIN only, audited.
export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ org: string }> }) {
  return handleAuditExport(await requestContext(), await ctx.params, req, today());
}
