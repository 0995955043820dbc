"use client";

import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, SelectField } from "@/components/ui/field";
import { formatDate } from "@/lib/format";
import {
  ACCEPTED_EXTENSIONS, DOCUMENT_CATEGORIES, DOCUMENT_CATEGORY_LABEL, DOCUMENT_MSG, MAX_DOCUMENT_BYTES, MAX_FILE_NAME_LENGTH, ZDocumentUploadMeta, uploadQuery,
  type DocumentRow,
} from "@/lib/validation/documents";

type Props = {
  org: string;
  conventionId: string;
  /** ADMIN and AGENT of a party; a READER only lists and downloads. */
  canUpload: boolean;
  documents: DocumentRow[];
  /** The convention's avenants, when a document may be attached to one of them. */
  avenants?: { id: string; number: number }[];
  /** A case's documents instead of the convention's (issue 6). */
  caseId?: string;
};

type Errors = { file?: string; category?: string; avenantId?: string };
type ServerReply = { message?: string; fieldErrors?: Record<string, string[]> };

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
/** « 850 octets », « 12,4 Ko », « 3,2 Mo » (non-breaking space before the unit). */
function formatFileSize(n: number): string {
  if (n < 1024) return `${n}\u00a0octet${n > 1 ? "s" : ""}`;
  if (n < 1024 * 1024) return `${decimal.format(n / 1024)}\u00a0Ko`;
  return `${decimal.format(n / (1024 * 1024))}\u00a0Mo`;
}

/** XMLHttpRequest rather than fetch: it reports the upload's progress. The body is the file itself. */
function send(url: string, file: File, onProgress: (percent: number) => void): Promise<{ status: number; body: ServerReply }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = () => resolve({ status: xhr.status, body: (xhr.response as ServerReply | null) ?? {} });
    xhr.onerror = () => resolve({ status: 0, body: {} });
    xhr.send(file);
  });
}

