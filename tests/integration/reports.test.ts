// Issue 14 — the reports on small fixtures whose every figure was worked out by hand (AVD-13b: "never recomputed with
// the same code"): the FNAVDL annex III indicators 1–7, the AVD-12 split, the bail glissant figures and the AVD-14
// surveys; the ASLLi semester table with an interruption on the 16th and a suspension (ASL-11, ASL-11b); the REL-9
// figures of the demo; the CSV of a report; and ACC-1: a non-party organisation gets nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "@/lib/export/table";
import type { Prisma } from "@/lib/generated/prisma/client";
import { aslliReport, fnavdlReport, obligationTimeliness, relaisReport, reportIndex } from "@/lib/server/access";
import { fnavdlAslliFixture } from "./fnavdl-aslli-fixture";
import { callerAs, seeded, TODAY } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
let fx: Awaited<ReturnType<typeof fnavdlAslliFixture>>;

type Ev = { type: string; on: string } & Record<string, unknown>;
/** A case written as the actions write it (the events' payload is the domain event), numbered `year-rank`. */
async function writeCase(kind: "FNAVDL" | "ASLLI", conventionId: string, householdId: string, rank: number, events: Ev[]) {
  const agent = s.person("agent@aumv.demo").id;
  await s.db.case.create({
    data: {
      kind, conventionId, householdId, createdByOrgId: s.org("aumv"), quotaYear: Number(events[0].on.slice(0, 4)), quotaRank: rank,
      events: { create: events.map((e) => ({ type: e.type, on: new Date(`${e.on}T00:00:00Z`), payload: e as Prisma.InputJsonValue, recordedById: agent, recordedByOrgId: s.org("aumv") })) },
    },
  });
}

const none = { prescriber: "SERVICES_ETAT", motivated: false, bailGlissant: false, measure: null };

