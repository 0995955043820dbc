// Fresh FNAVDL and ASLLi conventions with AUMV as the association, signed through the actions, and households
// of AUMV, for the FNAVDL case and ASLLi measure tests (issue 7) and their registry probes.
//  - FNAVDL (AVD-1..10): préfecture du Val-de-Marne (ETAT) ↔ AUMV, DALO public, signed 2024-06-03, 24 months
//    (convention years Y1 2024-06-03..2025-06-02, Y2 2025-06-03..2026-06-02), start within 30 days, at most
//    1 bailleur prescription a year (AVD-6).
//  - ASLLI (ASL-1..14): Collectivité européenne d'Alsace (DEPARTEMENT) ↔ AUMV, year 2025, 285,00 € a month-measure.
import "@/lib/server/actions";
import { actionRegistry } from "@/lib/server/action";
import { CONVENTION_PARAMS, defaultParams, type ParamValue } from "@/lib/validation/convention-params";
import { paramToInput } from "@/lib/validation/conventions";
import type { ConventionKind } from "@/lib/domain";
import { rc, type seeded } from "./helpers";

type S = Awaited<ReturnType<typeof seeded>>;

function paramsInput(kind: ConventionKind, overrides: Record<string, ParamValue>, year?: number) {
  const d = { ...defaultParams(kind, year), ...overrides };
  return Object.fromEntries(CONVENTION_PARAMS[kind].map((p) => [p.key, paramToInput(p, d[p.key])]));
}

async function createAndConfirm(s: S, creator: { email: string; slug: string }, confirmer: { email: string; slug: string }, input: Record<string, unknown>) {
  const created = await actionRegistry().get("conventions.create")!.execute(rc(s.person(creator.email)), creator.slug, input);
  if (!created.ok) throw new Error(`convention non créée : ${JSON.stringify(created)}`);
  const conventionId = (created as { data: { id: string } }).data.id;
  const confirmed = await actionRegistry().get("conventions.confirm")!.execute(rc(s.person(confirmer.email)), confirmer.slug, { conventionId });
  if (!confirmed.ok || !(confirmed.data as { signed: boolean }).signed) throw new Error(`convention non signée : ${JSON.stringify(confirmed)}`);
  return conventionId;
}

export async function fnavdlAslliFixture(s: S, households = 16) {
  const fnavdlId = await createAndConfirm(s, { email: "admin@prefecture-val-de-marne.demo", slug: "prefecture-val-de-marne" }, { email: "admin@aumv.demo", slug: "aumv" }, {
    kind: "FNAVDL", title: "FNAVDL de test (DALO)", reference: "", territory: "Val-de-Marne", signedOn: "2024-06-03", startOn: "2024-06-03",
    parties: [{ organisationId: s.org("prefecture-val-de-marne"), roleLabel: "l'administration" }, { organisationId: s.org("aumv"), roleLabel: "l'association" }],
    params: paramsInput("FNAVDL", { publicKind: "DALO", actions: ["DIAGNOSTIC", "AVDL", "BAIL_GLISSANT"], months: "24", startDelayDays: 30, capBailleurs: 1 }),
  });
  const aslliId = await createAndConfirm(s, { email: "admin@alsace.demo", slug: "alsace" }, { email: "admin@aumv.demo", slug: "aumv" }, {
    kind: "ASLLI", title: "ASLLi de test 2025", reference: "", territory: "Bas-Rhin", signedOn: "2024-12-15", startOn: "2025-01-01",
    parties: [{ organisationId: s.org("alsace"), roleLabel: "la Collectivité (FSL, Service Logement)" }, { organisationId: s.org("aumv"), roleLabel: "l'association" }],
    params: paramsInput("ASLLI", { year: 2025, unitPriceCents: 28_500 }, 2025),
  });
  const ids: string[] = [];
  for (let i = 0; i < households; i++) {
    const h = await s.db.household.create({
      data: { organisationId: s.org("aumv"), referenceFirstName: `Prénom${i}`, referenceLastName: `Ménage${i}`, searchKey: `menage${i} prenom${i}`, createdById: s.person("agent@aumv.demo").id },
    });
    ids.push(h.id);
  }
  return { fnavdlId, aslliId, households: ids };
}
