import { z } from "zod";

// Documents attached to a convention or an avenant (issue 5 §5). Shared by the upload form and the
// upload route handler; the bytes themselves are checked by content on the server (lib/server/documents.ts).

/** What a person may upload. */
export const DOCUMENT_CATEGORIES = ["SIGNED_CONVENTION", "ANNEX", "AVENANT", "MINUTES", "LETTER", "OTHER"] as const;
/** What only the application writes: the annual bilan's .xlsx, attached when it is marked sent (issue 11, RES-22). */
export const GENERATED_DOCUMENT_CATEGORIES = ["ANNUAL_BILAN"] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number] | (typeof GENERATED_DOCUMENT_CATEGORIES)[number];

export const DOCUMENT_CATEGORY_LABEL: Record<DocumentCategory, string> = {
  SIGNED_CONVENTION: "Convention signée",
  ANNEX: "Annexe",
  AVENANT: "Avenant signé",
  MINUTES: "Compte rendu",
  LETTER: "Courrier",
  ANNUAL_BILAN: "Bilan annuel (RES-22)",
  OTHER: "Autre document",
};

/** 20 Mo: a scanned signed convention with its annexes fits; the body is counted as it arrives. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 200;

/** Extensions accepted, as shown to the person choosing a file (the content decides, not the name). */
export const ACCEPTED_EXTENSIONS = [".pdf", ".png", ".jpg", ".jpeg", ".docx", ".xlsx", ".odt", ".ods"] as const;

export const DOCUMENT_MSG = {
  tooLarge: "Le fichier dépasse la taille maximale de 20 Mo.",
  empty: "Le fichier est vide.",
  missingFile: "Choisissez un fichier.",
  executable: "Ce fichier est un programme exécutable : il est refusé.",
  unknown: "Type de fichier non accepté : envoyez un PDF, une image PNG ou JPEG, ou un document Word, Excel, Writer ou Calc (.docx, .xlsx, .odt, .ods).",
  mismatch: "L'extension du nom du fichier ne correspond pas à son contenu : renommez-le ou choisissez le bon fichier.",
  avenant: "Cet avenant n'appartient pas à cette convention.",
} as const;

// A name is displayed and sent back in Content-Disposition: no path, no control character.
const UNSAFE_NAME = /[\u0000-\u001f\u007f/\\]/;

export const ZDocumentUploadMeta = z.object({
  category: z.enum(DOCUMENT_CATEGORIES, { error: "Choisissez une catégorie." }),
  fileName: z
    .string({ error: "Le nom du fichier est obligatoire." })
    .trim()
    .min(1, "Le nom du fichier est obligatoire.")
    .max(MAX_FILE_NAME_LENGTH, `Le nom du fichier ne doit pas dépasser ${MAX_FILE_NAME_LENGTH} caractères.`)
    .refine((s) => !UNSAFE_NAME.test(s), "Le nom du fichier contient des caractères non autorisés."),
  avenantId: z.string().trim().min(1).max(40, "Avenant inconnu.").optional(),
});
export type TDocumentUploadMeta = z.infer<typeof ZDocumentUploadMeta>;

/** The query string of the upload route: `?categorie=ANNEX&nom=annexe.pdf[&avenant=…]`. */
export const UPLOAD_QUERY = { category: "categorie", fileName: "nom", avenantId: "avenant" } as const;

export function uploadQuery(meta: { category: string; fileName: string; avenantId?: string | null }): string {
  const q = new URLSearchParams({ [UPLOAD_QUERY.category]: meta.category, [UPLOAD_QUERY.fileName]: meta.fileName });
  if (meta.avenantId) q.set(UPLOAD_QUERY.avenantId, meta.avenantId);
  return q.toString();
}

export function metaFromQuery(q: URLSearchParams): Record<string, string | undefined> {
  return {
    category: q.get(UPLOAD_QUERY.category) ?? undefined,
    fileName: q.get(UPLOAD_QUERY.fileName) ?? undefined,
    avenantId: q.get(UPLOAD_QUERY.avenantId) || undefined,
  };
}

/** A row of the documents panel (serialisable: it crosses from a server component to a client one). */
export type DocumentRow = {
  id: string;
  fileName: string;
  category: DocumentCategory;
  mimeType: string;
  sizeBytes: number;
  /** The upload's calendar date in Europe/Paris (ISO). */
  createdOn: string;
  uploadedByOrgName: string;
  avenantNumber: number | null;
};
