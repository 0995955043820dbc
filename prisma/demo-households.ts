// Demo households of the Ville de Choisy-le-Roi (issue 6 §1): varied compositions and resources, some DALO,
// one « Hélène » for the accent-insensitive search. Dates of decisions and consents are relative to today.
import type { Prisma } from "../lib/generated/prisma/client";
import { computeSearchKey } from "../lib/server/households";

type Member = { lastName: string; firstName: string; birthDate: string; relationship: "CONJOINT" | "ENFANT" | "PARENT" | "AUTRE" };
type Resource = { source: "SALAIRE" | "RSA" | "ARE" | "AAH" | "PENSION" | "PRESTATIONS_FAMILIALES" | "APL" | "AUTRE"; euros: number };
type DemoHousehold = {
  lastName: string; firstName: string; birthDate: string; nur?: string; housingSituation: string; commune: string;
  /** Days before today of the DALO decision. */
  dalo?: { daysAgo: number; decision: "LOGEMENT" | "HEBERGEMENT" | "REJET" };
  consent?: { daysAgo: number; by: string };
  members: Member[];
  resources: Resource[];
};

const CHILD = "ENFANT" as const;
export const DEMO_HOUSEHOLDS: DemoHousehold[] = [
  { lastName: "Martin", firstName: "Hélène", birthDate: "1986-04-12", nur: "094112345678901", housingSituation: "HEBERGE_TIERS", commune: "Choisy-le-Roi",
    dalo: { daysAgo: 140, decision: "LOGEMENT" }, consent: { daysAgo: 20, by: "Hélène Martin" },
    members: [{ lastName: "Martin", firstName: "Léa", birthDate: "2014-09-03", relationship: CHILD }, { lastName: "Martin", firstName: "Noah", birthDate: "2018-01-22", relationship: CHILD }],
    resources: [{ source: "SALAIRE", euros: 1234.58 }, { source: "PRESTATIONS_FAMILIALES", euros: 312.4 }] },
  { lastName: "Benali", firstName: "Karim", birthDate: "1979-11-02", nur: "094112300418522", housingSituation: "HOTEL", commune: "Choisy-le-Roi",
    consent: { daysAgo: 45, by: "Karim et Samira Benali" },
    members: [{ lastName: "Benali", firstName: "Samira", birthDate: "1983-06-18", relationship: "CONJOINT" }, { lastName: "Benali", firstName: "Yanis", birthDate: "2010-02-09", relationship: CHILD },
      { lastName: "Benali", firstName: "Inès", birthDate: "2013-12-01", relationship: CHILD }, { lastName: "Benali", firstName: "Adam", birthDate: "2019-07-30", relationship: CHILD }],
    resources: [{ source: "SALAIRE", euros: 1480 }, { source: "PRESTATIONS_FAMILIALES", euros: 486.9 }] },
  { lastName: "Durand", firstName: "Michel", birthDate: "1958-03-27", nur: "094112200774310", housingSituation: "PARC_PRIVE", commune: "Choisy-le-Roi",
    members: [], resources: [{ source: "PENSION", euros: 1102.35 }, { source: "APL", euros: 214 }] },
  { lastName: "Émile", firstName: "Josiane", birthDate: "1971-08-15", nur: "094112401120087", housingSituation: "HEBERGEMENT", commune: "Choisy-le-Roi",
    dalo: { daysAgo: 300, decision: "HEBERGEMENT" }, consent: { daysAgo: 90, by: "Josiane Émile" },
    members: [{ lastName: "Émile", firstName: "Kevin", birthDate: "2006-05-04", relationship: CHILD }], resources: [{ source: "RSA", euros: 646.52 }, { source: "AUTRE", euros: 60 }] },
  { lastName: "Fabre", firstName: "Julien", birthDate: "1992-10-19", nur: "094112500006734", housingSituation: "HEBERGE_TIERS", commune: "Vitry-sur-Seine",
    members: [{ lastName: "N'Diaye", firstName: "Aminata", birthDate: "1994-02-11", relationship: "CONJOINT" }], resources: [{ source: "ARE", euros: 1015.6 }, { source: "SALAIRE", euros: 890 }] },
  { lastName: "Nguyen", firstName: "Thi Lan", birthDate: "1968-01-05", nur: "094112302251190", housingSituation: "PARC_SOCIAL", commune: "Choisy-le-Roi",
    consent: { daysAgo: 12, by: "Thi Lan Nguyen" },
    members: [{ lastName: "Nguyen", firstName: "Van Minh", birthDate: "1940-07-21", relationship: "PARENT" }], resources: [{ source: "SALAIRE", euros: 1390.12 }, { source: "PENSION", euros: 712 }] },
  { lastName: "Lefèvre", firstName: "Océane", birthDate: "1999-12-24", nur: "094112600314456", housingSituation: "SANS_DOMICILE", commune: "Choisy-le-Roi",
    dalo: { daysAgo: 60, decision: "LOGEMENT" }, consent: { daysAgo: 30, by: "Océane Lefèvre" },
    members: [{ lastName: "Lefèvre", firstName: "Mathis", birthDate: "2022-03-14", relationship: CHILD }], resources: [{ source: "RSA", euros: 865.2 }, { source: "PRESTATIONS_FAMILIALES", euros: 190.7 }] },
  { lastName: "Traoré", firstName: "Moussa", birthDate: "1975-09-09", nur: "094112102258803", housingSituation: "LOGEMENT_TEMPORAIRE", commune: "Choisy-le-Roi",
    consent: { daysAgo: 200, by: "Moussa et Fatoumata Traoré" },
    members: [{ lastName: "Traoré", firstName: "Fatoumata", birthDate: "1980-04-02", relationship: "CONJOINT" }, { lastName: "Traoré", firstName: "Awa", birthDate: "2008-10-10", relationship: CHILD },
      { lastName: "Traoré", firstName: "Sékou", birthDate: "2011-01-17", relationship: CHILD }],
    resources: [{ source: "SALAIRE", euros: 1650 }, { source: "SALAIRE", euros: 980.45 }, { source: "PRESTATIONS_FAMILIALES", euros: 301.2 }] },
  { lastName: "Da Silva", firstName: "Maria", birthDate: "1963-06-30", housingSituation: "PARC_PRIVE", commune: "Orly",
    members: [], resources: [{ source: "AAH", euros: 1016.05 }] },
  { lastName: "Garnier", firstName: "Sébastien", birthDate: "1988-02-28", nur: "094112700590021", housingSituation: "HEBERGEMENT", commune: "Choisy-le-Roi",
    dalo: { daysAgo: 420, decision: "REJET" },
    members: [], resources: [{ source: "ARE", euros: 1187.3 }] },
  { lastName: "Öztürk", firstName: "Zeynep", birthDate: "1990-05-07", nur: "094112303377412", housingSituation: "HEBERGE_TIERS", commune: "Choisy-le-Roi",
    consent: { daysAgo: 5, by: "Zeynep et Emre Öztürk" },
    members: [{ lastName: "Öztürk", firstName: "Emre", birthDate: "1987-12-12", relationship: "CONJOINT" }, { lastName: "Öztürk", firstName: "Elif", birthDate: "2017-08-08", relationship: CHILD }],
    resources: [{ source: "SALAIRE", euros: 1745.9 }, { source: "PRESTATIONS_FAMILIALES", euros: 141.99 }] },
  { lastName: "Chevalier", firstName: "Éloïse", birthDate: "1996-07-01", nur: "094112800112233", housingSituation: "HOTEL", commune: "Choisy-le-Roi",
    dalo: { daysAgo: 25, decision: "LOGEMENT" },
    members: [{ lastName: "Chevalier", firstName: "Lina", birthDate: "2020-11-05", relationship: CHILD }, { lastName: "Chevalier", firstName: "Jade", birthDate: "2023-04-19", relationship: CHILD }],
    resources: [{ source: "RSA", euros: 1035.34 }, { source: "PRESTATIONS_FAMILIALES", euros: 342.6 }] },
];

