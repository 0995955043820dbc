/**
 * npm run bench — BENCHMARKS.md §7: the domain builders the pages use, timed with tinybench on
 * generated arrays (deterministic PRNG), each beside a bare loop over the same arrays.
 * A bailleur of 100 000 dwellings, 20 000 vacancies in the year, 50 000 case events.
 */
import { Bench } from "tinybench";
import {
  annualBilan,
  aslliCaseObligations,
  aslliStart,
  fnavdlCaseObligations,
  relaisCaseObligations,
  vacancyObligations,
  vacancyState,
  type AslliCaseEvent,
  type BilanDwelling,
  type BilanVacancy,
  type FnavdlCaseEvent,
  type Obligation,
  type RelaisCaseEvent,
  type SoustraitCategory,
  type VacancyEvent,
} from "../lib/domain/index";
import { fromDays, toDays } from "../lib/domain/dates";
import { mulberry32 as prng } from "../lib/random";

const SIZES = { dwellings: 100_000, vacancies: 20_000, caseEvents: 50_000 };
const YEAR = 2025;
const TODAY = "2025-12-31";

const rand = prng(20_250_101);
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const DAY0 = toDays(`${YEAR}-01-01`, "GEN-1");
const day = (n: number) => fromDays(DAY0 + n); // n days after 1 January of the year
const plus = (iso: string, n: number) => fromDays(toDays(iso, "GEN-1") + n);

// ─── The bailleur's stock ────────────────────────────────────────────────────────────────────
const COMMUNES = ["Choisy-le-Roi", "Orly", "Vitry-sur-Seine", "Thiais", "Villeneuve-le-Roi"];
const PERIODS = ["avant 1949", "1949-1969", "1970-1989", "1990-2009", "2010 et après"];
const TYPOLOGIES = ["T1", "T2", "T2", "T3", "T3", "T3", "T4", "T4", "T5", "T6+"];
const FINANCINGS = ["PLUS", "PLUS", "PLUS", "PLUS", "PLUS", "PLUS", "PLUS", "PLUS", "PLAI", "PLS"];
const SOUSTRAITS: SoustraitCategory[] = ["MUTATION_INTERNE", "RENOUVELLEMENT_URBAIN", "PERIL_INSALUBRITE", "VENTE"];

const dwellings: BilanDwelling[] = [];
for (let i = 0; i < SIZES.dwellings; i += 1) {
  const r = rand();
  dwellings.push({
    id: `d${i}`,
    commune: pick(COMMUNES),
    typology: pick(TYPOLOGIES),
    financing: pick(FINANCINGS),
    qpv: rand() < 0.3,
    constructionPeriod: pick(PERIODS),
    regime: r < 0.05 ? { kind: "EXCLUDED", reason: "NOT_SOCIAL_REGIME" } : r < 0.08 ? { kind: "SOUSTRAIT", category: pick(SOUSTRAITS) } : { kind: "FLUX" },
    newInYear: rand() < 0.01,
  });
}