beforeAll(async () => {
  s = await seeded();
  fx = await fnavdlAslliFixture(s, 8);
  const [h1, h2, h3, h4, h5] = fx.households;
  // FNAVDL fixture convention: DALO, signed 3 June 2024; year 1 = 3 June 2024 – 2 June 2025. Objectives and forecast set by hand.
  const conv = await s.db.convention.findUniqueOrThrow({ where: { id: fx.fnavdlId } });
  await s.db.convention.update({
    where: { id: fx.fnavdlId },
    data: { parameters: { ...(conv.parameters as object), objY1Referred: 6, objY1Measures: 5, objY1Accompanied: 4, objY1Housed: 2, forecastLeger: 2, forecastMoyen: 1, forecastApprofondi: 1, deviationThreshold: 0.2 } },
  });
  await writeCase("FNAVDL", fx.fnavdlId, h1, 1, [
    { type: "PRESCRIPTION", on: "2024-06-10", ...none }, { type: "CONSENT", on: "2024-06-12" },
    { type: "DIAGNOSTIC", on: "2024-06-24", supportNeeded: true, intensity: "MOYEN", plannedMonths: 6 },
    { type: "SUPPORT_START", on: "2024-07-15", action: "AVL", intensity: "MOYEN", plannedEndOn: "2025-01-14" },
    { type: "LEASE_SIGNED", on: "2024-10-01" }, { type: "SUPPORT_CHANGE", on: "2024-10-03", action: "ADL", intensity: "MOYEN" },
    { type: "END", on: "2025-01-14", reason: "COMPLETED" },
    { type: "SURVEY", on: "2025-01-20", respondent: "HOUSEHOLD", answer: "TRES_SATISFAISANT" },
    { type: "SURVEY", on: "2025-01-27", respondent: "BAILLEUR", answer: "PLUTOT_SATISFAISANT" },
  ]);
  await writeCase("FNAVDL", fx.fnavdlId, h2, 2, [
    { type: "PRESCRIPTION", on: "2024-09-02", prescriber: "COMMISSION_MEDIATION", motivated: false, bailGlissant: false, measure: { intensity: "LEGER", plannedMonths: 6 } },
    { type: "CONSENT", on: "2024-09-04" },
    { type: "SUPPORT_START", on: "2024-09-20", action: "AVL", intensity: "LEGER", plannedEndOn: "2025-03-19" },
    { type: "END", on: "2024-12-20", reason: "INTERRUPTED" },
  ]);
  await writeCase("FNAVDL", fx.fnavdlId, h3, 1, [
    { type: "PRESCRIPTION", on: "2025-01-06", ...none, prescriber: "HEBERGEMENT" }, { type: "CONSENT", on: "2025-01-08" },
    { type: "DIAGNOSTIC", on: "2025-01-20", supportNeeded: false, intensity: null, plannedMonths: null },
  ]);
  await writeCase("FNAVDL", fx.fnavdlId, h4, 2, [
    { type: "PRESCRIPTION", on: "2025-03-03", prescriber: "COMMISSION_MEDIATION", motivated: false, bailGlissant: true, measure: { intensity: "APPROFONDI", plannedMonths: 12 } },
    { type: "CONSENT", on: "2025-03-05" },
    { type: "SUPPORT_START", on: "2025-04-01", action: "BAIL_GLISSANT", intensity: "APPROFONDI", plannedEndOn: "2026-03-31" },
    { type: "SUBLEASE_START", on: "2025-04-15", examinationEndsOn: "2026-04-14" },
  ]);
  await writeCase("FNAVDL", fx.fnavdlId, h5, 3, [{ type: "PRESCRIPTION", on: "2025-05-26", ...none }, { type: "CONSENT", on: "2025-06-05" }]);
  // The household of case 2 again: a second support, still running at the year's end (distinct households).
  await writeCase("FNAVDL", fx.fnavdlId, h2, 4, [
    { type: "PRESCRIPTION", on: "2025-02-10", ...none }, { type: "CONSENT", on: "2025-02-12" },
    { type: "DIAGNOSTIC", on: "2025-02-24", supportNeeded: true, intensity: "LEGER", plannedMonths: 3 },
    { type: "SUPPORT_START", on: "2025-03-10", action: "AVL", intensity: "LEGER", plannedEndOn: "2025-06-09" },
    { type: "LEASE_SIGNED", on: "2025-05-15" },
  ]);

  // ASLLi fixture convention (2025, 285,00 € the month-measure), semester 2025-S1.
  const [, , , , , a1, a2, a3] = fx.households;
  const granted = (requestOn: string, commissionOn: string, purpose: "ACCESS" | "MAINTIEN", months: number): Ev[] => [
    { type: "REQUEST", on: requestOn, measuresInProgress: [] }, { type: "COMMISSION", on: commissionOn, granted: true, purpose, months },
  ];
  // Starts 1 February, 3 months; interrupted on the 16th of April: February, March and April are due (ASL-7).
  await writeCase("ASLLI", fx.aslliId, a1, 1, [...granted("2025-01-06", "2025-01-14", "ACCESS", 3), { type: "INTERRUPTION", on: "2025-04-16" }]);
  // Starts 1 March, 6 months; suspended 10–29 April (20 days): the end moves to 20 September; March to June are due.
  await writeCase("ASLLI", fx.aslliId, a2, 2, [...granted("2025-02-03", "2025-02-11", "MAINTIEN", 6), { type: "SUSPENSION", on: "2025-04-10", endsOn: "2025-04-29" }]);
  // Starts 1 May, 3 months; interrupted on the 15th of June: only May is due.
  await writeCase("ASLLI", fx.aslliId, a3, 3, [...granted("2025-04-07", "2025-04-15", "ACCESS", 3), { type: "INTERRUPTION", on: "2025-06-15" }]);
  // Granted in June, starts 1 July: not in the first semester's table.
  await writeCase("ASLLI", fx.aslliId, fx.households[7], 4, granted("2025-05-05", "2025-06-10", "ACCESS", 3));
});
afterAll(async () => { await s.db.$disconnect(); });

