// The cases of scripts/seed-scale.mjs: a simulated relais case (its events as lib/domain types them, the
// obligations the domain engine derives from them), and the bulk inserts of a chunk of cases.
import { randomBytes } from "node:crypto";

export const FIRST = ["Amina", "Lucas", "Chloé", "Mohamed", "Léa", "Hugo", "Fatou", "Nathan", "Inès", "Karim", "Manon", "Yanis", "Sarah", "Théo", "Aïcha", "Louis", "Camille", "Mehdi", "Emma", "Jules", "Zoé", "Ibrahim", "Clara", "Rayan", "Julie", "Moussa", "Lina", "Adam", "Élodie", "Samir", "Nora", "Paul", "Yasmine", "Victor", "Awa", "Gabriel", "Hélène", "Sofiane", "Margaux", "Bilal"];
export const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Diallo", "Benali", "Traoré", "Nguyen", "Haddad", "Kone", "Cissé", "Ouattara", "Bouzid", "Mendy", "Sanchez", "Chevalier", "Gauthier", "Perrin", "Masson", "Lemaire", "Faure", "Rousseau", "Blanc", "Guérin", "Muller"];
const SITUATIONS = ["Hébergé chez un tiers", "Hôtel social", "Logement suroccupé", "Sans domicile stable", "Expulsion en cours", "Logement indigne"];
const OUTCOMES = [["RELOGE", 0.45], ["OTHER_SOLUTION", 0.35], ["STOP", 0.2]];

/** mulberry32: a fixed-seed PRNG, so that one size always gives the same tenant. */
export function makeRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const toDays = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const iso = (days) => new Date(days * DAY).toISOString().slice(0, 10);
const plusMonths = (isoDate, n) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
};
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

const RUN = randomBytes(2).toString("hex");
let seq = 0;
/** cuid-like: lowercase letters and digits, a random head (ids in random order) and a unique tail. */
function newId(random) {
  let head = "";
  for (let i = 0; i < 10; i++) head += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(random() * 36)];
  return `c${head}${RUN}${(seq++).toString(36)}`;
}

/**
 * One relais case: REL-1 referral, REL-2 diagnostic (mostly in its window, some late or missing), REL-4 decision
 * (one in five "no"), REL-5 dwelling proposed by the Ville to some, REL-6 entry, contract, renewal, REL-7 weekly
 * visits (most workers record nearly all of them, some miss weeks) and intermediate bilans, REL-8 end and final bilan.
 */