const daysBefore = (today: string, n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000);

/** Writes the demo households (owned by Choisy-le-Roi, created by its agent); returns « Prénom Nom » → id. */
export async function seedDemoHouseholds(
  tx: Prisma.TransactionClient,
  ctx: { orgId: (slug: string) => string; personId: (email: string) => string; today: string },
): Promise<Record<string, string>> {
  const organisationId = ctx.orgId("choisy-le-roi");
  const createdById = ctx.personId("agent@choisy-le-roi.demo");
  const ids: Record<string, string> = {};
  for (const h of DEMO_HOUSEHOLDS) {
    const row = await tx.household.create({
      data: {
        organisationId, createdById,
        referenceLastName: h.lastName, referenceFirstName: h.firstName, referenceBirthDate: new Date(`${h.birthDate}T00:00:00Z`),
        searchKey: computeSearchKey({ referenceFirstName: h.firstName, referenceLastName: h.lastName, members: h.members }),
        nur: h.nur ?? null, housingSituation: h.housingSituation, commune: h.commune,
        daloDecision: h.dalo?.decision ?? null, daloRecognisedOn: h.dalo ? daysBefore(ctx.today, h.dalo.daysAgo) : null,
        consentOn: h.consent ? daysBefore(ctx.today, h.consent.daysAgo) : null, consentBy: h.consent?.by ?? null,
        members: { create: h.members.map((m) => ({ ...m, birthDate: new Date(`${m.birthDate}T00:00:00Z`) })) },
        resources: { create: h.resources.map((r) => ({ source: r.source, monthlyCents: Math.round(r.euros * 100) })) },
      },
      select: { id: true },
    });
    ids[`${h.firstName} ${h.lastName}`] = row.id;
  }
  return ids;
}
