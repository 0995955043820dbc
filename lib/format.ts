// Formatting at the edge, in French (dates « 12 mars 2025 », amounts « 11 400,00 € »).
import { format, parseISO } from "date-fns";
import { fr } from "date-fns/locale";

export function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** « 12 mars 2025 » from an ISO date or a @db.Date value (UTC midnight). */
export function formatDate(d: string | Date | null | undefined): string {
  if (!d) return "—";
  const iso = typeof d === "string" ? d.slice(0, 10) : isoOf(d);
  const text = format(parseISO(iso), "d MMMM yyyy", { locale: fr });
  // French writes the first day of a month as an ordinal: « 1er janvier 2025 ».
  return text.startsWith("1 ") ? `1er ${text.slice(2)}` : text;
}

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2 });
export function formatCents(cents: number): string {
  return euros.format(cents / 100);
}

export function formatMonths(n: number): string {
  if (n % 12 === 0) return n === 12 ? "1 an" : `${n / 12} ans`;
  return `${n} mois`;
}

export function formatPercent(fraction: number, digits = 0): string {
  return new Intl.NumberFormat("fr-FR", { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
}

const parisDateTime = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
/** « 12 mars 2025 à 14:05 », Paris time, from an instant (ISO string or Date): for logs, not deadlines. */
export function formatDateTime(at: string | Date): string {
  return parisDateTime.format(typeof at === "string" ? new Date(at) : at).replace(/^1 /, "1er ");
}
