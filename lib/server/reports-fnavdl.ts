import "server-only";
import {
  addDays, addMonths, fnavdlCaseFacts, fnavdlIndicatorCase, fnavdlIndicators, fnavdlSplitDeviation, INTENSITIES, satisfactionResults, SATISFACTION_SCALE,
  type FnavdlCaseEvent, type FnavdlIndicators, type Intensity, type IsoDate, type SatisfactionAnswer,
} from "@/lib/domain";
import type { ReportTable } from "@/lib/export/table";
import { formatDate, isoOf } from "@/lib/format";
import { INTENSITY_LABELS, SATISFACTION_LABELS } from "@/lib/validation/fnavdl";
import type { Caller } from "./access";
import { fnavdlCaseParams } from "./cases";
import { paramsInForce } from "./conventions";
import { prisma, type Db } from "./db";
import { customPeriod, monthLabel, type ReportPeriod } from "./report-periods";

// Issue 14 §1 — the FNAVDL annex III report of a convention (AVD-13, AVD-13b) beside the year's objectives, the split by
// intensity against the forecast with the AVD-12 deviation, the bail glissant figures and the satisfaction surveys
// (AVD-14). Only for a party to the convention (ACC-1); three queries whatever the number of cases.

/** AVD-13: the convention years, counted from the signature (Y1, Y2, and Y3 when extended by avenant, AVD-2). */
export function fnavdlPeriods(signedOn: IsoDate, months: number): ReportPeriod[] {
  const years = Math.max(1, Math.ceil(months / 12));
  const out: ReportPeriod[] = [];
  for (let k = 1; k <= years; k++) {
    const from = addMonths(signedOn, 12 * (k - 1), "AVD-13");
    const to = addDays(addMonths(signedOn, 12 * k, "AVD-13"), -1, "AVD-13");
    out.push({ key: `A${k}`, label: `Année ${k}`, from, to, year: k });
  }
  out.push({ key: "tout", label: "Toute la convention", from: out[0].from, to: out[out.length - 1].to, year: null });
  return out;
}

const OBJECTIVES = [["Referred", 1], ["Measures", 2], ["Accompanied", 4], ["Housed", 7]] as const;

export const FNAVDL_INDICATOR_LABELS: Record<number, [string, string]> = {
  1: ["Ménages orientés vers l'association", "Ménages distincts ayant une prescription ou une orientation datée dans la période."],
  2: ["Ménages ayant bénéficié d'une mesure", "Ménages distincts ayant un diagnostic dans la période ou un accompagnement actif au moins un jour de la période."],
  3: ["Ménages suivis simultanément (file active, moyenne mensuelle)", "Pour chaque mois, ménages distincts dont l'accompagnement est actif au moins un jour du mois ; moyenne des mois."],
  4: ["Ménages accompagnés", "Ménages distincts dont un accompagnement (AVL, ADL, bail glissant) est actif au moins un jour de la période."],
  5: ["Durée moyenne des mesures (mois)", "Accompagnements terminés dans la période : moyenne de (fin − début) en mois de 30,4375 jours, une décimale."],
  6: ["Délai moyen entre l'orientation et le début (jours, DALO)", "Accompagnements DALO commencés dans la période : moyenne de (début − orientation) en jours."],
  7: ["Ménages accompagnés ayant accédé au logement", "Ménages accompagnés au titre de la convention dont l'accès au logement (bail signé) est daté au plus tard à la fin de la période."],
};

const num = (p: Record<string, unknown>, k: string): number | null => {
  const v = p[k];
  return typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : null;
};

