// The réservation flux of scripts/seed-scale.mjs (issue 10 « Done when »): a bailleur's stock in the city, its
// regimes (RES-1..4), rotation (RES-5/6), a RESERVATION_FLUX convention between the city (the measured person's
// organisation) and that bailleur with the agreed share of each year (RES-11), another réservataire on the same stock
// (the neighbour city), and the vacancies of the year (RES-17..20) with their steps, candidates and read model as the
// domain's vacancyState computes them (RES-13). Sizes: `fluxSizes(size)` — 1 000 dwellings and 200 vacancies for the
// small tenant, 100 000 and 20 000 for the large one (50 000 cases). Bulk inserts: INSERT … SELECT FROM unnest(arrays).
import { randomBytes } from "node:crypto";
import { makeRandom } from "./seed-scale-cases.mjs";

/** Dwellings and vacancies of the year for a tenant of `size` cases: 1 000 / 200 up to 1 000 cases, then 2 per case / 1 in 5 dwellings. */
export function fluxSizes(size) {
  const dwellings = size <= 1000 ? 1000 : 2 * size;
  return { dwellings, vacancies: Math.round(dwellings / 5) };
}

const TERRITORY = "Bench-sur-Seine";
const POSTCODE = "94999";
const STREETS = ["rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "boulevard de Stalingrad", "rue Pasteur", "avenue Gabriel-Péri", "rue du Port", "quai de Seine", "rue des Écoles", "avenue de la Liberté"];
const NAMES = ["Les Tilleuls", "Les Acacias", "Le Clos", "Les Jardins", "Le Parc", "Les Peupliers", "La Roseraie", "Les Érables", "Le Mail", "Les Hauts"];
const FINANCING = [["PLUS", 70], ["PLAI", 13], ["PLS", 10], ["AUTRE", 5], ["PLI", 2]];
const TYPOLOGY = [["T1", 8], ["T2", 22], ["T3", 38], ["T4", 24], ["T5", 7], ["T6+", 1]];
const DPE = [["B", 5], ["C", 17], ["D", 40], ["E", 28], ["F", 10]];
const PERIODS = [["AVANT_1949", 1935], ["1949_1974", 1965], ["1975_1989", 1982], ["1990_2004", 1997], ["2005_2014", 2010], ["DEPUIS_2015", 2018]];
const SURFACE = { T1: [24, 34], T2: [40, 52], T3: [56, 70], T4: [71, 86], T5: [87, 102], "T6+": [103, 125] };
const RENT_PER_M2 = { PLAI: 5.9, PLUS: 6.7, PLS: 9.6, PLI: 12.8, AUTRE: 5.4 };
const SOUSTRAIT_CATEGORIES = ["MUTATION_INTERNE", "RENOUVELLEMENT_URBAIN", "PERIL_INSALUBRITE", "VENTE"];
const SHARE = 0.24;
const AGREED_RATE_PPM = 200_000;
const DAY = 86_400_000;
const toDays = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const iso = (days) => new Date(days * DAY).toISOString().slice(0, 10);

const RUN = randomBytes(2).toString("hex");
let seq = 0;
function newId(random) {
  let head = "";
  for (let i = 0; i < 10; i++) head += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(random() * 36)];
  return `c${head}f${RUN}${(seq++).toString(36)}`;
}
const cols = (rows, fns) => fns.map((f) => rows.map(f));
const chunks = (rows, n) => Array.from({ length: Math.ceil(rows.length / n) }, (_, i) => rows.slice(i * n, (i + 1) * n));

/**
 * Writes the flux of the tenant. `prisma` is the owner's client (organisations, persons, conventions through the
 * same creation path as the form), `client` a pg client for the bulk inserts. Returns what the benchmark needs.
 */
