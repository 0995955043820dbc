import { requestContext } from "@/lib/server/action";
import { handleDwellingImport } from "@/lib/server/dwelling-import";

// Issue 9 §1: the dwellings' CSV import. The body is the file itself, read as a stream with a 30 MB limit
// (server actions refuse bodies over 1 MB); the answer is the import report (JSON, French messages).
export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ org: string }> }) {
  return handleDwellingImport(await requestContext(), await ctx.params, req);
}
