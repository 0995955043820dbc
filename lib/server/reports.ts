import "server-only";
import { relaisCaseFacts, relaisFigures, type IsoDate, type RelaisCaseEvent } from "@/lib/domain";
import type { ReportTable } from "@/lib/export/table";
import { formatDate, isoOf } from "@/lib/format";
import { Prisma, type ConventionKind } from "@/lib/generated/prisma/client";
import type { Caller } from "./access";
import { aslliSemesterStatement } from "./cases";
import { conventionView } from "./conventions";
import { prisma, type Db } from "./db";
import { customPeriod, semesterLabel, semestersBetween, type ReportPeriod } from "./report-periods";

// Issue 14 — the reports each partner builds at the end of a year, computed from the stored facts by the domain:
// REL-9 relais figures, ASL-11/11b semester table and months-due statement, obligations done on time or late.
// The FNAVDL annex III report is in reports-fnavdl.ts. Every read is scoped to the caller's organisation (ACC-1).

export const REPORT_KINDS = ["FNAVDL", "RELAIS", "ASLLI", "RESERVATION_FLUX"] as const satisfies readonly ConventionKind[];

const conventionSelect = {
  id: true, kind: true, title: true, territory: true, startOn: true, signedOn: true, parameters: true,
  parties: { select: { organisationId: true, partyRole: true, confirmedAt: true, declinedAt: true, organisation: { select: { name: true } } } },
  events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.ConventionSelect;

/** A convention of `kind` the caller's organisation is party to, with its end in force; null otherwise (404). */
async function partyConvention(db: Db, caller: Pick<Caller, "org">, id: string, kind: ConventionKind, today: IsoDate) {
  const c = await db.convention.findFirst({ where: { id, kind, parties: { some: { organisationId: caller.org.id } } }, select: conventionSelect });
  if (!c) return null;
  const view = conventionView(c, c.events, today);
  return { ...c, startIso: isoOf(c.startOn), endOn: view.endOn, status: view.status, partyNames: c.parties.map((p) => p.organisation.name) };
}

/** The reports the caller's organisation may open: one per signed convention of a reporting kind it is party to. One query. */
export async function reportIndex(caller: Pick<Caller, "org">, today: IsoDate, db: Db = prisma) {
  const rows = await db.convention.findMany({
    where: { kind: { in: [...REPORT_KINDS] }, parties: { some: { organisationId: caller.org.id } }, events: { some: { type: "SIGNED" } } },
    select: conventionSelect,
    orderBy: [{ kind: "asc" }, { startOn: "desc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((c) => {
    const v = conventionView(c, c.events, today);
    return { id: c.id, kind: c.kind, title: c.title, startOn: isoOf(c.startOn), endOn: v.endOn, status: v.status, partners: c.parties.filter((p) => p.organisationId !== caller.org.id).map((p) => p.organisation.name) };
  });
}

// ─── REL-9: the relais figures for the annual bilan meeting ──────────────────────────────────────

/** The calendar years of a relais convention up to today, and the whole convention (REL-1: here the calendar year). */
export function relaisPeriods(startOn: IsoDate, endOn: IsoDate, today: IsoDate): ReportPeriod[] {
  const last = Number((endOn < today ? endOn : today).slice(0, 4));
  const out: ReportPeriod[] = [];
  for (let y = Number(startOn.slice(0, 4)); y <= Math.max(last, Number(startOn.slice(0, 4))); y++) {
    out.push({ key: String(y), label: String(y), from: `${y}-01-01` > startOn ? `${y}-01-01` : startOn, to: `${y}-12-31` < endOn ? `${y}-12-31` : endOn, year: null });
  }
  out.push({ key: "tout", label: `Toute la convention (${startOn.slice(0, 4)}-${endOn.slice(0, 4)})`, from: startOn, to: endOn, year: null });
  return out;
}

export async function relaisReport(caller: Pick<Caller, "org">, conventionId: string, q: { periode?: string; du?: string; au?: string }, today: IsoDate, db: Db = prisma) {
  const c = await partyConvention(db, caller, conventionId, "RELAIS", today);
  if (!c) return null;
  const periods = relaisPeriods(c.startIso, c.endOn, today);
  // An ended convention opens on its whole term (the bilan of « la dernière convention »), a running one on this year.
  const fallback = c.endOn < today ? periods[periods.length - 1] : periods.find((p) => p.key === today.slice(0, 4)) ?? periods[0];
  const period = customPeriod(q.du, q.au) ?? periods.find((p) => p.key === q.periode) ?? fallback;
  const cases = await db.case.findMany({
    where: { conventionId: c.id, kind: "RELAIS" },
    select: { householdId: true, events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] } },
  });
  const figures = relaisFigures(cases.map((x) => {
    const f = relaisCaseFacts(x.events.map((e) => e.payload as unknown as RelaisCaseEvent));
    return { householdId: x.householdId, referredOn: f.referredOn, entryOn: f.entryOn, end: f.end };
  }), period.from, period.to);
  const table: ReportTable = {
    title: "Chiffres du bilan annuel",
    columns: [{ key: "figure", label: "Chiffre" }, { key: "value", label: "Ménages", kind: "int" }],
    rows: [
      { figure: "Ménages accompagnés dans la période (y compris ceux encore suivis)", value: figures.supported },
      { figure: "Ménages relogés dans le parc social pérenne", value: figures.reloges },
      { figure: "Ménages orientés vers une autre solution", value: figures.otherSolutions },
      { figure: "Diagnostics demandés", value: figures.diagnosticsRequested },
      { figure: "Entrées en logement relais", value: figures.entries },
    ],
    note: `REL-9 : du ${formatDate(period.from)} au ${formatDate(period.to)} (dates incluses), ménages distincts.`,
  };
  return { convention: { id: c.id, title: c.title, territory: c.territory, parties: c.partyNames }, periods, period, figures, tables: [table] };
}

// ─── ASL-11/11b: the semester table and the months-due statement ─────────────────────────────────

const ASLLI_STATUS: Record<string, string> = {
  A_VENIR: "À venir", EN_COURS: "En cours", SUSPENDUE: "Suspendue", INTERROMPUE: "Interrompue", ARRETEE: "Arrêtée", ANNULEE: "Annulée", TERMINEE: "Terminée",
};

export async function aslliReport(caller: Caller, conventionId: string, q: { semestre?: string }, today: IsoDate, db: Db = prisma) {
  const c = await partyConvention(db, caller, conventionId, "ASLLI", today);
  if (!c) return null;
  // Measures decided under the partnership are followed past its year (ASL-1): its semesters run to today.
  const periods = semestersBetween(c.startIso, today < c.startIso ? c.startIso : today);
  const semester = periods.includes(q.semestre ?? "") ? q.semestre! : periods[periods.length - 1];
  const t = (await aslliSemesterStatement(caller, c.id, semester, today, db))!;
  const table: ReportTable = {
    title: "Tableau semestriel (annexe 1c)",
    columns: [
      { key: "number", label: "N° ménage" }, { key: "purpose", label: "Objet" }, { key: "commissionOn", label: "Commission", kind: "date" }, { key: "startOn", label: "Début", kind: "date" },
      { key: "plannedEndOn", label: "Fin prévue", kind: "date" }, { key: "renewals", label: "Renouvellements", kind: "int" }, { key: "suspensionDays", label: "Jours de suspension", kind: "int" },
      { key: "interruptedOn", label: "Interruption", kind: "date" }, { key: "endOn", label: "Fin", kind: "date" }, { key: "monthsDue", label: "Mois dus", kind: "int" }, { key: "status", label: "Statut" },
    ],
    rows: t.rows.map((r) => ({
      number: r.householdNumber, purpose: r.purpose === "ACCESS" ? "Accès" : "Maintien", commissionOn: r.commissionOn, startOn: r.startOn, plannedEndOn: r.plannedEndOn,
      renewals: r.renewals, suspensionDays: r.suspensionDays, interruptedOn: r.interruptedOn, endOn: r.endOn, monthsDue: r.monthsDue, status: ASLLI_STATUS[r.status],
    })),
    note: `ASL-11 : ${semesterLabel(semester)}, à transmettre au Service Logement au plus tard le ${formatDate(t.dueOn)}. Le ménage n'y figure que par son numéro.`,
  };
  const statement: ReportTable = {
    title: "Relevé des mois dus",
    columns: [{ key: "number", label: "N° ménage" }, { key: "monthsDue", label: "Mois dus", kind: "int" }, { key: "unit", label: "Prix du mois-mesure", kind: "cents" }, { key: "amount", label: "Montant dû", kind: "cents" }],
    rows: [
      ...t.rows.map((r) => ({ number: r.householdNumber, monthsDue: r.monthsDue, unit: t.unitPriceCents, amount: t.unitPriceCents === null ? null : r.monthsDue * t.unitPriceCents })),
      { number: "Total du semestre", monthsDue: t.monthsDue, unit: t.unitPriceCents, amount: t.amountDueCents },
    ],
    note: t.unitPriceCents === null
      ? "ASL-11b : prix du mois-mesure non renseigné dans la convention."
      : "ASL-11b : chaque mois civil du début à la fin de la mesure ; le mois d'une interruption n'est dû que si elle a lieu après le 15.",
  };
  return { convention: { id: c.id, title: c.title, territory: c.territory, parties: c.partyNames }, periods, semester, statement: t, tables: [table, statement] };
}

// ─── Obligations done on time or late ───────────────────────────────────────────────────────────

export type TimelinessMonth = { month: number; onTime: number; late: number; overdue: number; upcoming: number };

/**
 * The obligations the caller's organisation sees (ACC-1: `visibleToOrgIds`), due in `year`, by month of their due date:
 * done on time (done on or before the due date), done late, overdue (not done, due before today) and to come. One query.
 */
export async function obligationTimeliness(caller: Pick<Caller, "org">, year: number, today: IsoDate, db: Db = prisma): Promise<TimelinessMonth[]> {
  const rows = await db.$queryRaw<{ month: number; on_time: number; late: number; overdue: number; upcoming: number }[]>`
    SELECT extract(month FROM "dueOn")::int AS month,
      count(*) FILTER (WHERE "doneOn" IS NOT NULL AND "doneOn" <= "dueOn")::int AS on_time,
      count(*) FILTER (WHERE "doneOn" IS NOT NULL AND "doneOn" > "dueOn")::int AS late,
      count(*) FILTER (WHERE "doneOn" IS NULL AND "dueOn" < ${today}::date)::int AS overdue,
      count(*) FILTER (WHERE "doneOn" IS NULL AND "dueOn" >= ${today}::date)::int AS upcoming
    FROM "Obligation"
    WHERE "visibleToOrgIds" @> ARRAY[${caller.org.id}]::text[] AND optional = false
      AND "dueOn" BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date
    GROUP BY 1`;
  return Array.from({ length: 12 }, (_, i) => {
    const r = rows.find((x) => x.month === i + 1);
    return { month: i + 1, onTime: r?.on_time ?? 0, late: r?.late ?? 0, overdue: r?.overdue ?? 0, upcoming: r?.upcoming ?? 0 };
  });
}