// ─── Vacancies of the year, with their events and their outcome ─────────────────────────────
const RESERVATAIRES = [
  { id: "commune", share: 0.24, droitsUniquesJan1: 792, acquisitions: 10 },
  { id: "etat", share: 0.3, droitsUniquesJan1: 2_400, acquisitions: 0 },
  { id: "action-logement", share: 0.35, droitsUniquesJan1: 3_100, acquisitions: 40 },
  { id: "departement", share: 0.05, droitsUniquesJan1: 400, acquisitions: 0 },
];
const vacancyEvents: VacancyEvent[][] = [];
const bilanVacancies: BilanVacancy[] = [];
for (let i = 0; i < SIZES.vacancies; i += 1) {
  const declaredOn = day(int(0, 330));
  const events: VacancyEvent[] = [{ type: "DECLARED", on: declaredOn }];
  const r = rand();
  if (r > 0.08) {
    const designatedOn = plus(declaredOn, int(2, 30));
    events.push({ type: "DESIGNATION", on: designatedOn, candidates: rand() < 0.9 ? 3 : 2, dalo: false, subsidisedD331_25_1: false });
    if (r > 0.2) {
      const caleolOn = plus(designatedOn, int(5, 20));
      events.push({ type: "CALEOL", on: caleolOn, decisions: [{ candidate: "A", decision: "ATTRIBUTION_RANKED", rank: 1 }, { candidate: "B", decision: "ATTRIBUTION_RANKED", rank: 2 }] });
      const accepted = rand() < 0.85;
      events.push({ type: "CANDIDATE_ANSWER", on: plus(caleolOn, 3), candidate: "A", accepted });
      if (accepted) events.push({ type: "LEASE_SIGNED", on: plus(caleolOn, int(7, 25)), candidate: "A" });
      else events.push({ type: "CANDIDATE_ANSWER", on: plus(caleolOn, 6), candidate: "B", accepted: false });
    }
  }
  vacancyEvents.push(events);
  const state = vacancyState(events, TODAY);
  const own = rand() < 0.1;
  bilanVacancies.push({
    dwellingId: `d${int(0, SIZES.dwellings - 1)}`,
    reservataireId: own ? null : pick(RESERVATAIRES).id,
    soustraitCategory: own ? pick(SOUSTRAITS) : null,
    declaredOn,
    attributedOn: state.attributedOn,
    outcome: state.outcome,
    outcomeOn: state.outcomeOn,
  });
}

// ─── Cases of the three kinds, 50 000 events in all ─────────────────────────────────────────
type CaseRow =
  | { kind: "RELAIS"; events: RelaisCaseEvent[] }
  | { kind: "FNAVDL"; dalo: boolean; events: FnavdlCaseEvent[] }
  | { kind: "ASLLI"; events: AslliCaseEvent[] };

function relaisCase(): CaseRow {
  const r = day(int(-200, 250));
  const diagnostic = plus(r, int(12, 30));
  const entry = plus(diagnostic, int(10, 60));
  const events: RelaisCaseEvent[] = [
    { type: "REFERRAL", on: r },
    { type: "DIAGNOSTIC", on: diagnostic },
    { type: "DECISION", on: plus(diagnostic, 5), entry: true },
    { type: "ENTRY", on: entry },
    { type: "CONTRACT_SENT", on: plus(entry, 5) },
  ];
  for (let w = 0, n = int(2, 14); w < n; w += 1) events.push({ type: "VISIT", on: plus(entry, 7 * w + int(0, 4)) });
  if (rand() < 0.3) events.push({ type: "INTERMEDIATE_BILAN_SENT", on: plus(entry, 95) });
  return { kind: "RELAIS", events };
}

function fnavdlCase(): CaseRow {
  const p = day(int(-300, 250));
  const dalo = rand() < 0.5;
  const events: FnavdlCaseEvent[] = [
    { type: "PRESCRIPTION", on: p, prescriber: dalo ? "COMMISSION_MEDIATION" : "CCAPEX", motivated: false, bailGlissant: false, measure: dalo ? { intensity: "MOYEN", plannedMonths: 8 } : null },
    { type: "CONSENT", on: plus(p, 3) },
  ];
  if (!dalo) events.push({ type: "DIAGNOSTIC", on: plus(p, 12), supportNeeded: true, intensity: "MOYEN", plannedMonths: 8 });
  const start = plus(p, 20);
  events.push({ type: "SUPPORT_START", on: start, action: "ADL", intensity: "MOYEN", plannedEndOn: plus(start, 240) });
  if (rand() < 0.4) events.push({ type: "END", on: plus(start, int(60, 240)), reason: "COMPLETED" });
  return { kind: "FNAVDL", dalo, events };
}

function aslliCase(): CaseRow {
  const c = day(int(-200, 250));
  const start = aslliStart(c);
  const events: AslliCaseEvent[] = [
    { type: "REQUEST", on: plus(c, -10), measuresInProgress: [] },
    { type: "COMMISSION", on: c, granted: true, purpose: "MAINTIEN", months: 6 },
    { type: "PLAN_SENT", on: plus(c, 35) },
  ];
  for (let m = 0, n = int(2, 10); m < n; m += 1) events.push({ type: "MEETING", on: plus(start, 15 * m + int(0, 5)) });
  return { kind: "ASLLI", events };
}