export function DocumentsPanel({ org, conventionId, canUpload, documents, avenants = [], caseId }: Props) {
  const router = useRouter();
  const uid = useId();
  const ids = { file: `${uid}-fichier`, category: `${uid}-categorie`, avenantId: `${uid}-avenant`, progress: `${uid}-progression` };
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  function focusFirst(e: Errors) {
    const first = (["file", "category", "avenantId"] as const).find((k) => e[k]);
    if (first) document.getElementById(ids[first])?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("fichier");
    const category = String(data.get("categorie") ?? "");
    const avenantId = String(data.get("avenant") ?? "") || undefined;
    const found: Errors = {};
    if (!(file instanceof File) || file.name === "") found.file = DOCUMENT_MSG.missingFile;
    else if (file.size === 0) found.file = DOCUMENT_MSG.empty;
    else if (file.size > MAX_DOCUMENT_BYTES) found.file = DOCUMENT_MSG.tooLarge;
    const meta = ZDocumentUploadMeta.safeParse({ category, fileName: file instanceof File ? file.name : "", avenantId });
    if (!meta.success) {
      for (const issue of meta.error.issues) {
        const key = issue.path[0] === "fileName" ? "file" : (issue.path[0] as keyof Errors);
        found[key] ??= issue.message;
      }
    }
    setNotice(null);
    setErrors(found);
    if (Object.keys(found).length > 0 || !(file instanceof File) || !meta.success) {
      focusFirst(found);
      return;
    }

    setProgress(0);
    const owner = caseId ? `dossiers/${encodeURIComponent(caseId)}` : `conventions/${encodeURIComponent(conventionId)}`;
    const url = `/api/o/${encodeURIComponent(org)}/${owner}/documents?${uploadQuery(meta.data)}`;
    const res = await send(url, file, setProgress);
    setProgress(null);
    if (res.status === 201) {
      form.reset();
      setNotice({ tone: "success", text: `Le document « ${meta.data.fileName} » a été ajouté.` });
      router.refresh();
      return;
    }
    const fe = res.body.fieldErrors ?? {};
    const fromServer: Errors = { file: fe.file?.[0] ?? fe.fileName?.[0], category: fe.category?.[0], avenantId: fe.avenantId?.[0] };
    const fieldLevel = Object.values(fromServer).some(Boolean);
    setErrors(fromServer);
    setNotice({
      tone: "error",
      text: res.status === 0 ? "Le fichier n'a pas pu être envoyé : vérifiez votre connexion et réessayez."
        : fieldLevel ? "Le document n'a pas été ajouté : corrigez le champ signalé."
        : res.body.message ?? "Le document n'a pas été ajouté. Réessayez.",
    });
    focusFirst(fromServer);
  }

  const pending = progress !== null;
  return (
    <section aria-labelledby="documents" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-3">
      <h2 id="documents" className="text-base font-semibold">Documents</h2>
      {documents.length === 0 ? (
        <div className="mt-3"><EmptyState title="Aucun document">La convention signée et ses annexes apparaîtront ici.</EmptyState></div>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Documents de la convention</caption>
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-700">
                <th scope="col" className="py-1 pr-3">Document</th>
                <th scope="col" className="py-1 pr-3">Catégorie</th>
                <th scope="col" className="py-1 pr-3">Taille</th>
                <th scope="col" className="py-1 pr-3">Ajouté le</th>
                <th scope="col" className="py-1">Par</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {documents.map((d) => (
                <tr key={d.id}>
                  <td className="py-2 pr-3">
                    <a href={`/api/o/${encodeURIComponent(org)}/documents/${encodeURIComponent(d.id)}`} className="font-medium text-brand-700 underline hover:text-brand-800">
                      {d.fileName}
                    </a>
                  </td>
                  <td className="py-2 pr-3">
                    {DOCUMENT_CATEGORY_LABEL[d.category] ?? d.category}
                    {d.avenantNumber !== null ? <span className="text-slate-600"> — avenant n°&nbsp;{d.avenantNumber}</span> : null}
                  </td>
                  <td className="whitespace-nowrap py-2 pr-3">{formatFileSize(d.sizeBytes)}</td>
                  <td className="whitespace-nowrap py-2 pr-3">{formatDate(d.createdOn)}</td>
                  <td className="py-2">{d.uploadedByOrgName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canUpload ? (
        <form onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-titre`} className="mt-4 border-t border-slate-200 pt-4">
          <h3 id={`${uid}-titre`} className="text-sm font-semibold">Ajouter un document</h3>
          <div className="mt-2 grid gap-3 md:grid-cols-3">
            <Field
              id={ids.file} name="fichier" type="file" label="Fichier" required disabled={pending}
              accept={ACCEPTED_EXTENSIONS.join(",")}
              hint={`PDF, image PNG ou JPEG, Word, Excel, Writer ou Calc ; 20 Mo au plus, nom de ${MAX_FILE_NAME_LENGTH} caractères au plus.`}
              error={errors.file}
            />
            <SelectField id={ids.category} name="categorie" label="Catégorie" required disabled={pending} defaultValue="" error={errors.category}>
              <option value="" disabled>Choisissez…</option>
              {DOCUMENT_CATEGORIES.map((c) => <option key={c} value={c}>{DOCUMENT_CATEGORY_LABEL[c]}</option>)}
            </SelectField>
            {avenants.length > 0 ? (
              <SelectField id={ids.avenantId} name="avenant" label="Rattacher à" disabled={pending} defaultValue="" error={errors.avenantId}>
                <option value="">La convention</option>
                {avenants.map((a) => <option key={a.id} value={a.id}>Avenant n° {a.number}</option>)}
              </SelectField>
            ) : null}
          </div>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={pending}>{pending ? "Envoi en cours…" : "Ajouter le document"}</Button>
            {pending ? (
              <span className="flex items-center gap-2 text-sm text-slate-700">
                <label htmlFor={ids.progress}>Envoi du fichier</label>
                <progress id={ids.progress} max={100} value={progress ?? 0} className="w-40" />
                <span aria-hidden="true">{progress}&nbsp;%</span>
              </span>
            ) : null}
          </div>
          {notice ? <div className="mt-3"><Alert tone={notice.tone}>{notice.text}</Alert></div> : null}
        </form>
      ) : null}
    </section>
  );
}
