import "server-only";
import { exportResponse } from "@/lib/export/table";
import { resolveCaller } from "./access";
import { MSG, type RequestContext } from "./action";
import { annualBilanView } from "./annual-bilan";
import { bilanFileName, bilanTables } from "./annual-bilan-tables";
import { writeAudit } from "./audit";
import { today } from "./clock";
import { withTx } from "./db";

const reply = (status: number, message: string) => Response.json({ message }, { status, headers: { "Cache-Control": "no-store" } });

/** GET /api/o/[org]/conventions/[id]/bilan?annee=…&format=csv|xlsx — the core of the route handler (ACC-1: parties only, else 404). */
export async function handleBilanExport(rc: RequestContext, route: { org: string; id: string }, req: Request): Promise<Response> {
  if (!rc.session) return reply(401, MSG.signedOut);
  const caller = await resolveCaller(rc.session, route.org);
  if (!caller) return reply(404, MSG.notFound);
  const q = new URL(req.url).searchParams;
  const format = q.get("format");
  if (format !== "csv" && format !== "xlsx") return reply(400, "Format attendu : csv ou xlsx.");
  const now = today();
  const annee = q.get("annee") ?? "";
  const year = /^\d{4}$/.test(annee) ? Number(annee) : Number(now.slice(0, 4)) - 1;
  const v = await annualBilanView(caller, route.id, year, now);
  if (!v) return reply(404, MSG.notFound);
  await withTx({ personId: caller.personId, organisationId: caller.org.id }, (tx) =>
    writeAudit(tx, { actorId: caller.personId, organisationId: caller.org.id, action: `bilan.export.${format}`, entityType: "Convention", entityId: v.convention.id, fields: ["annee"] }),
  );
  return exportResponse(format, bilanFileName(v), bilanTables(v), { creator: v.bailleur.name, title: bilanFileName(v) });
}
