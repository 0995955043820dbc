import "server-only";
import { ZRegisterOrganisationInput, ZSetRetentionInput } from "@/lib/validation/organisations";
import { ActionError, orgAction } from "../action";
import type { Tx } from "../db";
import { expiry, newToken } from "../tokens";

export function slugify(name: string): string {
  return name
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")
    .slice(0, 60) || "organisation";
}

async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set((await tx.organisation.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** An ADMIN registers a partner organisation not yet on the platform, with its first ADMIN invited by link. */
export const registerOrganisation = orgAction({
  name: "organisations.register",
  roles: ["ADMIN"],
  schema: ZRegisterOrganisationInput,
  async handler(input, { caller, tx, audit }) {
    if (input.siret) {
      const existing = await tx.organisation.findUnique({ where: { siret: input.siret }, select: { name: true } });
      if (existing) throw new ActionError(`Cette organisation est déjà inscrite : ${existing.name}.`, { siret: [`SIRET déjà inscrit (${existing.name}).`] });
    }
    const org = await tx.organisation.create({
      data: {
        slug: await freeSlug(tx, input.name), name: input.name, kind: input.kind, siret: input.siret,
        addressLine: input.addressLine || null, postcode: input.postcode || null, commune: input.commune, registeredByOrgId: caller.org.id,
      },
    });
    const { token, tokenHash } = newToken();
    const t = await tx.oneTimeToken.create({
      data: { tokenHash, kind: "INVITATION", organisationId: org.id, email: input.adminEmail, firstName: input.adminFirstName, lastName: input.adminLastName, role: "ADMIN", expiresAt: expiry("INVITATION"), createdById: caller.personId },
    });
    await audit({ action: "organisation.register", entityType: "Organisation", entityId: org.id, fields: ["name", "kind", "siret", "addressLine", "postcode", "commune"] });
    await audit({ action: "member.invite", entityType: "OneTimeToken", entityId: t.id, organisationId: org.id, fields: ["email", "firstName", "lastName", "role"] });
    return { id: org.id, name: org.name, path: `/invitation/${token}`, expiresAt: t.expiresAt.toISOString() };
  },
});

/** Issue 8 §2: the organisation's retention of household data (months after the last contact of closed cases). */
export const setRetention = orgAction({
  name: "organisations.setRetention",
  roles: ["ADMIN"],
  schema: ZSetRetentionInput,
  async handler(input, { caller, tx, audit }) {
    await tx.organisation.update({ where: { id: caller.org.id }, data: { retentionMonths: input.months } });
    await audit({ action: "organisation.retention", entityType: "Organisation", entityId: caller.org.id, fields: ["retentionMonths"] });
  },
});
