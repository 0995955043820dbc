import { requestContext } from "@/lib/server/action";
import { handleDocumentUpload } from "@/lib/server/documents";

// A case's documents (signed support contract, bilans): same streamed upload as a convention's.
export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ org: string; id: string }> }) {
  return handleDocumentUpload(await requestContext(), await ctx.params, req, "case");
}
