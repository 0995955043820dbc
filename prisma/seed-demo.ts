// Writes the demo tenant. Shared by `npm run db:seed` (prisma/seed.ts) and the tests (STYLE §5: one factory).
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_PERSONS, demoConventions } from "./demo-data";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function seedDemo(prisma: PrismaClient, today: string): Promise<{ organisations: number; persons: number; conventions: number }> {
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2 /* Argon2id */, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  const year = Number(today.slice(0, 4));
  return prisma.$transaction(async (tx) => {
    const orgId = new Map<string, string>();
    for (const o of DEMO_ORGS) {
      const row = await tx.organisation.create({ data: o });
      orgId.set(o.slug, row.id);
    }
    for (const p of DEMO_PERSONS) {
      await tx.person.create({
        data: {
          email: p.email, firstName: p.firstName, lastName: p.lastName, passwordHash,
          memberships: { create: p.memberships.map((m) => ({ organisationId: orgId.get(m.org)!, role: m.role })) },
        },
      });
    }
    const conventions = demoConventions(year);
    for (const c of conventions) {
      await tx.convention.create({
        data: {
          kind: c.kind, title: c.title, reference: c.reference, territory: c.territory, isDemo: c.isDemo ?? false,
          signedOn: day(c.signedOn), startOn: day(c.startOn), initialMonths: c.initialMonths,
          renewalKind: c.renewal.kind, renewalPeriodMonths: c.renewal.periodMonths, renewalMaxTotalMonths: c.renewal.maxTotalMonths,
          parties: { create: c.parties.map((p) => ({ organisationId: orgId.get(p.org)!, roleLabel: p.roleLabel })) },
        },
      });
    }
    await tx.auditEvent.create({ data: { action: "demo.seed", entityType: "Tenant", fields: [] } });
    return { organisations: DEMO_ORGS.length, persons: DEMO_PERSONS.length, conventions: conventions.length };
  }, { timeout: 60_000 });
}
