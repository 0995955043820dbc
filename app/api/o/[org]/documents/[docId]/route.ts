import { requestContext } from "@/lib/server/action";
import { handleDocumentDownload } from "@/lib/server/documents";

// Parties only; anyone else gets 404, exactly as for a missing document (lib/server/documents.ts).
export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ org: string; docId: string }> }) {
  return handleDocumentDownload(await requestContext(), await ctx.params);
}
