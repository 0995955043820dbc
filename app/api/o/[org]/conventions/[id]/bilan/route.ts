import { requestContext } from "@/lib/server/action";
import { handleBilanExport } from "@/lib/server/annual-bilan-export";

// GET ?annee=2025&format=csv|xlsx: the annual bilan (RES-22) as a French CSV or an Excel workbook; 404 for a non-party.
export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ org: string; id: string }> }) {
  return handleBilanExport(await requestContext(), await ctx.params, req);
}
