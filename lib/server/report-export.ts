import "server-only";
import { exportResponse, type ExportFormat } from "@/lib/export/table";
import { MSG, type RequestContext } from "./action";
import { resolveCaller } from "./access";
import { writeAudit } from "./audit";
import { auditExport, cleanFilters } from "./audit-view";
import { withTx } from "./db";
import { aslliReport, relaisReport } from "./reports";
import { fnavdlReport } from "./reports-fnavdl";

// Issue 14: the CSV and Excel files of a report, from the same tables as its page. The caller must be a party to the
// convention (ACC-1), otherwise 404 exactly as for a convention that does not exist. Each download is audited.

const KINDS = { fnavdl: "FNAVDL", relais: "RELAIS", aslli: "ASLLI" } as const;

export async function handleReportExport(rc: RequestContext, route: { org: string; kind: string; id: string }, req: Request, today: string): Promise<Response> {
  if (!rc.session) return Response.json({ message: MSG.signedOut }, { status: 401 });
  const notFound = () => Response.json({ message: MSG.notFound }, { status: 404, headers: { "Cache-Control": "no-store" } });
  const caller = await resolveCaller(rc.session, route.org);
  const kind = KINDS[route.kind as keyof typeof KINDS];
  if (!caller || !kind) return notFound();
  const q = Object.fromEntries(new URL(req.url).searchParams) as Record<string, string | undefined>;
  const format: ExportFormat = q.format === "xlsx" ? "xlsx" : "csv";
  const report = kind === "FNAVDL" ? await fnavdlReport(caller, route.id, q)
    : kind === "RELAIS" ? await relaisReport(caller, route.id, q, today)
    : await aslliReport(caller, route.id, q, today);
  if (!report) return notFound();
  const periodKey = "period" in report ? `${report.period.from}_${report.period.to}` : report.semester;
  await withTx({ personId: caller.personId, organisationId: caller.org.id }, (tx) =>
    writeAudit(tx, { actorId: caller.personId, organisationId: caller.org.id, action: "report.export", entityType: "Convention", entityId: route.id, fields: [route.kind, format, periodKey] }),
  );
  const name = { FNAVDL: "indicateurs-fnavdl", RELAIS: "bilan-logement-relais", ASLLI: "tableau-semestriel-aslli" }[kind];
  return exportResponse(format, `${name}-${periodKey}`, report.tables, { creator: caller.org.name, title: report.convention.title });
}

/** Issue 14 §3: the audit view's filtered events as CSV or Excel, for an ADMIN of the organisation (404 otherwise). */
export async function handleAuditExport(rc: RequestContext, route: { org: string }, req: Request, today: string): Promise<Response> {
  if (!rc.session) return Response.json({ message: MSG.signedOut }, { status: 401 });
  const caller = await resolveCaller(rc.session, route.org);
  const q = Object.fromEntries(new URL(req.url).searchParams) as Record<string, string | undefined>;
  const format: ExportFormat = q.format === "xlsx" ? "xlsx" : "csv";
  const table = caller ? await auditExport(caller, cleanFilters(q), format) : null;
  if (!caller || !table) return Response.json({ message: MSG.notFound }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return exportResponse(format, `journal-audit-${caller.org.slug}-${today}`, [table], { creator: caller.org.name, title: "Journal d'audit" });
}
