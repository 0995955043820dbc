import "server-only";
import { formatDate } from "@/lib/format";
import type { Digest, DigestGroup, DigestItem } from "./digest";
import { unsubscribeToken } from "./digest-token";
import type { Mail } from "./mail";

// Issue 13 §2–4: the digest as a French e-mail, plain text and HTML, grouped by organisation, each item with its
// absolute link; the footer links to the preferences and to the unsubscribe page (no sign-in needed).

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function itemText(i: DigestItem): string {
  return `- ${i.label} — ${i.about}${i.period ? ` (${i.period})` : ""} — échéance le ${formatDate(i.dueOn)}\n  ${i.href}`;
}
function itemHtml(i: DigestItem): string {
  return `<li style="margin:0 0 6px"><a href="${esc(i.href)}">${esc(i.label)}</a> — ${esc(i.about)}${i.period ? ` (${esc(i.period)})` : ""} — échéance le <strong>${esc(formatDate(i.dueOn))}</strong></li>`;
}

function overdueHeading(d: Digest): string {
  return d.fromDay < d.day ? `Passées en retard depuis le ${formatDate(d.fromDay)}` : "Passées en retard";
}
const SOON_HEADING = "À échéance dans les 7 prochains jours";

function groupText(d: Digest, g: DigestGroup): string {
  const parts = [`== ${g.organisation.name} ==`];
  if (g.overdue.length) parts.push(`${overdueHeading(d)} :`, ...g.overdue.map(itemText));
  if (g.soon.length) parts.push(`${SOON_HEADING} :`, ...g.soon.map(itemText));
  return parts.join("\n");
}
function groupHtml(d: Digest, g: DigestGroup): string {
  const list = (title: string, items: DigestItem[]) => items.length
    ? `<h3 style="font-size:14px;margin:12px 0 4px">${esc(title)}</h3><ul style="padding-left:18px;margin:0">${items.map(itemHtml).join("")}</ul>` : "";
  return `<h2 style="font-size:16px;margin:20px 0 4px;border-bottom:1px solid #cbd5e1">${esc(g.organisation.name)}</h2>${list(overdueHeading(d), g.overdue)}${list(SOON_HEADING, g.soon)}`;
}

export function renderDigest(d: Digest, baseUrl: string): Mail {
  const overdue = d.groups.reduce((n, g) => n + g.overdue.length, 0);
  const soon = d.groups.reduce((n, g) => n + g.soon.length, 0);
  const unsubscribe = `${baseUrl}/desabonnement/${unsubscribeToken(d.person.id)}`;
  const prefs = `${baseUrl}/o/${encodeURIComponent(d.groups[0]?.organisation.slug ?? "")}/compte#recapitulatif`;
  const subject = `Vos échéances du ${formatDate(d.day)} : ${overdue} en retard, ${soon} à venir`;
  const intro = `Bonjour ${d.person.firstName},\n\nVoici votre récapitulatif du ${formatDate(d.day)}.`;
  const footer = `Vous recevez ce récapitulatif parce que vous l'avez demandé dans « Mon compte ».\nChoisir les organisations : ${prefs}\nNe plus le recevoir : ${unsubscribe}`;
  const text = [intro, ...d.groups.map((g) => groupText(d, g)), "--", footer].join("\n\n") + "\n";
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>`
    + `<body style="font-family:system-ui,sans-serif;font-size:14px;color:#0f172a;max-width:640px">`
    + `<p>Bonjour ${esc(d.person.firstName)},</p><p>Voici votre récapitulatif du ${esc(formatDate(d.day))}.</p>`
    + d.groups.map((g) => groupHtml(d, g)).join("")
    + `<hr style="margin-top:24px"><p style="font-size:12px;color:#475569">Vous recevez ce récapitulatif parce que vous l'avez demandé dans « Mon compte ». `
    + `<a href="${esc(prefs)}">Choisir les organisations</a> · <a href="${esc(unsubscribe)}">Ne plus le recevoir</a></p></body></html>`;
  return { to: d.person.email, subject, text, html, headers: { "List-Unsubscribe": `<${unsubscribe}>` } };
}
