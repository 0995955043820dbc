import { requestContext } from "@/lib/server/action";
import { today } from "@/lib/server/clock";
import { handleHouseholdExport } from "@/lib/server/household-export";

// Issue 8 §1: the household's right of access (HTML or JSON), for an ADMIN of its organisation; 404 otherwise.
export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ org: string; id: string }> }) {
  return handleHouseholdExport(await requestContext(), await ctx.params, req, today());
}
