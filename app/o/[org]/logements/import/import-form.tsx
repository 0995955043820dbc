"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import type { ImportReport } from "@/lib/server/dwelling-import";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Reply = Partial<ImportReport> & { message?: string };
type Outcome = { status: number; body: Reply };
/** The upload (with its share sent), then the server's work (one request: its answer is the report). */
type Phase = { step: "envoi"; percent: number } | { step: "traitement" };

const nf = new Intl.NumberFormat("fr-FR");

/** XMLHttpRequest rather than fetch: it reports the upload's progress. The body is the file itself. */
function send(url: string, file: File, onProgress: (percent: number) => void, onUploaded: () => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.upload.onload = onUploaded;
    xhr.onload = () => resolve({ status: xhr.status, body: (xhr.response as Reply | null) ?? {} });
    xhr.onerror = () => resolve({ status: 0, body: {} });
    xhr.send(file);
  });
}

export function ImportForm({ org, maxBytes }: { org: string; maxBytes: number }) {
  const uid = useId();
  const ids = { file: `${uid}-fichier`, hint: `${uid}-fichier-aide`, error: `${uid}-fichier-erreur`, validLines: `${uid}-lignes-valides`, progress: `${uid}-progression` };
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const maxMb = Math.round(maxBytes / (1024 * 1024));

  // The report takes the focus when it arrives (RGAA 7.5: the result of the action is announced).
  useEffect(() => { if (outcome) resultRef.current?.focus(); }, [outcome]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("fichier");
    const validLines = data.get("lignesValides") === "on";
    let error: string | null = null;
    if (!(file instanceof File) || file.name === "") error = "Choisissez un fichier CSV.";
    else if (file.size === 0) error = "Le fichier est vide.";
    else if (file.size > maxBytes) error = `Le fichier dépasse ${maxMb} Mo : découpez-le en plusieurs fichiers.`;
    setFileError(error);
    setOutcome(null);
    if (error || !(file instanceof File)) {
      document.getElementById(ids.file)?.focus();
      return;
    }
    setPhase({ step: "envoi", percent: 0 });
    const url = `/api/o/${encodeURIComponent(org)}/logements/import?mode=${validLines ? "lignes-valides" : "tout"}`;
    const res = await send(url, file, (percent) => setPhase({ step: "envoi", percent }), () => setPhase({ step: "traitement" }));
    setPhase(null);
    setOutcome(res);
  }

  const pending = phase !== null;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Importer des logements">
        <div>
          <label htmlFor={ids.file} className="block text-sm font-medium text-slate-800">Fichier CSV des logements</label>
          <p id={ids.hint} className="mt-0.5 text-xs text-slate-600">Format .csv, {maxMb}&nbsp;Mo au plus ; colonnes décrites sur cette page.</p>
          <input
            id={ids.file}
            name="fichier"
            type="file"
            accept=".csv,.txt,text/csv"
            required
            disabled={pending}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[ids.hint, fileError ? ids.error : null].filter(Boolean).join(" ")}
            onChange={() => setFileError(null)}
            className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1 ${fileError ? "border-red-700" : "border-slate-400"}`}
          />
          {fileError ? <p id={ids.error} className="mt-1 text-sm text-red-700">{fileError}</p> : null}
        </div>
        <div className="flex items-start gap-2 text-sm">
          <input id={ids.validLines} name="lignesValides" type="checkbox" disabled={pending} className="mt-0.5" />
          <label htmlFor={ids.validLines}>Importer les lignes valides et ignorer les autres</label>
        </div>
        <Button type="submit" disabled={pending}>{pending ? "Import en cours…" : "Importer"}</Button>
      </form>

      {phase ? (
        <div className="space-y-1">
          <label htmlFor={ids.progress} className="block text-sm text-slate-800">
            {phase.step === "envoi" ? `Envoi du fichier : ${phase.percent} %` : "Fichier envoyé : lecture et enregistrement des logements…"}
          </label>
          {phase.step === "envoi"
            ? <progress id={ids.progress} max={100} value={phase.percent} className="h-2 w-full" />
            : <progress id={ids.progress} className="h-2 w-full" />}
          <p role="status" aria-live="polite" className="sr-only">{phase.step === "envoi" ? "Envoi du fichier en cours." : "Fichier envoyé, traitement en cours."}</p>
        </div>
      ) : null}

      {outcome ? (
        <div ref={resultRef} tabIndex={-1} className="space-y-3 outline-none" aria-labelledby={`${uid}-rapport`}>
          <h3 id={`${uid}-rapport`} className="text-base font-semibold">Rapport d&apos;import</h3>
          <Report org={org} outcome={outcome} />
        </div>
      ) : null}
    </div>
  );
}

function Report({ org, outcome }: { org: string; outcome: Outcome }) {
  const { status, body } = outcome;
  if (status !== 200 && status !== 422) {
    const text = status === 0 ? "Le fichier n'a pas pu être envoyé : vérifiez votre connexion et réessayez." : body.message ?? "L'import a échoué. Réessayez.";
    return <Alert tone="error">{text}</Alert>;
  }
  const errors = body.errors ?? [];
  const errorLines = body.errorLines ?? errors.length;
  const counts: [string, number | undefined][] = [
    ["Lignes lues", body.total], ["Logements créés", body.created], ["Logements mis à jour", body.updated],
    ["Logements inchangés", body.unchanged], ["dont changements de régime", body.regimeChanges], ["Lignes en erreur", errorLines],
  ];
  return (
    <>
      <Alert tone={status === 200 && errorLines === 0 ? "success" : status === 200 ? "info" : "error"}>{body.message}</Alert>
      {body.written ? (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
          {counts.map(([label, n]) => (
            <div key={label}>
              <dt className="text-slate-700">{label}</dt>
              <dd className="font-semibold text-slate-900">{nf.format(n ?? 0)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {body.ignoredColumns?.length ? (
        <p className="text-sm text-slate-700">Colonnes ignorées (inconnues) : {body.ignoredColumns.join(", ")}.</p>
      ) : null}
      {errors.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="px-3 py-2 text-left font-medium text-slate-900">
              {errorLines > 1 ? `${nf.format(errorLines)} lignes en erreur` : "Ligne en erreur"}
              {errorLines > errors.length ? ` (les ${nf.format(errors.length)} premières sont affichées)` : ""}
            </caption>
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-700">
              <tr><th scope="col" className="px-3 py-2">Ligne</th><th scope="col" className="px-3 py-2">Erreurs</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {errors.map((e) => (
                <tr key={e.line}>
                  <th scope="row" className="whitespace-nowrap px-3 py-2 text-left align-top font-medium text-slate-900">Ligne {e.line}</th>
                  <td className="px-3 py-2 text-red-800">
                    <ul className="space-y-0.5">
                      {e.messages.map((m, i) => <li key={i}><span className="sr-only">Ligne {e.line} : </span>{m}</li>)}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {body.written ? (
        <p className="text-sm"><Link href={`/o/${encodeURIComponent(org)}/logements`} className="text-brand-700 underline hover:text-brand-800">Voir les logements</Link></p>
      ) : null}
    </>
  );
}