const cases: CaseRow[] = [];
let eventCount = 0;
while (eventCount < SIZES.caseEvents) {
  const k = rand();
  const row = k < 0.4 ? relaisCase() : k < 0.7 ? fnavdlCase() : aslliCase();
  const room = SIZES.caseEvents - eventCount;
  if (row.events.length > room) row.events.length = room; // a prefix of a valid history is valid
  eventCount += row.events.length;
  cases.push(row);
}

function caseObligations(c: CaseRow): Obligation[] {
  switch (c.kind) {
    case "RELAIS":
      return relaisCaseObligations(c.events, TODAY);
    case "FNAVDL":
      return fnavdlCaseObligations(c.events, c.dalo, TODAY, { startDelayDays: 15 });
    case "ASLLI":
      return aslliCaseObligations(c.events, TODAY);
  }
}

// ─── The runs ────────────────────────────────────────────────────────────────────────────────
let sink = 0; // results flow here so that no loop is optimised away
const bench = new Bench({ name: "domain", time: 1_500, iterations: 10, warmupTime: 300 });

bench.add("bare loop: 100 000 dwellings + 20 000 vacancies", () => {
  let n = 0;
  for (const d of dwellings) n += d.typology.length + (d.regime.kind === "FLUX" ? 1 : 0);
  for (const v of bilanVacancies) n += v.declaredOn.charCodeAt(6) + v.outcome.length;
  sink += n;
});
bench.add("annual bilan RES-22 (annualBilan)", () => {
  sink += annualBilan({ year: YEAR, dwellings, vacancies: bilanVacancies, reservataires: RESERVATAIRES }).freed;
});
bench.add("bare loop: 50 000 case events", () => {
  let n = 0;
  for (const c of cases) for (const e of c.events) n += e.on.charCodeAt(9) + e.type.length;
  sink += n;
});
bench.add("deadline engine: every case (50 000 events)", () => {
  let n = 0;
  for (const c of cases) n += caseObligations(c).length;
  sink += n;
});
bench.add("bare loop: 20 000 vacancies' events", () => {
  let n = 0;
  for (const events of vacancyEvents) for (const e of events) n += e.on.charCodeAt(9) + e.type.length;
  sink += n;
});
bench.add("deadline engine: every vacancy (20 000)", () => {
  let n = 0;
  for (const events of vacancyEvents) n += vacancyObligations(events, TODAY).length;
  sink += n;
});

const obligationsPerRun = cases.reduce((n, c) => n + caseObligations(c).length, 0);
const vacancyObligationsPerRun = vacancyEvents.reduce((n, events) => n + vacancyObligations(events, TODAY).length, 0);
console.log(`Domain benchmark — Node ${process.version}, ${process.platform}/${process.arch}`);
console.log(
  `Data: ${dwellings.length} dwellings, ${bilanVacancies.length} vacancies (${vacancyEvents.reduce((n, e) => n + e.length, 0)} events), ` +
    `${cases.length} cases with ${eventCount} events → ${obligationsPerRun} case obligations, ${vacancyObligationsPerRun} vacancy obligations per run; today ${TODAY}`,
);

await bench.run();

const fmt = (x: number | undefined, digits = 2) => (x === undefined ? "-" : x.toFixed(digits));
const table = bench.tasks.map((t) => {
  const r = t.result;
  if (r.state !== "completed") return { task: t.name, state: r.state };
  return {
    task: t.name,
    "mean (ms)": fmt(r.latency.mean),
    "p75 (ms)": fmt(r.latency.p75),
    "p99 (ms)": fmt(r.latency.p99),
    "ops/s": fmt(r.throughput.mean, 1),
    samples: r.latency.samplesCount,
  };
});
console.table(table);
const slowest = Math.max(...bench.tasks.filter((t) => !t.name.startsWith("bare")).map((t) => (t.result.state === "completed" ? t.result.latency.mean : Infinity)));
console.log(`Target: under 200 ms each — slowest builder mean ${slowest.toFixed(1)} ms: ${slowest < 200 ? "met" : "NOT met"}. (checksum ${sink % 997})`);
