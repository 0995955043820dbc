import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { formatDate } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toXlsx } from "@/lib/export/table";
import { ZSendBilanInput, ZValidateBilanInput } from "@/lib/validation/annual-bilan";
import { ActionError, NotFoundError, orgAction } from "../action";
import { annualBilanView } from "../annual-bilan";
import { bilanFileName, bilanTables } from "../annual-bilan-tables";
import { today } from "../clock";
import { day, refreshConventionObligations } from "../conventions";
import { DOCUMENT_KINDS } from "../documents";
import { blobStore } from "../storage";

// Issue 11: the annual bilan is sent once for the territory (RES-22: the bailleur sends it to all its réservataires), and
// validated with each réservataire at the yearly meeting (RES-23). Both are recorded on the réservation conventions as
// the events the deadline engine reads (ANNUAL_BILAN_SENT, MEETING VALIDATION), so the obligations follow.

/**
 * RES-22: the bailleur marks the bilan of `year` sent. The .xlsx of the bilan as it stands is written, attached to each
 * of its réservation conventions on the territory not yet served (ANNUAL_BILAN document) and the event recorded on
 * each: the obligation is done for every réservataire at once.
 */
export const sendAnnualBilan = orgAction({
  name: "bilans.send",
  roles: ["ADMIN", "AGENT"],
  schema: ZSendBilanInput,
  async handler(input, ctx) {
    const now = today();
    const v = await annualBilanView(ctx.caller, input.conventionId, input.year, now, ctx.tx);
    if (!v) throw new NotFoundError();
    if (v.myRole !== "BAILLEUR") throw new ActionError("Seul le bailleur envoie le bilan annuel à ses réservataires (RES-22).");
    if (v.provisional) throw new ActionError(`Le bilan de ${v.year} s'envoie une fois l'année close, à partir du 1er janvier ${v.year + 1}.`, { year: ["Une année close."] });
    if (input.on < `${v.year + 1}-01-01`) throw new ActionError("La date d'envoi précède la fin de l'année du bilan.", { on: [`Au plus tôt le ${formatDate(`${v.year + 1}-01-01`)}.`] });
    if (input.on > now) throw new ActionError("Cette date est dans le futur.", { on: ["Une date passée ou aujourd'hui."] });
    const pending = v.follow.filter((f) => f.sending === null);
    if (pending.length === 0) throw new ActionError(`Le bilan ${v.year} est déjà marqué comme envoyé à tous les réservataires.`);

    const fileName = `${bilanFileName(v)}.xlsx`;
    const bytes = new Uint8Array(await toXlsx(bilanTables(v), { creator: v.bailleur.name, title: bilanFileName(v) }));
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const keys: string[] = [];
    try {
      for (const f of pending) {
        const key = `documents/${f.conventionId}/${randomUUID()}`;
        keys.push(key);
        await blobStore(ctx.tx).put(key, bytes);
        const doc = await ctx.tx.document.create({
          data: {
            conventionId: f.conventionId, category: "ANNUAL_BILAN", fileName, mimeType: DOCUMENT_KINDS.xlsx.mimeType, sizeBytes: bytes.byteLength, sha256, storageKey: key,
            uploadedById: ctx.caller.personId, uploadedByOrgId: ctx.caller.org.id,
          },
          select: { id: true },
        });
        await ctx.tx.conventionEvent.create({
          data: {
            conventionId: f.conventionId, type: "ANNUAL_BILAN_SENT", on: day(input.on), payload: { type: "ANNUAL_BILAN_SENT", on: input.on, year: v.year },
            details: { documentId: doc.id, fileName } as Prisma.InputJsonValue, recordedById: ctx.caller.personId,
          },
        });
        // Forms open on that convention saw the previous version: they must reload.
        await ctx.tx.convention.update({ where: { id: f.conventionId }, data: { version: { increment: 1 } } });
        await refreshConventionObligations(ctx.tx, f.conventionId, now);
        await ctx.audit({ action: "convention.event.annual_bilan_sent", entityType: "Convention", entityId: f.conventionId, fields: ["on", "year", "documentId"] });
      }
    } catch (e) {
      // A store outside PostgreSQL (S3) does not roll back with the transaction.
      await Promise.all(keys.map((k) => blobStore().delete(k).catch(() => {})));
      throw e;
    }
    return { conventions: pending.length };
  },
});

/**
 * RES-23: the annual validation meeting of the bilan of `year` between the réservataire and the bailleur of one
 * convention — the yearly validation meeting of `year + 1`. Either party records it, once the bilan is sent.
 */
export const validateAnnualBilan = orgAction({
  name: "bilans.validate",
  roles: ["ADMIN", "AGENT"],
  schema: ZValidateBilanInput,
  async handler(input, ctx) {
    const now = today();
    const v = await annualBilanView(ctx.caller, input.conventionId, input.year, now, ctx.tx);
    if (!v) throw new NotFoundError();
    const { sending, meeting } = v.mine;
    if (!sending) throw new ActionError(`Le bilan ${v.year} n'a pas encore été envoyé : la réunion de validation vient après (RES-23).`);
    if (meeting) throw new ActionError(`La réunion de validation du bilan ${v.year} est déjà enregistrée (le ${formatDate(meeting.on)}).`);
    if (input.on < sending.on) throw new ActionError("La réunion précède l'envoi du bilan.", { on: [`Au plus tôt le ${formatDate(sending.on)}.`] });
    if (input.on > now) throw new ActionError("Cette date est dans le futur.", { on: ["Une date passée ou aujourd'hui."] });
    const period = String(v.year + 1);
    await ctx.tx.conventionEvent.create({
      data: {
        conventionId: input.conventionId, type: "MEETING", on: day(input.on), payload: { type: "MEETING", on: input.on, meetingKind: "VALIDATION", period },
        details: { participants: input.participants, minutes: input.minutes, bilanYear: v.year }, recordedById: ctx.caller.personId,
      },
    });
    await ctx.tx.convention.update({ where: { id: input.conventionId }, data: { version: { increment: 1 } } });
    await refreshConventionObligations(ctx.tx, input.conventionId, now);
    await ctx.audit({ action: "convention.event.meeting", entityType: "Convention", entityId: input.conventionId, fields: ["on", "participants", "minutes", "bilanYear"] });
    return { on: input.on, period };
  },
});