/** The annex III report of an FNAVDL convention for one of its years (`A1`, `A2`…, `tout`) or [du, au]; null unless the caller is a party. */
export async function fnavdlReport(caller: Pick<Caller, "org">, conventionId: string, q: { periode?: string; du?: string; au?: string }, db: Db = prisma): Promise<FnavdlReport | null> {
  const conv = await db.convention.findFirst({
    where: { id: conventionId, kind: "FNAVDL", parties: { some: { organisationId: caller.org.id } } },
    select: { id: true, title: true, territory: true, startOn: true, signedOn: true, parameters: true, events: { where: { type: "AVENANT" }, select: { payload: true } }, parties: { select: { organisation: { select: { name: true } } } } },
  });
  if (!conv) return null;
  const stored = conv.parameters as Record<string, unknown>;
  const signedOn = isoOf(conv.signedOn ?? conv.startOn);
  const last = paramsInForce(stored, conv.events, "9999-12-31");
  const periods = fnavdlPeriods(signedOn, (num(last, "months") ?? 24) + (last.extended === true ? 12 : 0));
  const period = customPeriod(q.du, q.au) ?? periods.find((p) => p.key === q.periode) ?? periods[0];
  const p = paramsInForce(stored, conv.events, period.to);
  const { dalo } = fnavdlCaseParams(stored, conv.events, period.to);
  const rows = await db.case.findMany({
    where: { conventionId: conv.id, kind: "FNAVDL" },
    select: { householdId: true, events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] } },
  });
  const events = rows.map((r) => ({ householdId: r.householdId, events: r.events.map((e) => e.payload as unknown as FnavdlCaseEvent) }));
  const indicators = fnavdlIndicators(events.map((c) => fnavdlIndicatorCase(c.householdId, fnavdlCaseFacts(c.events, dalo))), period.from, period.to);
  // AVD-13: the objectives are set per convention year; a free period or the whole convention has none.
  const objectives = Object.fromEntries(OBJECTIVES.map(([k, n]) => [n, period.year === null ? null : num(p, `objY${period.year}${k}`)])) as Record<number, number | null>;
  const forecast = { LEGER: num(p, "forecastLeger") ?? 0, MOYEN: num(p, "forecastMoyen") ?? 0, APPROFONDI: num(p, "forecastApprofondi") ?? 0 };
  const threshold = num(p, "deviationThreshold") ?? 0.2;
  const split = forecast.LEGER + forecast.MOYEN + forecast.APPROFONDI > 0 ? { ...fnavdlSplitDeviation(indicators.byIntensity, forecast, threshold), threshold } : null;
  // AVD-14: the answers dated in the period, bailleurs and households apart.
  const answers = { HOUSEHOLD: [] as SatisfactionAnswer[], BAILLEUR: [] as SatisfactionAnswer[] };
  for (const c of events) for (const e of c.events) if (e.type === "SURVEY" && e.on >= period.from && e.on <= period.to) answers[e.respondent].push(e.answer);
  const satisfaction = { household: satisfactionResults(answers.HOUSEHOLD), bailleur: satisfactionResults(answers.BAILLEUR), households: answers.HOUSEHOLD.length, bailleurs: answers.BAILLEUR.length };
  const report: FnavdlReportData = {
    convention: { id: conv.id, title: conv.title, territory: conv.territory, parties: conv.parties.map((x) => x.organisation.name), dalo },
    periods, period, indicators, objectives, forecast, split, satisfaction,
  };
  return { ...report, tables: fnavdlTables(report) };
}

export type FnavdlReport = FnavdlReportData & { tables: ReportTable[] };

type FnavdlReportData = {
  convention: { id: string; title: string; territory: string | null; parties: string[]; dalo: boolean };
  periods: ReportPeriod[];
  period: ReportPeriod;
  indicators: FnavdlIndicators;
  objectives: Record<number, number | null>;
  forecast: Record<Intensity, number>;
  split: (ReturnType<typeof fnavdlSplitDeviation> & { threshold: number }) | null;
  satisfaction: { household: ReturnType<typeof satisfactionResults>; bailleur: ReturnType<typeof satisfactionResults>; households: number; bailleurs: number };
};

/** The value of indicator n (1–7) as the report shows it. */
export function indicatorValue(i: FnavdlIndicators, n: number): number | null {
  switch (n) {
    case 1: return i.referred;
    case 2: return i.hadMeasure;
    case 3: return i.activeFile.mean;
    case 4: return i.accompanied;
    case 5: return i.meanDurationMonths;
    case 6: return i.meanDelayDays;
    case 7: return i.accessedHousing;
    default: throw new Error(`Indicateur inconnu : ${n}`);
  }
}

