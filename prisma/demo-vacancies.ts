// The vacancies of 2024 and 2025 of Valophis Habitat in Choisy-le-Roi for the demo (issue 11): about 125 dwellings of
// the assiette freed each year (5,24 % of some 2 400), a quarter oriented to the Ville (designation of 3 candidates,
// CALEOL, the household's answer, the lease — or a lapse after 30 days, a refusal, a withdrawn declaration), the rest
// let by the bailleur (its own contingent and the réservataires that do not use the application), and the dwellings
// soustraits of each year let for the rehousings they were kept for (RES-3). Every vacancy is closed: the read model
// is the domain's vacancyState at the seed's date. Deterministic (seeded generator).
import type { Prisma } from "../lib/generated/prisma/client";
import { addDays, vacancyState, type VacancyEvent } from "../lib/domain";
import { mulberry32 } from "../lib/random";

type Tx = Prisma.TransactionClient;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Per year: the Ville's vacancies by outcome, those let by the bailleur, and the soustraits let for a rehousing. */
export const DEMO_VACANCY_PLAN: Record<number, { lease: number; lapse: number; refused: number; withdrawn: number; nextYearLease: number; bailleur: number; rehousings: number }> = {
  2024: { lease: 22, lapse: 4, refused: 2, withdrawn: 1, nextYearLease: 1, bailleur: 92, rehousings: 12 },
  2025: { lease: 27, lapse: 3, refused: 2, withdrawn: 1, nextYearLease: 0, bailleur: 95, rehousings: 17 },
};

type Kind = "lease" | "lapse" | "refused" | "withdrawn" | "nextYearLease" | "bailleur" | "rehousing";
type DemoDwelling = {
  id: string; rplsId: string; residence: string; classification: number; financing: string; typology: string; surfaceCentiM2: number; addressNumber: string; street: string;
  commune: string; postcode: string; qpv: boolean; constructionPeriod: string; rentCents: number; chargesCents: number; dpeClass: string; pmr: boolean;
};

