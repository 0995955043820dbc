// Writes the demo tenant. Shared by `npm run db:seed` (prisma/seed.ts) and the tests (STYLE §5: one factory).
// Conventions go through the same creation path as the form (validation, parties, signature, obligations).
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { createConvention } from "../lib/server/convention-write";
import { domainInput, refreshConventionObligations } from "../lib/server/conventions";
import { demoConventionEvents } from "./demo-events";
import { seedDemoHouseholds } from "./demo-households";
import { seedDemoDwellings } from "./demo-dwellings";
import { seedDemoDroits } from "./demo-droits";
import { seedDemoVacancies } from "./demo-vacancies";
import { seedDemoBilans } from "./demo-bilans";
import { previousConventionStories, seedDemoCases } from "./demo-cases";
import { seedDemoSupports } from "./demo-supports";
import { seedDemoAudit } from "./demo-audit";
import { computeSearchKey } from "../lib/server/households";
import { defaultParams } from "../lib/validation/convention-params";
import { paramToInput, ZCreateConventionInput, CONVENTION_PARAM_SPEC } from "../lib/validation/conventions";
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_PERSONS, demoConventions } from "./demo-data";

/** Issue 13: who receives the daily digest in the demo, for which organisations. */
export const DEMO_DIGESTS: [email: string, orgs: string[]][] = [
  ["agent@choisy-le-roi.demo", ["choisy-le-roi"]],
  ["agent@aumv.demo", ["aumv"]],
  ["agent@valophis-habitat.demo", ["valophis-habitat"]],
  ["nadia.benali@multi.demo", ["aumv", "fnars-midi-pyrenees"]],
];