/** The report's tables, as the page, the CSV and the Excel workbook show them (one shape for the three). */
export function fnavdlTables(r: FnavdlReportData): ReportTable[] {
  const i = r.indicators;
  const level = (l: Intensity) => INTENSITY_LABELS[l].replace(/ \(.*\)$/, "");
  const tables: ReportTable[] = [
    {
      title: "Indicateurs annexe III",
      columns: [{ key: "n", label: "N°" }, { key: "indicator", label: "Indicateur" }, { key: "value", label: "Réalisé", kind: "decimal" }, { key: "objective", label: "Objectif de l'année", kind: "int" }, { key: "definition", label: "Définition (AVD-13b)" }],
      rows: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ n: String(n), indicator: FNAVDL_INDICATOR_LABELS[n][0], value: indicatorValue(i, n), objective: r.objectives[n] ?? null, definition: FNAVDL_INDICATOR_LABELS[n][1] })),
      note: `Période du ${formatDate(r.period.from)} au ${formatDate(r.period.to)} (dates incluses). AVD-13, AVD-13b. Une valeur vide : aucune mesure concernée.`,
    },
    {
      title: "File active par mois",
      columns: [{ key: "month", label: "Mois" }, { key: "households", label: "Ménages suivis", kind: "int" }],
      rows: i.activeFile.months.map((m) => ({ month: monthLabel(m.month), households: m.households })),
      note: "Indicateur 3 : mois civils qui rencontrent la période.",
    },
    {
      title: "Niveaux d'intensité",
      columns: [
        { key: "level", label: "Niveau" }, { key: "achieved", label: "Ménages accompagnés", kind: "int" }, { key: "achievedShare", label: "Part réalisée", kind: "percent" },
        { key: "forecast", label: "Ménages prévus", kind: "int" }, { key: "forecastShare", label: "Part prévue", kind: "percent" }, { key: "deviation", label: "Écart", kind: "percent" }, { key: "flag", label: "Avenant (AVD-12)" },
      ],
      rows: INTENSITIES.map((l) => {
        const row = r.split?.rows.find((x) => x.level === l);
        return {
          level: level(l), achieved: i.byIntensity[l], achievedShare: row?.achievedShare ?? null, forecast: r.forecast[l] || null, forecastShare: row?.forecastShare ?? null,
          deviation: row?.deviation ?? null, flag: row && r.split && Math.abs(row.deviation) > r.split.threshold + 1e-12 ? "Écart au-delà du seuil" : "",
        };
      }),
      note: r.split
        ? `AVD-12 : seuil d'écart ${Math.round(r.split.threshold * 100)} points ; ${r.split.avenantNeeded ? "un avenant est nécessaire." : "pas d'avenant nécessaire."}`
        : "AVD-12 : la convention ne donne pas de prévision par niveau.",
    },
    {
      title: "Baux glissants",
      columns: [{ key: "indicator", label: "Indicateur" }, { key: "value", label: "Réalisé", kind: "decimal" }],
      rows: [
        { indicator: "Ménages orientés vers un bail glissant", value: i.bailGlissant.referred },
        { indicator: "Ménages en sous-location pendant la période", value: i.bailGlissant.underSublease },
        { indicator: "Baux glissés dans la période", value: i.bailGlissant.leasesSlid },
        { indicator: "Durée moyenne de la sous-location (mois)", value: i.bailGlissant.meanSubleaseMonths },
      ],
      note: "AVD-11, AVD-13 : la sous-location prend fin au glissement du bail ou à la fin de l'accompagnement.",
    },
    {
      title: "Enquêtes de satisfaction",
      columns: [
        { key: "answer", label: "Réponse" }, { key: "households", label: "Ménages", kind: "int" }, { key: "householdShare", label: "Part des ménages", kind: "percent" },
        { key: "bailleurs", label: "Bailleurs", kind: "int" }, { key: "bailleurShare", label: "Part des bailleurs", kind: "percent" },
      ],
      rows: SATISFACTION_SCALE.map((a, k) => ({
        answer: SATISFACTION_LABELS[a], households: r.satisfaction.household[k].count, householdShare: r.satisfaction.households ? r.satisfaction.household[k].share : null,
        bailleurs: r.satisfaction.bailleur[k].count, bailleurShare: r.satisfaction.bailleurs ? r.satisfaction.bailleur[k].share : null,
      })),
      note: `AVD-14 : réponses datées dans la période (${r.satisfaction.households} ménage(s), ${r.satisfaction.bailleurs} bailleur(s)).`,
    },
  ];
  return tables;
}
