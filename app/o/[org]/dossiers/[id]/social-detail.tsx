"use client";

import { useState, useTransition } from "react";
import { HEALTH_HINT, textKindSpec } from "@/lib/validation/case-texts";
import { formatCents, formatDate } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { editTextAction, showSocialDetailAction } from "./actions";

type Text = { id: string; kind: string; sections: Record<string, unknown>; sentOn: string | null; createdAt: string; version: number; editable: boolean; partial?: boolean };

/** The text sections of a kind present in this text, in the spec's order (ASL-12: a partial text has only some). */
const sectionsOf = (t: Text) => Object.entries(textKindSpec(t.kind).sections).filter(([k]) => typeof t.sections[k] === "string");

/** Edits a text of one's own organisation; a stale version is refused and what was typed stays. */
function TextEditor({ org, t, onSaved }: { org: string; t: Text; onSaved: (sections: Record<string, unknown>, version: number) => void }) {
  const keys = sectionsOf(t).map(([k]) => k);
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(keys.map((k) => [k, String(t.sections[k] ?? "")])));
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!open) return <Button type="button" variant="secondary" className="mt-2" onClick={() => setOpen(true)}>Modifier</Button>;
  return (
    <form className="mt-2 space-y-2" aria-label={`Modifier : ${kindLabel(t.kind)}`} onSubmit={(e) => {
      e.preventDefault();
      start(async () => {
        setError(null);
        const r = await editTextAction(org, { textId: t.id, version: t.version, sections: values });
        if (r.ok) { onSaved(values, t.version + 1); setOpen(false); } else setError(r.message);
      });
    }}>
      {error ? <Alert>{error}</Alert> : null}
      <p className="text-xs text-slate-600">{HEALTH_HINT}</p>
      {keys.map((k) => (
        <div key={k}>
          <label htmlFor={`edit-${t.id}-${k}`} className="block text-sm font-medium">{textKindSpec(t.kind).sections[k]?.label ?? k}</label>
          <textarea id={`edit-${t.id}-${k}`} rows={3} value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.target.value })} className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1 text-sm" />
        </div>
      ))}
      <div className="flex gap-2"><Button type="submit" disabled={pending}>Enregistrer</Button><Button type="button" variant="secondary" onClick={() => setOpen(false)}>Annuler</Button></div>
    </form>
  );
}
const kindLabel = (kind: string) => textKindSpec(kind).label;

/** ACC-2/ACC-3: nothing is loaded until the person asks; each display is recorded. */
export function SocialDetail({ org, caseId }: { org: string; caseId: string }) {
  const [texts, setTexts] = useState<Text[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (texts === null) {
    return (
      <div>
        {error ? <Alert>{error}</Alert> : null}
        <p className="mb-2 text-sm text-slate-700">Le détail social (diagnostic, budget, bilans) n&apos;est affiché qu&apos;à la demande ; chaque consultation est enregistrée.</p>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => start(async () => {
          const r = await showSocialDetailAction(org, { caseId });
          if (r.ok) setTexts(r.data as Text[]); else setError(r.message);
        })}>Afficher le détail social</Button>
      </div>
    );
  }
  if (texts.length === 0) return <p className="text-sm text-slate-700">Aucun détail social ne vous est accessible pour ce dossier.</p>;
  return (
    <ul className="space-y-4" data-testid="social-detail">
      {texts.map((t) => (
        <li key={t.id} className="rounded-md border border-slate-200 p-3 text-sm">
          <p className="font-medium">{kindLabel(t.kind)} — {formatDate(t.createdAt)}{t.sentOn ? `, transmis le ${formatDate(t.sentOn)}` : ""}</p>
          {t.partial ? <p className="text-xs text-slate-600">Seules les informations liées au logement vous sont communiquées (ASL-12).</p> : null}
          {sectionsOf(t).length ? (
            <dl className="mt-2 space-y-1">
              {sectionsOf(t).map(([k, s]) => (<div key={k}><dt className="text-slate-600">{s.label}</dt><dd className="whitespace-pre-line">{String(t.sections[k])}</dd></div>))}
              {t.kind === "DIAGNOSTIC" && t.sections.monthlyIncomeCents !== undefined ? (
                <>
                  <div><dt className="text-slate-600">Ressources mensuelles</dt><dd>{formatCents(Number(t.sections.monthlyIncomeCents))}</dd></div>
                  <div><dt className="text-slate-600">Redevance (REL-4)</dt><dd>{t.sections.redevanceCents === null ? "Loyer ouvrant droit à l'APL" : formatCents(Number(t.sections.redevanceCents))}</dd></div>
                </>
              ) : null}
            </dl>
          ) : null}
          {t.editable && sectionsOf(t).length ? (
            <TextEditor org={org} t={t} onSaved={(sections, version) => setTexts((all) => all!.map((x) => (x.id === t.id ? { ...x, sections: { ...x.sections, ...sections }, version } : x)))} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