export async function seedFlux({ prisma, client, size, today, year, passwordHash, domain, convention }) {
  const random = makeRandom(size * 104_729 + 3);
  const pick = (weighted) => {
    const total = weighted.reduce((s, [, w]) => s + w, 0);
    let x = random() * total;
    for (const [v, w] of weighted) if ((x -= w) < 0) return v;
    return weighted[weighted.length - 1][0];
  };
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const { dwellings: nDwellings, vacancies: nVacancies } = fluxSizes(size);

  const orgs = Object.fromEntries((await prisma.organisation.findMany({ where: { slug: { in: ["ville-bench", "ville-voisine", "bailleur-bench"] } }, select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));
  const bailleurPerson = (await prisma.person.create({
    data: { email: "agent@bailleur-bench.demo", firstName: "Agent", lastName: "Bailleur", passwordHash, memberships: { create: [{ organisationId: orgs["bailleur-bench"], role: "ADMIN" }] } }, select: { id: true },
  })).id;
  const cityAdmin = (await prisma.person.findUniqueOrThrow({ where: { email: "bench@ville.demo" }, select: { id: true } })).id;
  const neighbourAgent = (await prisma.person.findUniqueOrThrow({ where: { email: "agent@ville-voisine.demo" }, select: { id: true } })).id;

  // The réservation conventions: the measured city's, and the neighbour city's on the same stock (another réservataire).
  const conventions = await prisma.$transaction(async (tx) => ({
    city: await convention(tx, { cityId: orgs["ville-bench"], personId: cityAdmin, bailleurId: orgs["bailleur-bench"], title: `Réservation en flux ${year - 2}-${year + 1} – Bench-sur-Seine / Bailleur de Bench`, territory: TERRITORY, startOn: `${year - 2}-01-01`, signedOn: `${year - 2}-03-15` }),
    other: await convention(tx, { cityId: orgs["ville-voisine"], personId: neighbourAgent, bailleurId: orgs["bailleur-bench"], title: "Réservation en flux – Ville voisine / Bailleur de Bench", territory: TERRITORY, startOn: `${year - 1}-01-01`, signedOn: `${year - 1}-03-01` }),
  }), { timeout: 120_000 });
  // RES-11: the share agreed each year before 28 February.
  for (const [id, share] of [[conventions.city, SHARE], [conventions.other, 0.05]]) {
    for (let y = year - 2; y <= year; y++) {
      await prisma.conventionEvent.create({ data: { conventionId: id, type: "SHARE_AGREED", on: new Date(`${y}-02-20T00:00:00Z`), payload: { type: "SHARE_AGREED", on: `${y}-02-20`, year: y, share }, recordedById: cityAdmin } });
    }
  }
  // RES-5/6: five RPLS vintages and the agreed rate.
  await prisma.rotationVintage.createMany({
    data: Array.from({ length: 5 }, (_, i) => ({ bailleurOrgId: orgs["bailleur-bench"], territory: TERRITORY, year: year - 7 + i, moveIns: Math.round(nDwellings * (0.18 + 0.01 * i)), letDwellings: Math.round(nDwellings * 0.97), recordedById: bailleurPerson })),
  });
  await prisma.agreedRotation.create({ data: { bailleurOrgId: orgs["bailleur-bench"], territory: TERRITORY, ratePpm: AGREED_RATE_PPM, provenance: "Taux convenu entre les parties (banc d'essai)", recordedById: bailleurPerson } });

  // RES-1..4: residences of ~125 dwellings; 1 in 100 residences new this year (RES-4), 1 in 100 entered in a sale plan last year.
  const dwellings = [];
  const regimes = [];
  const residences = Math.max(8, Math.round(nDwellings / 125));
  let n = 0;
  for (let r = 0; r < residences; r++) {
    const name = `${NAMES[r % NAMES.length]} ${Math.floor(r / NAMES.length) + 1}`;
    const street = STREETS[r % STREETS.length];
    const [period, built] = r < Math.floor(residences / 100) ? ["DEPUIS_2015", year] : PERIODS[int(0, PERIODS.length - 1)];
    const firstLettingYear = period === "DEPUIS_2015" && built === year ? year : built + int(0, 4);
    const qpv = random() < 0.35;
    const classification = qpv ? int(3, 4) : int(1, 3);
    const salePlan = r % 100 === 50;
    const sizeOf = Math.round(nDwellings / residences);
    for (let i = 0; i < sizeOf && n < nDwellings; i++, n++) {
      const id = newId(random);
      const rplsId = `0999${String(n + 1).padStart(9, "0")}`;
      const financing = pick(FINANCING);
      const typology = pick(TYPOLOGY);
      const [lo, hi] = SURFACE[typology];
      const surface = Math.round((lo + random() * (hi - lo)) * 100);
      dwellings.push({
        id, rplsId, residence: name, addressNumber: String(1 + Math.floor(i / 12) * 2), street, financing, typology, surface, qpv, period,
        rent: Math.round((surface / 100) * RENT_PER_M2[financing] * 100), charges: Math.round((surface / 100) * (1.5 + random() * 0.8) * 100),
        dpe: period === "DEPUIS_2015" ? "B" : pick(DPE), pmr: period === "DEPUIS_2015" ? random() < 0.25 : random() < 0.04, classification, firstLettingYear,
      });
      regimes.push(financing === "PLI" ? [id, "EXCLUDED", "1900-01-01", "NOT_SOCIAL_REGIME", null, null] : [id, "FLUX", "1900-01-01", null, null, null]);
      if (salePlan) regimes.push([id, "EXCLUDED", `${year - 1}-06-01`, "SALE_PLAN", null, null]);
      else if (financing !== "PLI" && firstLettingYear < year && random() < 0.012) regimes.push([id, "SOUSTRAIT", `${year}-01-01`, null, SOUSTRAIT_CATEGORIES[int(0, 3)], year]);
    }
  }
  // Pad the last residence so the stock has exactly nDwellings.
  while (dwellings.length < nDwellings) {
    const last = dwellings[dwellings.length - 1];
    const id = newId(random);
    dwellings.push({ ...last, id, rplsId: `0999${String(dwellings.length + 1).padStart(9, "0")}` });
    regimes.push([id, "FLUX", "1900-01-01", null, null, null]);
  }
  const now = new Date().toISOString();
  for (const part of chunks(dwellings, 10_000)) {
    await client.query(
      `INSERT INTO "Dwelling" (id, "bailleurOrgId", "rplsId", residence, "addressNumber", street, commune, postcode, financing, typology, "surfaceCentiM2", qpv, "constructionPeriod", "rentCents", "chargesCents", "dpeClass", pmr, classification, "firstLettingYear", "createdAt", "updatedAt")
       SELECT id, $1, rpls, res, num, street, $2, $3, fin, typ, surf, qpv, per, rent, chg, dpe, pmr, cls, fly, $4::timestamp, $4::timestamp
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::bool[], $14::text[], $15::int[], $16::int[], $17::text[], $18::bool[], $19::int[], $20::int[])
         AS u(id, rpls, res, num, street, fin, typ, surf, qpv, per, rent, chg, dpe, pmr, cls, fly)`,
      [orgs["bailleur-bench"], TERRITORY, POSTCODE, now, ...cols(part, [(d) => d.id, (d) => d.rplsId, (d) => d.residence, (d) => d.addressNumber, (d) => d.street, (d) => d.financing, (d) => d.typology,
        (d) => d.surface, (d) => d.qpv, (d) => d.period, (d) => d.rent, (d) => d.charges, (d) => d.dpe, (d) => d.pmr, (d) => d.classification, (d) => d.firstLettingYear])],
    );
  }
  for (const part of chunks(regimes, 20_000)) {
    await client.query(
      `INSERT INTO "DwellingRegime" (id, "dwellingId", kind, "effectiveOn", reason, category, year, source, "recordedById")
       SELECT id, dw, k, eff::date, rsn, cat, yr, 'IMPORT', $1 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[]) AS u(id, dw, k, eff, rsn, cat, yr)`,
      [bailleurPerson, ...cols(part, [() => newId(random), (g) => g[0], (g) => g[1], (g) => g[2], (g) => g[3], (g) => g[4], (g) => g[5]])],
    );
  }

  // RES-17..20 and RES-13: the vacancies of the year, each on its own dwelling (not PLI), declared between 1 January and today.
  const jan1 = toDays(`${year}-01-01`);
  const t = toDays(today);
  const pool = dwellings.filter((d) => d.financing !== "PLI");
  for (let i = pool.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [pool[i], pool[j]] = [pool[j], pool[i]]; }
  const vacancies = [];
  const steps = [];
  const candidates = [];
  const counts = { dwellings: dwellings.length, regimes: regimes.length, residences, vacancies: 0, city: 0, otherReservataire: 0, bailleur: 0, soustrait: 0, withdrawn: 0, outcomes: {} };
  for (let k = 0; k < Math.min(nVacancies, pool.length); k++) {
    const d = pool[k];
    const declared = int(jan1, t);
    const u = random();
    const orientation = u < 0.8 ? "RESERVATAIRE" : u < 0.88 ? "OTHER" : u < 0.97 ? "BAILLEUR" : "SOUSTRAIT";
    const conventionId = orientation === "RESERVATAIRE" ? conventions.city : orientation === "OTHER" ? conventions.other : null;
    const reservataire = conventionId !== null;
    const id = newId(random);
    const events = [{ type: "DECLARED", on: iso(declared) }];
    const stepExtra = [{}];
    const cands = [];
    const recorder = [bailleurPerson];
    const byBailleur = (e, extra = {}) => { events.push(e); stepExtra.push(extra); recorder.push(bailleurPerson); };
    const byReservataire = (e, extra = {}) => { events.push(e); stepExtra.push(extra); recorder.push(orientation === "OTHER" ? neighbourAgent : cityAdmin); };
    if (random() < 0.01) {
      byBailleur({ type: "WITHDRAWN", on: iso(Math.min(t, declared + int(0, 10))) });
    } else if (reservataire) {
      // RES-18: most designate within 30 days; some never do (the vacancy lapses on day 31).
      const designated = declared + int(3, 29);
      if (random() < 0.93 && designated <= t) {
        const dalo = random() < 0.03;
        const count = dalo ? 1 : 3;
        for (let r = 1; r <= count; r++) {
          cands.push({ id: newId(random), round: 1, rank: r, nur: `0999${String(int(0, 9_999_999_999)).padStart(10, "0")}`, persons: int(1, 6), resources: int(60_000, 260_000), dalo: dalo && r === 1, decision: null, decisionRank: null, accepted: null });
        }
        byReservataire({ type: "DESIGNATION", on: iso(designated), candidates: count, dalo, subsidisedD331_25_1: false }, { round: 1, classification: d.classification, classificationAcknowledgedBy: cityAdmin });
        const caleol = designated + int(7, 40);
        if (caleol <= t) {
          const v = random();
          if (v < 0.05) {
            for (const c of cands) c.decision = "NON_ATTRIBUTION";
          } else {
            cands.forEach((c, i) => { c.decision = i === 0 ? "ATTRIBUTION" : "NON_ATTRIBUTION"; });
          }
          byBailleur({ type: "CALEOL", on: iso(caleol), decisions: cands.map((c) => ({ candidate: c.id, decision: c.decision, rank: null })) }, { round: 1 });
          const answer = caleol + int(2, 15);
          if (v >= 0.05 && answer <= t) {
            const accepted = v >= 0.12;
            cands[0].accepted = accepted;
            byBailleur({ type: "CANDIDATE_ANSWER", on: iso(answer), candidate: cands[0].id, accepted }, { round: 1 });
            const lease = answer + int(5, 30);
            if (accepted && lease <= t) byBailleur({ type: "LEASE_SIGNED", on: iso(lease), candidate: cands[0].id }, { round: 1 });
          }
        }
      }
    } else {
      const lease = declared + int(15, 60);
      if (lease <= t) byBailleur({ type: "LEASE_SIGNED", on: iso(lease), candidate: "" });
    }
    let outcome, outcomeOn, dueOn = null;
    if (reservataire) {
      const s = domain.vacancyState(events, today);
      outcome = s.outcome; outcomeOn = s.outcomeOn; dueOn = s.round === 0 ? s.designationDueOn : null; // as refreshVacancy
    } else {
      const end = [...events].reverse().find((e) => e.type === "LEASE_SIGNED" || e.type === "WITHDRAWN");
      outcome = end?.type ?? "PENDING"; outcomeOn = end?.on ?? null;
    }
    counts.vacancies += 1;
    counts[{ RESERVATAIRE: "city", OTHER: "otherReservataire", BAILLEUR: "bailleur", SOUSTRAIT: "soustrait" }[orientation]] += 1;
    counts.outcomes[outcome] = (counts.outcomes[outcome] ?? 0) + 1;
    vacancies.push({
      id, dwellingId: d.id, orientation: reservataire ? "RESERVATAIRE" : orientation, conventionId, soustraitCategory: orientation === "SOUSTRAIT" ? SOUSTRAIT_CATEGORIES[int(0, 3)] : null,
      availableOn: iso(declared + int(0, 30)), declaredOn: iso(declared), outcome, outcomeOn, dueOn,
      declaration: JSON.stringify({
        financing: d.financing, typology: d.typology, surfaceM2: d.surface / 100, address: { number: d.addressNumber, street: d.street, commune: TERRITORY, postcode: POSTCODE },
        qpv: d.qpv, constructionPeriod: d.period, rentAndChargesCents: d.rent + d.charges, dpe: d.dpe, pmr: d.pmr, rplsId: d.rplsId, residence: d.residence, classification: d.classification,
      }),
    });
    events.forEach((e, i) => steps.push({ vacancyId: id, type: e.type, on: e.on, payload: JSON.stringify({ ...e, ...stepExtra[i] }), by: recorder[i], org: recorder[i] === bailleurPerson ? orgs["bailleur-bench"] : recorder[i] === cityAdmin ? orgs["ville-bench"] : orgs["ville-voisine"], i }));
    for (const c of cands) candidates.push({ ...c, vacancyId: id });
  }
  counts.withdrawn = counts.outcomes.WITHDRAWN ?? 0;
  for (const part of chunks(vacancies, 5_000)) {
    await client.query(
      `INSERT INTO "Vacancy" (id, "dwellingId", "bailleurOrgId", orientation, "conventionId", "soustraitCategory", "availableOn", "declaredOn", declaration, outcome, "outcomeOn", "designationDueOn", "stateComputedOn", version, "createdById", "createdAt")
       SELECT id, dw, $1, ori, conv, cat, av::date, dec::date, decl::jsonb, outc, oon::date, due::date, $2::date, 0, $3, dec::timestamp
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[]) AS u(id, dw, ori, conv, cat, av, dec, decl, outc, oon, due)`,
      [orgs["bailleur-bench"], today, bailleurPerson, ...cols(part, [(v) => v.id, (v) => v.dwellingId, (v) => v.orientation, (v) => v.conventionId, (v) => v.soustraitCategory, (v) => v.availableOn, (v) => v.declaredOn,
        (v) => v.declaration, (v) => v.outcome, (v) => v.outcomeOn, (v) => v.dueOn])],
    );
  }
  for (const part of chunks(steps, 20_000)) {
    await client.query(
      `INSERT INTO "VacancyStep" (id, "vacancyId", type, "on", payload, "recordedById", "recordedByOrgId", "createdAt")
       SELECT id, vid, ty, o::date, p::jsonb, rb, ro, o::timestamp + make_interval(secs => i) FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[]) AS u(id, vid, ty, o, p, rb, ro, i)`,
      cols(part, [() => newId(random), (x) => x.vacancyId, (x) => x.type, (x) => x.on, (x) => x.payload, (x) => x.by, (x) => x.org, (x) => x.i]),
    );
  }
  for (const part of chunks(candidates, 20_000)) {
    await client.query(
      `INSERT INTO "VacancyCandidate" (id, "vacancyId", round, rank, nur, persons, "monthlyResourcesCents", dalo, decision, "decisionRank", accepted)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::int[], $7::int[], $8::bool[], $9::text[], $10::int[], $11::bool[])`,
      cols(part, [(c) => c.id, (c) => c.vacancyId, (c) => c.round, (c) => c.rank, (c) => c.nur, (c) => c.persons, (c) => c.resources, (c) => c.dalo, (c) => c.decision, (c) => c.decisionRank, (c) => c.accepted]),
    );
  }
  counts.steps = steps.length;
  counts.candidates = candidates.length;
  return { conventionId: conventions.city, otherConventionId: conventions.other, year, share: SHARE, agreedRatePpm: AGREED_RATE_PPM, counts };
}