describe("FNAVDL annex III report", () => {
  it("AVD-13, AVD-13b: the seven indicators of year 1 (3 June 2024 – 2 June 2025) equal the hand-worked figures, beside the year's objectives", async () => {
    const r = (await fnavdlReport(await callerAs(s, ["agent@aumv.demo", "aumv"]), fx.fnavdlId, { periode: "A1" }))!;
    expect(r.period).toMatchObject({ key: "A1", from: "2024-06-03", to: "2025-06-02", year: 1 });
    const i = r.indicators;
    // 1: five households prescribed in the year (the second case of household 2 counts once).
    expect(i.referred).toBe(5);
    // 2: households 1 (diagnostic, support), 2 (supports), 3 (diagnostic), 4 (support); household 5 has neither.
    expect(i.hadMeasure).toBe(4);
    // 3: June 2024 – June 2025, 13 months: 0 1 1 2 2 2 2 1 0 1 2 2 2 → 18 / 13.
    expect(i.activeFile.months.map((m) => m.households)).toEqual([0, 1, 1, 2, 2, 2, 2, 1, 0, 1, 2, 2, 2]);
    expect(i.activeFile.months[0].month).toBe("2024-06");
    expect(i.activeFile.mean).toBeCloseTo(18 / 13, 10);
    // 4: households 1, 2 and 4.
    expect(i.accompanied).toBe(3);
    // 5: (183 + 91) days / 2 / 30.4375 = 4.50… → 4.5 months.
    expect(i.meanDurationMonths).toBe(4.5);
    // 6: 21, 18, 14 and 29 days from orientation to start → 20.5 days.
    expect(i.meanDelayDays).toBe(20.5);
    // 7: leases of households 1 (1 October 2024) and 2 (15 May 2025).
    expect(i.accessedHousing).toBe(2);
    expect(r.objectives).toEqual({ 1: 6, 2: 5, 4: 4, 7: 2 });
  });

  it("AVD-12, AVD-11, AVD-14: the split by intensity against the forecast is flagged, with the bail glissant figures and the surveys", async () => {
    const r = (await fnavdlReport(await callerAs(s, ["agent@aumv.demo", "aumv"]), fx.fnavdlId, { periode: "A1" }))!;
    expect(r.indicators.byIntensity).toEqual({ LEGER: 1, MOYEN: 1, APPROFONDI: 1 });
    // Achieved 1/3 each against 2/4, 1/4, 1/4: deviations −16.7, +8.3, +8.3 points, within 20 points.
    expect(r.split!.avenantNeeded).toBe(false);
    expect(r.split!.rows.map((x) => Math.round(x.deviation * 1000) / 1000)).toEqual([-0.167, 0.083, 0.083]);
    expect(r.indicators.bailGlissant).toEqual({ referred: 1, underSublease: 1, leasesSlid: 0, meanSubleaseMonths: null });
    expect(r.satisfaction.household.find((x) => x.answer === "TRES_SATISFAISANT")!.count).toBe(1);
    expect(r.satisfaction.bailleur.find((x) => x.answer === "PLUTOT_SATISFAISANT")!.count).toBe(1);
    expect(r.satisfaction.households + r.satisfaction.bailleurs).toBe(2);
    // A free period of one month: March 2025 (household 2's second support starts on the 10th, orientation 24 February).
    const march = (await fnavdlReport(await callerAs(s, ["agent@aumv.demo", "aumv"]), fx.fnavdlId, { du: "2025-03-01", au: "2025-03-31" }))!;
    expect(march.period).toMatchObject({ key: "dates", year: null });
    expect([march.indicators.referred, march.indicators.accompanied, march.indicators.meanDelayDays]).toEqual([1, 1, 14]);
    expect(march.objectives).toEqual({ 1: null, 2: null, 4: null, 7: null });
  });

  it("AVD-13: the CSV of the report is French (BOM, ;, decimal commas) and holds the literal figures", async () => {
    const r = (await fnavdlReport(await callerAs(s, ["agent@aumv.demo", "aumv"]), fx.fnavdlId, { periode: "A1" }))!;
    const csv = toCsv(r.tables);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("5;Durée moyenne des mesures (mois);4,5;;");
    expect(csv).toContain("6;Délai moyen entre l'orientation et le début (jours, DALO);20,5;;");
    expect(csv).toContain("1;Ménages orientés vers l'association;5;6;");
  });

  it("ACC-1: an organisation not party to the convention gets no report (404), whatever the kind asked", async () => {
    const choisy = await callerAs(s, ["admin@choisy-le-roi.demo", "choisy-le-roi"]);
    expect(await fnavdlReport(choisy, fx.fnavdlId, {})).toBeNull();
    expect(await aslliReport(choisy, fx.aslliId, {}, TODAY)).toBeNull();
    expect(await relaisReport(await callerAs(s, ["admin@valophis-habitat.demo", "valophis-habitat"]), s.convention("RELAIS"), {}, TODAY)).toBeNull();
    // A convention of another kind is not an FNAVDL report, even for its party.
    expect(await fnavdlReport(await callerAs(s, ["agent@aumv.demo", "aumv"]), fx.aslliId, {})).toBeNull();
    const index = await reportIndex(choisy, TODAY);
    expect(index.some((c) => c.id === fx.fnavdlId || c.id === fx.aslliId)).toBe(false);
    expect(index.map((c) => c.kind)).toContain("RELAIS");
  });
});

