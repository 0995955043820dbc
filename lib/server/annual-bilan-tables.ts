import type { Breakdown } from "@/lib/domain";
import type { Cell, Column, ReportTable } from "@/lib/export/table";
import { FINANCING_LABELS, PERIOD_LABELS, SOUSTRAIT_LABELS, TYPOLOGY_LABELS } from "@/lib/validation/dwellings";
import type { AnnualBilanView } from "./annual-bilan";

// RES-22: the annual bilan as the tables a partner reads on the page, downloads (CSV, .xlsx) and receives when the
// bailleur marks it sent. Aggregate counts only (ACC-1): no vacancy, candidate or household appears here.

const roundHalfUp = (x: number) => Math.floor(x + 0.5 + 1e-9);
const labelOf = (labels: Record<string, string>) => (k: string) => labels[k] ?? k;
const order = (keys: readonly string[]) => (a: string, b: string) => {
  const ia = keys.indexOf(a), ib = keys.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b, "fr");
};

/** Proposed and attributed per réservataire (two columns each) and in total, one row per value of the characteristic. */
function breakdownTable(
  v: AnnualBilanView,
  title: string,
  first: string,
  pick: (b: AnnualBilanView["bilan"]["totals"]) => Record<string, Breakdown>,
  label: (k: string) => string,
  sort: (a: string, b: string) => number,
): ReportTable {
  const columns: Column[] = [{ key: "value", label: first }];
  v.reservataires.forEach((r, i) => {
    columns.push({ key: `p${i}`, label: `Proposés – ${r.name}`, kind: "int" }, { key: `a${i}`, label: `Attribués – ${r.name}`, kind: "int" });
  });
  columns.push({ key: "pt", label: "Proposés – total", kind: "int" }, { key: "at", label: "Attribués – total", kind: "int" });
  const totals = pick(v.bilan.totals);
  const keys = Object.keys(totals).sort(sort);
  const line = (value: string, get: (m: Record<string, Breakdown>) => Breakdown | undefined): Record<string, Cell> => {
    const row: Record<string, Cell> = { value };
    v.reservataires.forEach((r, i) => {
      const b = get(pick(r.row));
      row[`p${i}`] = b?.proposed ?? 0;
      row[`a${i}`] = b?.attributed ?? 0;
    });
    const t = get(totals);
    row.pt = t?.proposed ?? 0;
    row.at = t?.attributed ?? 0;
    return row;
  };
  const rows = keys.map((k) => line(label(k), (m) => m[k]));
  rows.push(line("Total", (m) => Object.values(m).reduce((s, b) => ({ proposed: s.proposed + b.proposed, attributed: s.attributed + b.attributed }), { proposed: 0, attributed: 0 })));
  return { title, columns, rows, note: `Logements proposés (vacances déclarées en ${v.year}) et attribués (première attribution en CALEOL en ${v.year}), d'après la déclaration de chaque vacance (RES-17, RES-22).` };
}