export async function seedDemoVacancies(
  tx: Tx,
  x: { bailleurOrgId: string; conventionId: string; bailleurPersonId: string; cityPersonId: string; cityOrgId: string; today: string },
): Promise<number> {
  const r = mulberry32(2024_94600);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const select = {
    id: true, rplsId: true, residence: true, classification: true, financing: true, typology: true, surfaceCentiM2: true, addressNumber: true, street: true,
    commune: true, postcode: true, qpv: true, constructionPeriod: true, rentCents: true, chargesCents: true, dpeClass: true, pmr: true, firstLettingYear: true,
    regimes: { select: { kind: true, year: true, category: true } },
  } as const;
  // The first twenty dwellings are left to the browser tests; PLI and the sale plan are out of the flux.
  const stock = await tx.dwelling.findMany({
    where: { bailleurOrgId: x.bailleurOrgId, financing: { not: "PLI" }, rplsId: { gt: "0940220000020" }, regimes: { none: { kind: "EXCLUDED", reason: "SALE_PLAN" } } },
    select, orderBy: { rplsId: "asc" },
  });
  const used = new Set<string>();
  const vacancies: Prisma.VacancyCreateManyInput[] = [];
  const steps: Prisma.VacancyStepCreateManyInput[] = [];
  const candidates: Prisma.VacancyCandidateCreateManyInput[] = [];
  let seq = 0;
  for (const [y, plan] of Object.entries(DEMO_VACANCY_PLAN)) {
    const year = Number(y);
    if (`${year + 1}-03-01` > x.today) continue; // only closed years (and their counting in the next one)
    const soustraits = stock.filter((d) => d.regimes.some((g) => g.kind === "SOUSTRAIT" && g.year === year) && !used.has(d.id));
    const inFlux = stock.filter((d) => d.firstLettingYear < year && !d.regimes.some((g) => g.kind === "SOUSTRAIT" && g.year === year));
    const kinds: Kind[] = [
      ...Array<Kind>(plan.lease).fill("lease"), ...Array<Kind>(plan.lapse).fill("lapse"), ...Array<Kind>(plan.refused).fill("refused"),
      ...Array<Kind>(plan.withdrawn).fill("withdrawn"), ...Array<Kind>(plan.bailleur).fill("bailleur"),
    ];
    // Spread over the year: the n-th vacancy is declared around day n × 340 / count (lapses need 31 days before 31 December).
    for (let i = kinds.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [kinds[i], kinds[j]] = [kinds[j], kinds[i]]; }
    const dated = kinds.map((kind, n) => ({ kind, on: addDays(`${year}-01-02`, Math.floor((n * 330) / kinds.length) + int(0, 3), "RES-17") }));
    for (let n = 0; n < plan.nextYearLease; n++) dated.push({ kind: "nextYearLease", on: `${year}-11-${String(24 + n).padStart(2, "0")}` });
    for (let n = 0; n < Math.min(plan.rehousings, soustraits.length); n++) dated.push({ kind: "rehousing", on: addDays(`${year}-01-15`, Math.floor((n * 300) / plan.rehousings), "RES-3") });

    let pick = int(0, inFlux.length - 1);
    let soustraitAt = 0;
    for (const { kind, on } of dated) {
      let d: DemoDwelling & { regimes: { kind: string; year: number | null; category: string | null }[] };
      if (kind === "rehousing") d = soustraits[soustraitAt++];
      else {
        do { pick = (pick + 53) % inFlux.length; } while (used.has(inFlux[pick].id));
        d = inFlux[pick];
      }
      used.add(d.id);
      const id = `demo-vacancy-${year}-${String(++seq).padStart(3, "0")}`;
      const oriented = kind !== "bailleur" && kind !== "rehousing";
      const events: VacancyEvent[] = [{ type: "DECLARED", on }];
      const extras: Record<string, unknown>[] = [{}];
      const by: ("B" | "V")[] = ["B"];
      const push = (e: VacancyEvent, who: "B" | "V", extra: Record<string, unknown> = {}) => { events.push(e); extras.push(extra); by.push(who); };
      if (kind === "withdrawn") push({ type: "WITHDRAWN", on: addDays(on, 4, "RES-17") }, "B");
      if (kind === "bailleur" || kind === "rehousing") push({ type: "LEASE_SIGNED", on: addDays(on, int(18, 45), "RES-13"), candidate: "" }, "B");
      if (kind === "lease" || kind === "refused" || kind === "nextYearLease") {
        // Late in the year the steps follow closely, so that the year's leases are signed by Christmas.
        const late = kind !== "nextYearLease" && on > `${year}-10-15`;
        const designated = addDays(on, late ? int(3, 6) : int(6, 24), "RES-18");
        const ids = [1, 2, 3].map((k) => `${id}-c${k}`);
        ids.forEach((cid, k) => candidates.push({
          id: cid, vacancyId: id, round: 1, rank: k + 1, nur: `0941123${String(int(10_000_000, 99_999_999))}`, persons: int(1, 6), monthlyResourcesCents: int(95_000, 290_000), dalo: r() < 0.1,
          decision: k === 0 ? "ATTRIBUTION" : "NON_ATTRIBUTION", decisionRank: null, accepted: k === 0 ? kind !== "refused" : null,
        }));
        push({ type: "DESIGNATION", on: designated, candidates: 3, dalo: false, subsidisedD331_25_1: false }, "V", { round: 1, classification: d.classification, classificationAcknowledgedBy: x.cityPersonId });
        const caleol = kind === "nextYearLease" ? `${year}-12-18` : addDays(designated, late ? int(5, 8) : int(9, 20), "RES-20");
        push({ type: "CALEOL", on: caleol, decisions: ids.map((cid, k) => ({ candidate: cid, decision: k === 0 ? "ATTRIBUTION" : "NON_ATTRIBUTION", rank: null })) }, "B", { round: 1 });
        const answer = kind === "nextYearLease" ? `${year + 1}-01-06` : addDays(caleol, late ? int(2, 3) : int(3, 8), "RES-20");
        push({ type: "CANDIDATE_ANSWER", on: answer, candidate: ids[0], accepted: kind !== "refused" }, "B", { round: 1 });
        if (kind !== "refused") push({ type: "LEASE_SIGNED", on: kind === "nextYearLease" ? `${year + 1}-01-20` : addDays(answer, late ? int(3, 5) : int(5, 12), "RES-13"), candidate: ids[0] }, "B", { round: 1 });
      }
      let outcome: string, outcomeOn: string | null, dueOn: string | null = null;
      if (oriented) {
        const s = vacancyState(events, x.today);
        outcome = s.outcome; outcomeOn = s.outcomeOn; dueOn = s.round === 0 ? s.designationDueOn : null; // as refreshVacancy
      } else {
        const end = events[events.length - 1];
        outcome = end.type; outcomeOn = end.on;
      }
      vacancies.push({
        id, dwellingId: d.id, bailleurOrgId: x.bailleurOrgId, orientation: oriented ? "RESERVATAIRE" : kind === "rehousing" ? "SOUSTRAIT" : "BAILLEUR",
        conventionId: oriented ? x.conventionId : null,
        soustraitCategory: kind === "rehousing" ? d.regimes.find((g) => g.kind === "SOUSTRAIT" && g.year === year)!.category : null,
        availableOn: day(on), declaredOn: day(on), outcome, outcomeOn: outcomeOn ? day(outcomeOn) : null, designationDueOn: dueOn ? day(dueOn) : null, stateComputedOn: day(x.today),
        createdById: x.bailleurPersonId, createdAt: new Date(`${on}T09:00:00Z`),
        declaration: {
          financing: d.financing, typology: d.typology, surfaceM2: d.surfaceCentiM2 / 100, address: { number: d.addressNumber, street: d.street, commune: d.commune, postcode: d.postcode },
          qpv: d.qpv, constructionPeriod: d.constructionPeriod, rentAndChargesCents: d.rentCents + d.chargesCents, dpe: d.dpeClass, pmr: d.pmr,
          rplsId: d.rplsId, residence: d.residence, classification: d.classification,
        },
      });
      events.forEach((e, k) => steps.push({
        vacancyId: id, type: e.type, on: day(e.on), payload: { ...e, ...extras[k] } as Prisma.InputJsonValue,
        recordedById: by[k] === "B" ? x.bailleurPersonId : x.cityPersonId, recordedByOrgId: by[k] === "B" ? x.bailleurOrgId : x.cityOrgId,
        createdAt: new Date(Date.parse(`${e.on}T10:00:00Z`) + k * 1000),
      }));
    }
  }
  await tx.vacancy.createMany({ data: vacancies });
  await tx.vacancyStep.createMany({ data: steps });
  await tx.vacancyCandidate.createMany({ data: candidates });
  return vacancies.length;
}