describe("ASLLi semester report", () => {
  it("ASL-11, ASL-11b, ASL-7, ASL-8: 2025-S1 lists three measures — interrupted on the 16th (3 months), suspended 20 days (4), interrupted on the 15th (1): 8 × 285,00 €", async () => {
    const r = (await aslliReport(await callerAs(s, ["agent@alsace.demo", "alsace"]), fx.aslliId, { semestre: "2025-S1" }, TODAY))!;
    expect(r.semester).toBe("2025-S1");
    expect(r.statement.dueOn).toBe("2025-06-30");
    expect(r.statement.rows.map((x) => [x.householdNumber, x.purpose, x.commissionOn, x.startOn, x.plannedEndOn, x.suspensionDays, x.interruptedOn, x.endOn, x.monthsDue, x.status])).toEqual([
      ["2025-001", "ACCESS", "2025-01-14", "2025-02-01", "2025-04-30", 0, "2025-04-16", "2025-04-16", 3, "INTERROMPUE"],
      ["2025-002", "MAINTIEN", "2025-02-11", "2025-03-01", "2025-09-20", 20, null, null, 4, "EN_COURS"],
      ["2025-003", "ACCESS", "2025-04-15", "2025-05-01", "2025-07-31", 0, "2025-06-15", "2025-06-15", 1, "INTERROMPUE"],
    ]);
    expect(r.statement.monthsDue).toBe(8);
    expect(r.statement.amountDueCents).toBe(228_000);
    const csv = toCsv(r.tables);
    expect(csv).toContain("2025-001;Accès;14/01/2025;01/02/2025;30/04/2025;0;0;16/04/2025;16/04/2025;3;Interrompue");
    expect(csv).toContain("Total du semestre;8;285,00;2280,00");
  });

  it("ASL-11: the second semester shows the measure suspended (to 20 September) and the one starting 1 July; the interrupted ones are gone", async () => {
    const r = (await aslliReport(await callerAs(s, ["agent@aumv.demo", "aumv"]), fx.aslliId, { semestre: "2025-S2" }, TODAY))!;
    expect(r.statement.rows.map((x) => [x.householdNumber, x.monthsDue, x.endOn])).toEqual([["2025-002", 3, "2025-09-20"], ["2025-004", 3, "2025-09-30"]]);
    expect(r.statement.amountDueCents).toBe(6 * 28_500);
  });
});

describe("Relais figures and obligations", () => {
  it("REL-9: the relais report of the previous convention opens on 2023-2024 and shows 10, 2, 3, 4, 2", async () => {
    const previous = await s.db.convention.findFirstOrThrow({ where: { title: { startsWith: "Logement relais 2023-2024" } } });
    const r = (await relaisReport(await callerAs(s, ["lecteur@choisy-le-roi.demo", "choisy-le-roi"]), previous.id, {}, TODAY))!;
    expect(r.period).toMatchObject({ key: "tout", from: "2023-01-01", to: "2024-12-31" });
    expect(r.tables[0].rows.map((x) => x.value)).toEqual([10, 2, 3, 4, 2]);
    const y2024 = (await relaisReport(await callerAs(s, ["agent@aumv.demo", "aumv"]), previous.id, { periode: "2024" }, TODAY))!;
    expect(y2024.period).toMatchObject({ from: "2024-01-01", to: "2024-12-31" });
  });

  it("GEN-6: obligations by month of their due date split into on time, late, overdue and to come, for the caller's organisation only", async () => {
    const aumv = await callerAs(s, ["agent@aumv.demo", "aumv"]);
    const months = await obligationTimeliness(aumv, 2026, TODAY);
    expect(months).toHaveLength(12);
    const total = (m: (typeof months)[number]) => m.onTime + m.late + m.overdue + m.upcoming;
    const expected = await s.db.obligation.count({ where: { visibleToOrgIds: { has: s.org("aumv") }, optional: false, dueOn: { gte: new Date("2026-01-01T00:00:00Z"), lte: new Date("2026-12-31T00:00:00Z") } } });
    expect(months.reduce((n, m) => n + total(m), 0)).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    // No overdue item is due after today, no item to come before it.
    expect(months.filter((m) => m.month > 3).every((m) => m.overdue === 0)).toBe(true);
    expect(months.filter((m) => m.month < 3).every((m) => m.upcoming === 0)).toBe(true);
    const ush = await obligationTimeliness(await callerAs(s, ["admin@ush-midi-pyrenees.demo", "ush-midi-pyrenees"]), 2026, TODAY);
    expect(ush.reduce((n, m) => n + total(m), 0)).toBeLessThan(expected);
  });
});