export function bilanTables(v: AnnualBilanView): ReportTable[] {
  const y = v.year;
  const flux: ReportTable = {
    title: "Synthèse",
    columns: [{ key: "label", label: "Indicateur" }, { key: "value", label: "Valeur", kind: "int" }],
    rows: [
      { label: `Logements au patrimoine au 1er janvier ${y}`, value: v.assiette.stock },
      { label: "Exclus du flux (RES-2)", value: v.assiette.excluded },
      { label: `Soustraits pour ${y} (RES-3)`, value: v.assiette.soustraits },
      { label: `Mis en service en ${y} (RES-4)`, value: v.assiette.misesEnService },
      { label: `Assiette du flux ${y}`, value: v.assiette.assiette },
      { label: `Logements libérés en ${y} : flux réel (RES-4b)`, value: v.freed },
      { label: "Logements proposés aux réservataires", value: v.bilan.totals.proposed },
      { label: "Logements attribués aux réservataires", value: v.bilan.totals.attributed },
    ],
    note: `Bilan ${y} de ${v.bailleur.name} sur ${v.territory}, dû le 28 février ${y + 1} (RES-22). Comptes agrégés, sans donnée sur les ménages.`,
  };
  const reservataires: ReportTable = {
    title: "Réservataires",
    columns: [
      { key: "name", label: "Réservataire" },
      { key: "proposed", label: "Proposés", kind: "int" },
      { key: "attributed", label: "Attribués", kind: "int" },
      { key: "leases", label: "Baux signés", kind: "int" },
      { key: "equivalents", label: "Équivalents", kind: "int" },
      { key: "counted", label: "Comptés", kind: "int" },
      { key: "share", label: "Part convenue", kind: "percent" },
      { key: "objective", label: "Objectif", kind: "int" },
      { key: "reached", label: "Objectif atteint" },
    ],
    rows: v.reservataires.map((r) => ({
      name: r.name, proposed: r.row.proposed, attributed: r.row.attributed, leases: r.row.leases, equivalents: r.row.equivalents, counted: r.row.counted,
      share: r.share.share, objective: r.row.objective, reached: r.row.objectiveReached === null ? "sans objectif" : r.row.objectiveReached ? "oui" : "non",
    })),
    note: `Comptés (RES-13) : baux signés et équivalents (aucun candidat sous 30 jours, refus après CALEOL) datés de ${y}. Objectif (RES-14) : part convenue × ${v.freed} logements libérés, arrondi.`,
  };
  const droits: ReportTable = {
    title: "Droits uniques",
    columns: [
      { key: "name", label: "Réservataire" },
      { key: "jan1", label: `Au 1er janvier ${y}`, kind: "int" },
      { key: "acquired", label: `Acquis en ${y}`, kind: "decimal" },
      { key: "consumed", label: `Consommés en ${y}`, kind: "int" },
      { key: "next", label: `Détenus au 1er janvier ${y + 1}`, kind: "int" },
    ],
    rows: v.reservataires.map((r) => ({
      name: r.name, jan1: roundHalfUp(r.droits.jan1), acquired: Math.round(r.droits.acquisitions * 100) / 100, consumed: r.row.droitsUniquesConsumed, next: roundHalfUp(r.droits.nextJan1),
    })),
    note: "RES-10 : stock au 1er janvier suivant = stock au 1er janvier + acquisitions − consommation (un droit par logement compté). Stocks arrondis au logement (RES-7).",
  };
  const soustraits: ReportTable = {
    title: "Soustraits",
    columns: [
      { key: "category", label: "Catégorie (RES-3)" },
      { key: "forecastYear", label: `Prévus pour ${y}`, kind: "int" },
      { key: "rehoused", label: `Relogements réalisés en ${y}`, kind: "int" },
      { key: "forecastNext", label: `Prévision ${y + 1}`, kind: "int" },
      { key: "references", label: `Documents de référence ${y + 1}` },
    ],
    rows: v.soustraits.next.map((n) => ({
      category: SOUSTRAIT_LABELS[n.category],
      forecastYear: v.soustraits.year.find((x) => x.category === n.category)?.dwellings ?? 0,
      rehoused: v.bilan.rehousings[n.category],
      forecastNext: n.dwellings,
      references: n.references.join(" ; ") || null,
    })),
    note: `Relogements : baux signés en ${y} sur des logements soustraits à leur vacance. Prévision ${y + 1} : logements déclarés soustraits pour ${y + 1}, avec leurs documents (CUS, CIA, conventions ANRU, arrêtés, plans de vente).`,
  };
  return [
    flux,
    reservataires,
    droits,
    breakdownTable(v, "Typologie", "Typologie", (b) => b.byTypology, labelOf(TYPOLOGY_LABELS), order(Object.keys(TYPOLOGY_LABELS))),
    breakdownTable(v, "Financement", "Financement initial", (b) => b.byFinancing, labelOf(FINANCING_LABELS), order(Object.keys(FINANCING_LABELS))),
    breakdownTable(v, "QPV", "Localisation", (b) => b.byQpv, labelOf({ QPV: "En QPV", HORS_QPV: "Hors QPV" }), order(["QPV", "HORS_QPV"])),
    breakdownTable(v, "Communes", "Commune", (b) => b.byCommune, (k) => k, order([])),
    breakdownTable(v, "Période de construction", "Période de construction", (b) => b.byConstructionPeriod, labelOf(PERIOD_LABELS), order(Object.keys(PERIOD_LABELS))),
    soustraits,
  ];
}

/** The file name of the bilan (without extension): « Bilan 2025 – Valophis Habitat – Choisy-le-Roi ». */
export function bilanFileName(v: Pick<AnnualBilanView, "year" | "bailleur" | "territory">): string {
  return `Bilan ${v.year} – ${v.bailleur.name} – ${v.territory}`;
}