export function simulateCase({ random, domain, today, conv, ranks }) {
  const pick = (arr) => arr[Math.floor(random() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const t = toDays(today);
  const start = toDays(conv.startOn);
  // Referral: during the convention's first 21 months for the previous one, up to yesterday for the current one.
  const lastReferral = Math.min(t - 1, conv.previous ? start + 640 : t - 1);
  const referred = iso(int(start, Math.max(start, lastReferral)));
  const cityPerson = pick(conv.cityAgents);
  const worker = pick(conv.workers);
  const events = [{ type: "REFERRAL", on: referred }];
  let closedOn = null;
  (function life() {
    const r = toDays(referred);
    if (random() < 0.04) return; // the household could not be reached (yet): the diagnostic stays due
    const d = r + (random() < 0.9 ? int(15, 31) : int(32, 55));
    if (d >= t) return;
    events.push({ type: "DIAGNOSTIC", on: iso(d) });
    const dec = d + int(2, 20);
    if (dec >= t) return;
    const entry = random() < 0.8;
    events.push({ type: "DECISION", on: iso(dec), entry });
    if (!entry) { closedOn = iso(dec); return; }
    const entryOn = dec + int(7, 100);
    const fallback = toDays(plusMonths(iso(d), 2));
    if (random() < 0.3 && fallback < Math.min(entryOn, t)) events.push({ type: "DWELLING_PROPOSED", on: iso(int(fallback, Math.min(entryOn, t) - 1)) });
    if (entryOn >= t) return;
    events.push({ type: "ENTRY", on: iso(entryOn) });
    if (random() < 0.95 && entryOn + 20 < t) events.push({ type: "CONTRACT_SENT", on: iso(entryOn + int(1, 20)) });
    // REL-6: one support in five is renewed for another 12 months (recorded a few days before the first end).
    let supportEnd = toDays(domain.relaisSupportEnd(iso(entryOn), 0));
    let renewalOn = null;
    if (random() < 0.2) {
      const on = toDays(plusMonths(iso(entryOn), 12)) - int(1, 20);
      if (on < t) {
        renewalOn = on;
        events.push({ type: "RENEWAL", on: iso(on) });
        supportEnd = toDays(domain.relaisSupportEnd(iso(entryOn), 1));
      }
    }
    // One in ten ends early (relogé or stopped before the term).
    const endOn = random() < 0.1 ? int(Math.max(entryOn + 60, (renewalOn ?? 0) + 1), supportEnd) : supportEnd;
    const missRate = random() < 0.85 ? 0.002 : 0.02;
    const last = Math.min(endOn, t - 1);
    const monday = entryOn - ((new Date(entryOn * DAY).getUTCDay() + 6) % 7);
    for (let w = monday; w <= last; w += 7) {
      const on = Math.max(entryOn, w + int(0, 4));
      if (on <= last && random() >= missRate) events.push({ type: "VISIT", on: iso(on) });
    }
    for (let k = 1; ; k++) {
      const periodEnd = toDays(plusMonths(iso(entryOn), 3 * k)) - 1;
      if (periodEnd >= endOn) break;
      const sent = periodEnd - int(0, 12);
      if (sent >= t) break;
      if (random() < 0.95) events.push({ type: "INTERMEDIATE_BILAN_SENT", on: iso(sent) });
    }
    if (endOn >= t) return;
    let u = random();
    const outcome = OUTCOMES.find(([, p]) => (u -= p) < 0)?.[0] ?? "STOP";
    events.push({ type: "END", on: iso(endOn), outcome });
    closedOn = iso(endOn);
    const finalOn = endOn + int(-5, 25);
    if (random() < 0.9 && finalOn < t) events.push({ type: "FINAL_BILAN_SENT", on: iso(Math.max(finalOn, entryOn)) });
  })();

  let obligations;
  let refused = false;
  try {
    obligations = domain.relaisCaseObligations(events, today);
  } catch (e) {
    // Should not happen; kept visible in the counts rather than hidden.
    if (!domain.isDomainError(e)) throw e;
    refused = true;
    events.length = 1;
    closedOn = null;
    obligations = domain.relaisCaseObligations(events, today);
  }
  // As lib/server/cases.ts keeps Case.nextDueOn: the earliest open due date; once closed, past misses are
  // history and only an unsent final bilan is still due.
  let nextDueOn = null;
  for (const o of obligations) if (!o.doneOn && !o.optional && o.dueOn && (nextDueOn === null || o.dueOn < nextDueOn)) nextDueOn = o.dueOn;
  if (closedOn) nextDueOn = obligations.find((o) => o.key === "REL-8:final-bilan" && !o.doneOn)?.dueOn ?? null;

  const year = Number(referred.slice(0, 4));
  const rankKey = `${conv.id}:${year}`;
  const rank = (ranks.get(rankKey) ?? 0) + 1;
  ranks.set(rankKey, rank);
  const firstName = pick(FIRST);
  const lastName = pick(LAST);
  const id = newId(random);
  return {
    id, refused, events, obligations, nextDueOn, closedOn, conv, cityPerson, worker, referred, quotaYear: year, quotaRank: rank,
    household: {
      id: newId(random), firstName, lastName, searchKey: fold(`${lastName} ${firstName}`),
      birthDate: iso(int(toDays("1950-01-01"), toDays("2004-12-31"))), nur: random() < 0.7 ? `0949${String(int(0, 999999999)).padStart(10, "0")}` : null,
      situation: pick(SITUATIONS),
    },
    referents: [{ organisationId: conv.cityId, personId: cityPerson }, { organisationId: conv.associationId, personId: worker }],
  };
}

const cols = (rows, fns) => fns.map((f) => rows.map(f));

/** One chunk of cases in one transaction: five INSERT … SELECT FROM unnest($arrays), one per table. */
export async function insertCaseBatch(client, batch, today) {
  const now = new Date().toISOString();
  const events = batch.flatMap((c) => c.events.map((e, i) => ({ c, e, i })));
  const obligations = batch.flatMap((c) => c.obligations.map((o) => ({ c, o })));
  const random = makeRandom(batch.length + events.length);
  const responsible = (c, role) => (role === "ASSOCIATION" ? c.conv.associationId : role === "COMMUNE" ? c.conv.cityId : null);
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "Household" (id, "organisationId", "referenceFirstName", "referenceLastName", "referenceBirthDate", "searchKey", nur, "housingSituation", commune, "consentOn", "consentBy", "createdById", "createdAt", "updatedAt")
       SELECT id, org, fn, ln, bd::date, sk, nur, sit, 'Bench-sur-Seine', co::date, 'la personne de référence', cb, $11::timestamp, $11::timestamp
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS u(id, org, fn, ln, bd, sk, nur, sit, co, cb)`,
      [...cols(batch, [(c) => c.household.id, (c) => c.conv.cityId, (c) => c.household.firstName, (c) => c.household.lastName, (c) => c.household.birthDate,
        (c) => c.household.searchKey, (c) => c.household.nur, (c) => c.household.situation, (c) => c.referred, (c) => c.cityPerson]), now],
    );
    await client.query(
      `INSERT INTO "Case" (id, kind, "conventionId", "householdId", "createdByOrgId", "quotaYear", "quotaRank", "nextDueOn", "closedOn", "obligationsComputedOn", version, "createdAt")
       SELECT id, 'RELAIS', conv, hh, org, qy, qr, nd::date, cl::date, $10::date, ver, ref::timestamp
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $11::int[]) AS u(id, conv, hh, org, qy, qr, nd, cl, ref, ver)`,
      [...cols(batch, [(c) => c.id, (c) => c.conv.id, (c) => c.household.id, (c) => c.conv.cityId, (c) => c.quotaYear, (c) => c.quotaRank, (c) => c.nextDueOn, (c) => c.closedOn, (c) => c.referred]),
        today, batch.map((c) => c.events.length)],
    );
    const refs = batch.flatMap((c) => c.referents.map((r) => ({ c, r })));
    await client.query(
      `INSERT INTO "CaseReferent" (id, "caseId", "organisationId", "personId") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      cols(refs, [() => newId(random), (x) => x.c.id, (x) => x.r.organisationId, (x) => x.r.personId]),
    );
    const byCity = new Set(["REFERRAL", "DWELLING_PROPOSED"]);
    await client.query(
      `INSERT INTO "CaseEvent" (id, "caseId", type, "on", payload, "recordedById", "recordedByOrgId", "createdAt")
       SELECT id, cid, ty, o::date, p::jsonb, rb, ro, o::timestamp + make_interval(secs => i) FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[]) AS u(id, cid, ty, o, p, rb, ro, i)`,
      cols(events, [() => newId(random), (x) => x.c.id, (x) => x.e.type, (x) => x.e.on, (x) => JSON.stringify(x.e),
        (x) => (byCity.has(x.e.type) ? x.c.cityPerson : x.c.worker), (x) => (byCity.has(x.e.type) ? x.c.conv.cityId : x.c.conv.associationId), (x) => x.i]),
    );
    await client.query(
      `INSERT INTO "Obligation" (id, "ownerType", "ownerId", "conventionId", key, rule, "messageKey", "opensOn", "dueOn", "doneOn", "closesOn", optional, "amountCents", "periodKey", "responsibleRole", "responsibleOrganisationId", "visibleToOrgIds")
       SELECT id, 'CASE', oid, conv, k, r, mk, op::date, du::date, dn::date, cl::date, opt, amt, per, rr, ro, string_to_array(vis, ',')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bool[], $12::int[], $13::text[], $14::text[], $15::text[], $16::text[])
         AS u(id, oid, conv, k, r, mk, op, du, dn, cl, opt, amt, per, rr, ro, vis)`,
      cols(obligations, [() => newId(random), (x) => x.c.id, (x) => x.c.conv.id, (x) => x.o.key, (x) => x.o.rule, (x) => x.o.messageKey, (x) => x.o.opensOn, (x) => x.o.dueOn,
        (x) => x.o.doneOn, (x) => x.o.closesOn, (x) => x.o.optional, (x) => x.o.amountCents, (x) => x.o.period, (x) => x.o.responsible,
        (x) => responsible(x.c, x.o.responsible), (x) => `${x.c.conv.cityId},${x.c.conv.associationId}`]),
    );
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}
