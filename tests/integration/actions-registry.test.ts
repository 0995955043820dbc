// ARCHITECTURE "One registry of actions": every registered action is probed as a person of a non-party
// organisation, as a READER and as an AGENT; an action without a probe fails the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { actionRegistry, publicActionRegistry } from "@/lib/server/action";
import { rc, seeded } from "./helpers";

export type Seeded = Awaited<ReturnType<typeof seeded>>;
/**
 * Each feature may add its probes in tests/integration/probes/<feature>.ts:
 * `export async function arrange(s: Seeded): Promise<{ probes: Record<string, () => unknown>; targetIds: string[] }>`
 * — valid inputs aimed at AUMV's data (the victim organisation), and the ids of AUMV's objects they name.
 */
type ProbeModule = { arrange: (s: Seeded) => Promise<{ probes: Record<string, () => unknown>; targetIds: string[] }> };
const featureProbes = import.meta.glob<ProbeModule>("./probes/*.ts", { eager: true });

let s: Seeded;
let extraTargets: string[] = [];
let targets: { membershipId: string; invitationId: string; draftId: string; relaisId: string; avenantId: string };

beforeAll(async () => {
  s = await seeded();
  const m = await s.db.membership.findFirstOrThrow({ where: { person: { email: "agent@aumv.demo" } } });
  const inv = await s.db.oneTimeToken.create({
    data: { tokenHash: "probe-invitation", kind: "INVITATION", organisationId: s.org("aumv"), email: "x@y.fr", role: "AGENT", expiresAt: new Date(Date.now() + 86_400_000) },
  });
  // A draft between AUMV and Choisy, waiting for AUMV's confirmation.
  const draft = await s.db.convention.create({
    data: {
      kind: "CADRE", title: "Projet de partenariat", signedOn: new Date("2026-01-05"), startOn: new Date("2026-01-05"), parameters: { initialMonths: 12, renewalKind: "TACIT", renewalPeriodMonths: 12, maxTotalMonths: null, noticeMonths: 0, meetingMonths: 6 },
      parties: { create: [{ organisationId: s.org("choisy-le-roi"), roleLabel: "la Ville", partyRole: "FEDERATION", confirmedAt: new Date() }, { organisationId: s.org("aumv"), roleLabel: "l'association", partyRole: "FEDERATION" }] },
    },
  });
  const relaisId = s.convention("RELAIS");
  const avenant = await s.db.avenant.create({
    data: {
      conventionId: relaisId, number: 1, reason: "Probe", effectiveOn: new Date("2026-01-01"), changes: { referralQuota: 4 }, createdByOrgId: s.org("choisy-le-roi"), createdById: s.person("admin@choisy-le-roi.demo").id,
      parties: { create: [{ organisationId: s.org("choisy-le-roi"), confirmedAt: new Date() }, { organisationId: s.org("aumv") }] },
    },
  });
  targets = { membershipId: m.id, invitationId: inv.id, draftId: draft.id, relaisId, avenantId: avenant.id };
  for (const mod of Object.values(featureProbes)) {
    const { probes: more, targetIds } = await mod.arrange(s);
    Object.assign(probes, more);
    extraTargets = [...extraTargets, ...targetIds];
  }
});
afterAll(async () => { await s.db.$disconnect(); });

/** A valid input for each action, aimed at AUMV's data. */
const probes: Record<string, () => unknown> = {
  "members.invite": () => ({ email: "nouvelle.personne@exemple.fr", firstName: "Anne", lastName: "Nouvelle", role: "AGENT" }),
  "members.revokeInvitation": () => ({ invitationId: targets.invitationId }),
  "members.changeRole": () => ({ membershipId: targets.membershipId, role: "READER" }),
  "members.remove": () => ({ membershipId: targets.membershipId }),
  "members.passwordReset": () => ({ membershipId: targets.membershipId }),
  "organisations.register": () => ({ name: "Solidarité Logement Test", kind: "ASSOCIATION", siret: "", addressLine: "", postcode: "94000", commune: "Créteil", adminFirstName: "Zoé", adminLastName: "Test", adminEmail: "zoe@exemple.fr" }),
  "conventions.create": () => ({
    kind: "CADRE", title: "Partenariat de test", reference: "", territory: "", signedOn: "2026-01-05", startOn: "2026-01-05",
    parties: [{ organisationId: s.org("aumv"), roleLabel: "l'association" }, { organisationId: s.org("ush-midi-pyrenees"), roleLabel: "l'USH" }],
    params: { meetingMonths: "6", initialMonths: "12", renewalKind: "TACIT", renewalPeriodMonths: "12", maxTotalMonths: "", noticeMonths: "0" }, actions: [],
  }),
  "conventions.confirm": () => ({ conventionId: targets.draftId }),
  "conventions.decline": () => ({ conventionId: targets.draftId, reason: "Pas d'accord sur le texte" }),
  "conventions.update": () => ({ conventionId: targets.relaisId, version: 0, title: "Titre changé par une sonde", reference: "", territory: "" }),
  "conventions.fulfil": () => ({ conventionId: targets.relaisId, version: 0, key: "REL-7:exchange:2026-Q1", on: "2026-03-01" }),
  "conventions.letter": () => ({ conventionId: targets.relaisId, version: 0, kind: "DENOUNCED", on: "2026-03-01" }),
  "avenants.propose": () => ({ conventionId: targets.relaisId, version: 0, effectiveOn: "2026-06-01", reason: "Sonde de sécurité", parameter: "referralQuota", value: "5" }),
  "conventions.claimRefund": () => ({ conventionId: targets.relaisId, version: 0, on: "2026-03-01", amount: "1 000,00", reason: "Sommes non utilisées", dueOn: "" }),
  "avenants.confirm": () => ({ avenantId: targets.avenantId }),
  "avenants.decline": () => ({ avenantId: targets.avenantId, reason: "Sonde" }),
  "account.changePassword": () => ({ currentPassword: "faux-mot-de-passe", newPassword: "une phrase de passe robuste et longue", confirmPassword: "une phrase de passe robuste et longue" }),
};