export async function seedDemo(prisma: PrismaClient, today: string): Promise<{ organisations: number; persons: number; conventions: number; households: number; cases: number }> {
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2 /* Argon2id */, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  const year = Number(today.slice(0, 4));
  return prisma.$transaction(async (tx) => {
    const orgId = new Map<string, string>();
    for (const o of DEMO_ORGS) {
      const row = await tx.organisation.create({ data: o });
      orgId.set(o.slug, row.id);
    }
    const adminOf = new Map<string, string>();
    const personIds = new Map<string, string>();
    for (const p of DEMO_PERSONS) {
      const person = await tx.person.create({
        data: {
          email: p.email, firstName: p.firstName, lastName: p.lastName, passwordHash,
          memberships: { create: p.memberships.map((m) => ({ organisationId: orgId.get(m.org)!, role: m.role })) },
        },
      });
      for (const m of p.memberships) if (m.role === "ADMIN") adminOf.set(m.org, person.id);
      personIds.set(p.email, person.id);
    }
    const conventions = demoConventions(year);
    let relaisId = "";
    let previousRelaisId = "";
    const fnavdl = { current: "", previous: "" };
    let reservationId = "";
    const aslliByYear = new Map<number, string>();
    for (const c of conventions) {
      const defaults = defaultParams(c.kind, year);
      const specs = CONVENTION_PARAM_SPEC[c.kind];
      const params = Object.fromEntries(specs.map((s) => [s.key, paramToInput(s, defaults[s.key])]));
      const input = ZCreateConventionInput.parse({
        kind: c.kind, title: c.title, reference: c.reference ?? "", territory: c.territory ?? "", signedOn: c.signedOn, startOn: c.startOn,
        parties: c.parties.map((p) => ({ organisationId: orgId.get(p.org)!, roleLabel: p.roleLabel })),
        params: { ...params, ...c.params },
        ...(c.kind === "CADRE" ? { actions: c.actions ?? [] } : {}),
      });
      const first = c.parties[0].org;
      const created = await createConvention(tx, { personId: adminOf.get(first)!, orgId: orgId.get(first)! }, input, today, { isDemo: c.isDemo, confirmAll: true });
      const events = demoConventionEvents(domainInput(created), c.signedOn, today, created.parameters as Record<string, unknown>);
      await tx.conventionEvent.createMany({ data: events.map((e) => ({ conventionId: created.id, type: e.type, on: new Date(`${e.on}T00:00:00Z`), payload: e })) });
      await refreshConventionObligations(tx, created.id, today);
      if (c.kind === "RELAIS") {
        if (c.startOn === "2023-01-01") previousRelaisId = created.id;
        else relaisId = created.id;
      }
      // The first FNAVDL convention of the list is the current one, the next the previous one.
      if (c.kind === "FNAVDL") fnavdl[fnavdl.current ? "previous" : "current"] = created.id;
      if (c.kind === "ASLLI") aslliByYear.set(Number(c.params?.year), created.id);
      if (c.kind === "RESERVATION_FLUX") reservationId = created.id;
    }
    // Valophis's stock in Choisy-le-Roi, its rotation, and Choisy's droits de réservation (issue 9).
    await seedDemoDwellings(tx, { bailleurOrgId: orgId.get("valophis-habitat")!, personId: personIds.get("agent@valophis-habitat.demo")!, territory: "Choisy-le-Roi" });
    await seedDemoDroits(tx, { conventionId: reservationId, personId: personIds.get("agent@choisy-le-roi.demo")!, today });
    // The vacancies of 2024 and 2025 and the annual bilans sent with their file (issue 11, RES-13, RES-22, RES-23).
    await seedDemoVacancies(tx, {
      bailleurOrgId: orgId.get("valophis-habitat")!, conventionId: reservationId, bailleurPersonId: personIds.get("agent@valophis-habitat.demo")!,
      cityPersonId: personIds.get("agent@choisy-le-roi.demo")!, cityOrgId: orgId.get("choisy-le-roi")!, today,
    });
    await seedDemoBilans(tx, { conventionId: reservationId, bailleurOrgId: orgId.get("valophis-habitat")!, bailleurPersonId: personIds.get("agent@valophis-habitat.demo")!, today });
    // Households of the Ville and relais cases in every state (issue 6 §7).
    const households = await seedDemoHouseholds(tx, { orgId: (slug) => orgId.get(slug)!, personId: (email) => personIds.get(email)!, today });
    const cases = await seedDemoCases(tx, {
      conventionId: relaisId, communeId: orgId.get("choisy-le-roi")!, associationId: orgId.get("aumv")!,
      cityAgentId: personIds.get("agent@choisy-le-roi.demo")!, associationAgentId: personIds.get("agent@aumv.demo")!,
      households: Object.values(households), today,
    });
    // Households followed under the previous convention (their figures are seed 000's: 10, 2, 3, 4, 2).
    const formerNames = [["Ferreira", "Maria"], ["Kone", "Ibrahim"], ["Lambert", "Sylvie"], ["Haddouche", "Nadia"], ["Petit", "Christophe"], ["Traoré", "Mariam"],
      ["Leroy", "Céline"], ["Boucher", "Patrick"], ["Gomes", "Ana"], ["Mansour", "Youssef"], ["Robin", "Aurélie"], ["Cissé", "Oumar"]];
    const former: string[] = [];
    for (const [lastName, firstName] of formerNames) {
      const h = await tx.household.create({ data: { organisationId: orgId.get("choisy-le-roi")!, referenceFirstName: firstName, referenceLastName: lastName, searchKey: computeSearchKey({ referenceFirstName: firstName, referenceLastName: lastName, members: [] }), commune: "Choisy-le-Roi", createdById: personIds.get("agent@choisy-le-roi.demo")! } });
      former.push(h.id);
    }
    const formerCases = await seedDemoCases(tx, {
      conventionId: previousRelaisId, communeId: orgId.get("choisy-le-roi")!, associationId: orgId.get("aumv")!,
      cityAgentId: personIds.get("agent@choisy-le-roi.demo")!, associationAgentId: personIds.get("agent@aumv.demo")!, households: former, today,
    }, previousConventionStories());
    // AUMV's FNAVDL cases and Habiter Solidaire en Alsace's ASLLi measures in every state (issue 7).
    const supports = await seedDemoSupports(tx, { today, orgId: (slug) => orgId.get(slug)!, personId: (email) => personIds.get(email)!, fnavdl, aslli: aslliByYear });
    // Issue 13: the daily digest, turned on by a few agents (and Nadia Benali for both her organisations).
    for (const [email, orgs] of DEMO_DIGESTS) {
      await tx.digestPreference.create({ data: { personId: personIds.get(email)!, enabled: true, organisationIds: orgs.map((o) => orgId.get(o)!) } });
    }
    // The audit trail of the demo's steps (issue 14: the audit view).
    await seedDemoAudit(tx);
    await tx.auditEvent.create({ data: { action: "demo.seed", entityType: "Tenant", fields: [] } });
    return {
      organisations: DEMO_ORGS.length, persons: DEMO_PERSONS.length, conventions: conventions.length,
      households: Object.keys(households).length + former.length + supports.households, cases: cases + formerCases + supports.cases,
    };
  }, { timeout: 120_000 });
}
