import { requestContext } from "@/lib/server/action";
import { today } from "@/lib/server/clock";
import { handleReportExport } from "@/lib/server/report-export";

// Issue 14: a report as CSV (`?format=csv`) or Excel (`?format=xlsx`), with the page's period (`periode`, `du`, `au`, `semestre`).
export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ org: string; kind: string; id: string }> }) {
  return handleReportExport(await requestContext(), await ctx.params, req, today());
}
