// The annual bilans of the demo (issue 11, RES-22, RES-23): the bilans of 2024 and 2025 that Valophis Habitat marked
// sent to the Ville de Choisy-le-Roi (the demo's convention events) get their .xlsx attached to the convention, as the
// « Marquer comme envoyé » action does; the validation meeting of the 2024 bilan (held in 2025) gets its participants.
import type { Prisma } from "../lib/generated/prisma/client";
import { toXlsx } from "../lib/export/table";
import { annualBilanView } from "../lib/server/annual-bilan";
import { bilanFileName, bilanTables } from "../lib/server/annual-bilan-tables";
import { blobStore } from "../lib/server/storage";
import { createHash } from "node:crypto";

type Tx = Prisma.TransactionClient;

export async function seedDemoBilans(tx: Tx, x: { conventionId: string; bailleurOrgId: string; bailleurPersonId: string; today: string }): Promise<number> {
  const events = await tx.conventionEvent.findMany({ where: { conventionId: x.conventionId, type: { in: ["ANNUAL_BILAN_SENT", "MEETING"] } } });
  let attached = 0;
  for (const e of events.filter((e) => e.type === "ANNUAL_BILAN_SENT")) {
    const year = (e.payload as { year: number }).year;
    const v = await annualBilanView({ personId: x.bailleurPersonId, org: { id: x.bailleurOrgId, slug: "valophis-habitat", name: "Valophis Habitat", kind: "BAILLEUR" } }, x.conventionId, year, x.today, tx);
    if (!v) continue;
    const bytes = new Uint8Array(await toXlsx(bilanTables(v), { creator: v.bailleur.name, title: bilanFileName(v) }));
    const key = `documents/${x.conventionId}/demo-bilan-${year}`;
    await blobStore(tx).put(key, bytes);
    const fileName = `${bilanFileName(v)}.xlsx`;
    const doc = await tx.document.create({
      data: {
        conventionId: x.conventionId, category: "ANNUAL_BILAN", fileName, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        sizeBytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex"), storageKey: key,
        uploadedById: x.bailleurPersonId, uploadedByOrgId: x.bailleurOrgId, createdAt: new Date(`${e.on.toISOString().slice(0, 10)}T10:00:00Z`),
      },
    });
    await tx.conventionEvent.update({ where: { id: e.id }, data: { details: { documentId: doc.id, fileName }, recordedById: x.bailleurPersonId } });
    attached++;
    // RES-23: the validation meeting of this bilan is the yearly validation meeting of the next year.
    const meeting = events.find((m) => m.type === "MEETING" && (m.payload as { meetingKind?: string; period?: string }).meetingKind === "VALIDATION" && (m.payload as { period?: string }).period === String(year + 1));
    if (meeting) {
      await tx.conventionEvent.update({
        where: { id: meeting.id },
        data: {
          details: {
            participants: "Mme Hamon (Ville de Choisy-le-Roi, service habitat), M. Bertrand (Valophis Habitat, agence de Choisy-le-Roi)",
            minutes: `Bilan ${year} validé : ${v.reservataires[0]?.row.counted ?? 0} logements comptés pour un objectif de ${v.reservataires[0]?.row.objective ?? "—"} ; répartition par résidence à rééquilibrer vers les classements 1 et 2.`,
            bilanYear: year,
          },
        },
      });
    }
  }
  return attached;
}