describe("ACC-4: every registered action refuses outsiders and lower roles", () => {
  it("ACC-4: each action of the registry has a probe", () => {
    const names = [...actionRegistry().keys()].sort();
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(names.filter((n) => !(n in probes))).toEqual([]);
  });

  it("ACC-1: a person of a non-party organisation gets not-found, by URL (org slug) and by id in their own organisation", async () => {
    let cells = 0;
    const outsider = s.person("admin@valophis-habitat.demo");
    for (const [name, action] of actionRegistry()) {
      const viaSlug = await action.execute(rc(outsider), "aumv", probes[name]());
      expect(viaSlug, `${name} via l'organisation d'autrui`).toMatchObject({ ok: false, code: "not-found" });
      cells++;
      const body = JSON.stringify(probes[name]());
      if ([targets.membershipId, targets.invitationId, targets.draftId, targets.relaisId, targets.avenantId, ...extraTargets].some((t) => body.includes(t))) {
        const viaId = await action.execute(rc(outsider), "valophis-habitat", probes[name]());
        expect(viaId, `${name} avec l'identifiant d'un objet d'autrui`).toMatchObject({ ok: false, code: "not-found" });
        cells++;
      }
    }
    // Nothing of AUMV changed.
    const m = await s.db.membership.findUniqueOrThrow({ where: { id: targets.membershipId } });
    expect(m.role).toBe("AGENT");
    expect(cells).toBeGreaterThanOrEqual(actionRegistry().size + 13);
    const relais = await s.db.convention.findUniqueOrThrow({ where: { id: targets.relaisId }, include: { events: true } });
    expect(relais.version).toBe(0);
    expect(relais.title).not.toContain("sonde");
    expect(relais.events.filter((e) => e.type === "DENOUNCED")).toHaveLength(0);
    expect(await s.db.conventionParty.count({ where: { conventionId: targets.draftId, confirmedAt: { not: null } } })).toBe(1);
  });

  it("ACC-4: a READER and an AGENT are refused what their role does not allow", async () => {
    let cells = 0;
    for (const [role, email] of [["READER", "lecteur@aumv.demo"], ["AGENT", "agent@aumv.demo"]] as const) {
      for (const [name, action] of actionRegistry()) {
        const r = await action.execute(rc(s.person(email)), "aumv", probes[name]());
        if (action.roles.includes(role)) expect(r, `${name} en ${role}`).not.toMatchObject({ code: "forbidden" });
        else expect(r, `${name} en ${role}`).toMatchObject({ ok: false, code: "forbidden" });
        cells++;
      }
    }
    expect(cells).toBe(actionRegistry().size * 2);
    expect((await s.db.membership.findUniqueOrThrow({ where: { id: targets.membershipId } })).role).toBe("AGENT");
  });

  it("every action refuses a request without session or from another origin, before reading anything", async () => {
    const admin = s.person("admin@aumv.demo");
    for (const [name, action] of actionRegistry()) {
      expect(await action.execute(rc(null), "aumv", probes[name]())).toMatchObject({ ok: false, code: "signed-out" });
      expect(await action.execute({ ...rc(admin), origin: null }, "aumv", probes[name]())).toMatchObject({ ok: false, code: "origin" });
      expect(await action.execute(rc(admin, "https://evil.example"), "aumv", probes[name]())).toMatchObject({ ok: false, code: "origin" });
    }
    for (const [, action] of publicActionRegistry()) {
      expect(await action.execute({ ...rc(null), origin: null }, {})).toMatchObject({ ok: false, code: "origin" });
    }
  });

  it("ACC-4: the ADMIN may, and the change is audited with field names only", async () => {
    const admin = s.person("admin@aumv.demo");
    const r = await actionRegistry().get("members.changeRole")!.execute(rc(admin), "aumv", probes["members.changeRole"]());
    expect(r).toEqual({ ok: true, data: undefined });
    const ev = await s.db.auditEvent.findFirstOrThrow({ where: { action: "member.role" } });
    expect(ev).toMatchObject({ actorId: admin.id, organisationId: s.org("aumv"), entityType: "Membership", entityId: targets.membershipId, fields: ["role"] });
  });
});
