import { requestContext } from "@/lib/server/action";
import { handleDocumentUpload } from "@/lib/server/documents";

// Uploads come here, not through a server action: actions refuse bodies over 1 MB (STACK.md).
// The body is the file's raw bytes, streamed and counted by lib/server/documents.ts.
export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ org: string; id: string }> }) {
  return handleDocumentUpload(await requestContext(), await ctx.params, req);
}
