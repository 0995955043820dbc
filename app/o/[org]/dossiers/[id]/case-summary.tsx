import { FNAVDL_INTENSITY_HOURS, type AslliMeasureFacts, type FnavdlCaseFacts, type IsoDate, type RelaisCaseFacts } from "@/lib/domain";
import { formatCents, formatDate } from "@/lib/format";
import { OUTCOME_LABELS } from "@/lib/validation/cases";
import { END_REASON_LABELS, INTENSITY_LABELS, PRESCRIBER_LABELS, RESPONDENT_LABELS, SATISFACTION_LABELS, SUPPORT_ACTION_LABELS } from "@/lib/validation/fnavdl";
import { EARLY_END_LABELS, INSTRUCTOR_LABELS, PURPOSE_LABELS, SITUATION_LABELS } from "@/lib/validation/aslli";

// The facts of a case as its kind's engine reads them (never stored): what a professional checks first.

type EventRow = { type: string; on: Date; payload: unknown };
const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <><dt className="text-slate-600">{label}</dt><dd>{children}</dd></>
);
const monthName = (key: string) => new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${key}-01T00:00:00Z`));

export function RelaisSummary({ f }: { f: RelaisCaseFacts }) {
  return (
    <dl className="grid grid-cols-2 gap-y-1 text-sm sm:grid-cols-4">
      <Row label="Saisine">{formatDate(f.referredOn)}</Row>
      <Row label="Diagnostic">{f.diagnosticOn ? formatDate(f.diagnosticOn) : "—"}</Row>
      <Row label="Entrée">{f.entryOn ? formatDate(f.entryOn) : "—"}</Row>
      <Row label="Issue">{f.end ? `${OUTCOME_LABELS[f.end.outcome]} (${formatDate(f.end.on)})` : "—"}</Row>
    </dl>
  );
}

export function FnavdlSummary({ f, params, events }: { f: FnavdlCaseFacts; params: { dalo: boolean; startDelayDays: number | null }; events: EventRow[] }) {
  const surveys = events.filter((e) => e.type === "SURVEY").map((e) => e.payload as { respondent: keyof typeof RESPONDENT_LABELS; answer: keyof typeof SATISFACTION_LABELS; on: string });
  const prescription = events.find((e) => e.type === "PRESCRIPTION")?.payload as { measure: { intensity: keyof typeof INTENSITY_LABELS; plannedMonths: number } | null } | undefined;
  return (
    <dl className="grid grid-cols-2 gap-y-1 text-sm sm:grid-cols-4">
      <Row label="Public">{params.dalo ? "Ménage DALO" : "Non DALO"}</Row>
      <Row label="Prescripteur">{PRESCRIBER_LABELS[f.prescriber]}, le {formatDate(f.prescribedOn)}</Row>
      <Row label="Accord du ménage">{f.consentOn ? formatDate(f.consentOn) : "à recueillir"}</Row>
      <Row label="Diagnostic">{prescription?.measure ? "décision de la COMED (AVD-6)" : f.diagnosticOn ? formatDate(f.diagnosticOn) : "—"}</Row>
      <Row label="Orientation">{f.orientedOn ? formatDate(f.orientedOn) : "—"}</Row>
      <Row label="Accompagnement">{f.support ? `${SUPPORT_ACTION_LABELS[f.support.action]}, ${INTENSITY_LABELS[f.support.intensity].split(" (")[0].toLowerCase()} (${FNAVDL_INTENSITY_HOURS[f.support.intensity]} h/mois)` : prescription?.measure ? `prescrit : ${INTENSITY_LABELS[prescription.measure.intensity].split(" (")[0].toLowerCase()}, ${prescription.measure.plannedMonths} mois` : "—"}</Row>
      <Row label="Début">{f.support ? formatDate(f.support.startOn) : "—"}</Row>
      <Row label="Fin prévue">{f.support ? formatDate(f.support.plannedEndOn) : "—"}</Row>
      {f.dalo ? <Row label="Évaluation (AVD-9)">{f.evaluationSentOn ? `transmise le ${formatDate(f.evaluationSentOn)}` : "non transmise"}</Row> : null}
      {f.sublease ? (
        <>
          <Row label="Sous-location">depuis le {formatDate(f.sublease.startOn)}, examen jusqu&apos;au {formatDate(f.sublease.examinationEndsOn)}</Row>
          <Row label="Bail glissé">{f.sublease.slidOn ? formatDate(f.sublease.slidOn) : "—"}</Row>
        </>
      ) : null}
      <Row label="Accès au logement">{f.housingAccessOn ? `bail signé le ${formatDate(f.housingAccessOn)}` : "—"}</Row>
      <Row label="Fin">{f.end ? `${END_REASON_LABELS[f.end.reason]} (${formatDate(f.end.on)})` : "—"}</Row>
      {surveys.length ? (
        <Row label="Enquêtes de satisfaction (AVD-14)">
          {surveys.map((s, i) => <span key={i} className="block">{RESPONDENT_LABELS[s.respondent]} : {SATISFACTION_LABELS[s.answer].toLowerCase()}</span>)}
        </Row>
      ) : null}
    </dl>
  );
}

export function AslliSummary({ view, events, today }: {
  view: { facts: AslliMeasureFacts; monthsDue: string[]; amountDueCents: number | null; params: { maxMonths: number; unitPriceCents: number | null } };
  events: EventRow[]; today: IsoDate;
}) {
  const f = view.facts;
  const request = events.find((e) => e.type === "REQUEST")?.payload as { instructorProfession?: keyof typeof INSTRUCTOR_LABELS; instructorName?: string; situations?: (keyof typeof SITUATION_LABELS)[]; measuresInProgress: string[] } | undefined;
  const commission = events.find((e) => e.type === "COMMISSION")?.payload as { notifiedOn?: string } | undefined;
  const end = events.find((e) => e.type === "END")?.payload as { motive?: keyof typeof EARLY_END_LABELS } | undefined;
  const suspended = f.suspensions.find((s) => s.on <= today && s.endsOn >= today);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-y-1 text-sm sm:grid-cols-4">
        <Row label="Demande">{formatDate(f.requestedOn)}{request?.instructorProfession ? `, ${INSTRUCTOR_LABELS[request.instructorProfession].toLowerCase()}` : ""}{request?.instructorName ? ` (${request.instructorName})` : ""}</Row>
        <Row label="Situations (ASL-9)">{request?.situations?.map((s) => SITUATION_LABELS[s].split(" (")[0]).join(" ; ") || "—"}</Row>
        <Row label="Commission">{f.commission ? `${formatDate(f.commission.on)} — ${f.commission.granted ? `accordée, ${PURPOSE_LABELS[f.commission.purpose].split(" –")[0].toLowerCase()}, ${f.commission.months} mois` : "refusée"}` : "en attente"}</Row>
        <Row label="Notifiée au ménage">{commission?.notifiedOn ? formatDate(commission.notifiedOn) : "—"}</Row>
        <Row label="Début (ASL-4)">{f.startOn ? formatDate(f.startOn) : "—"}</Row>
        <Row label="Fin prévue">{f.plannedEndOn ? formatDate(f.plannedEndOn) : "—"}</Row>
        <Row label="Durée totale">{f.commission?.granted ? `${f.totalMonths} mois sur ${view.params.maxMonths} au plus (ASL-1)` : "—"}</Row>
        <Row label="Renouvellements">{f.renewals.length ? f.renewals.map((r) => `${r.months} mois le ${formatDate(r.on)}`).join(" ; ") : "—"}</Row>
        <Row label="Plan d'intervention">{f.planSentOn ? `transmis le ${formatDate(f.planSentOn)}` : f.startOn ? "à transmettre" : "—"}</Row>
        <Row label="Suspension (ASL-8)">{suspended ? `en cours jusqu'au ${formatDate(suspended.endsOn)}` : f.suspendedDays ? `${f.suspendedDays} jours` : "—"}</Row>
        <Row label="Interruption (ASL-7)">{f.interruptedOn ? formatDate(f.interruptedOn) : "—"}</Row>
        <Row label="Arrêt (ASL-14)">{f.earlyEnd ? `${formatDate(f.earlyEnd.on)}${end?.motive ? ` — ${EARLY_END_LABELS[end.motive].toLowerCase()}` : ""}` : "—"}</Row>
      </dl>
      {f.commission?.granted ? (
        <div data-testid="months-due">
          <h3 className="text-sm font-semibold">Mois dus à l&apos;association sur la durée de la mesure (ASL-11b)</h3>
          <p className="text-sm">
            {view.monthsDue.length ? view.monthsDue.map(monthName).join(", ") : "aucun"}
            {" — "}<strong>{view.monthsDue.length} mois</strong>
            {view.amountDueCents !== null ? <> × {formatCents(view.params.unitPriceCents!)} = <strong>{formatCents(view.amountDueCents)}</strong></> : null}
          </p>
          {f.interruptedOn ? <p className="text-xs text-slate-600">Interrompue le {formatDate(f.interruptedOn)} : le mois de l&apos;interruption n&apos;est dû que si elle intervient après le 15 (ASL-7).</p> : null}
        </div>
      ) : null}
    </div>
  );
}

