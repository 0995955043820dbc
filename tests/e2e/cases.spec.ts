import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

async function setClock(page: Page, today: string | null) {
  expect((await page.request.post("/api/test/clock", { data: { today } })).ok()).toBe(true);
}
async function record(page: Page, type: string, on: string, fill?: () => Promise<void>) {
  const form = page.getByRole("form", { name: "Enregistrer une étape du dossier" });
  await form.getByLabel("Étape").selectOption({ label: type });
  await form.getByLabel("Date", { exact: true }).fill(on);
  if (fill) await fill();
  await form.getByRole("button", { name: "Enregistrer l'étape" }).click();
  // Wait for the recorded step in the timeline (the page refreshes) before anything else.
  const [y, m, d] = on.split("-").map(Number);
  const date = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d))).replace(/^1 /, "1er ");
  await expect(page.getByTestId("timeline")).toContainText(`${date} — ${type.toLowerCase()}`);
}
const openRows = (page: Page) => page.getByRole("table", { name: "Obligations ouvertes du dossier" });

test.afterEach(async ({ page }) => { await setClock(page, null); });

test("REL-1..REL-8: a household referred by Choisy, diagnosed and supported by AUMV, with the domain's dates", async ({ page }) => {
  await setClock(page, "2025-03-10");
  await signIn(page, "agent@choisy-le-roi.demo");
  await page.goto("/o/choisy-le-roi/dossiers/nouveau");
  const refer = page.getByRole("form", { name: "Orienter un ménage" });
  const conventionSelect = refer.getByLabel("Convention de logement relais");
  const demoRelais = await conventionSelect.locator("option", { hasText: /Logement relais avec accompagnement social.*2 \/ 3 demandes cette année/ }).getAttribute("value");
  await conventionSelect.selectOption(demoRelais!);
  await refer.getByLabel("Ménage").selectOption({ label: "Nguyen Thi Lan" });
  await refer.getByLabel("Date de la saisine (courriel à l'association)").fill("2025-03-10");
  await expectAccessible(page);
  await refer.getByRole("button", { name: "Orienter vers l'association" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dossier Thi Lan Nguyen" })).toBeVisible();
  const caseUrl = new URL(page.url()).pathname.replace("/o/choisy-le-roi/", "/o/aumv/");
  const diagnostic = openRows(page).getByRole("row").filter({ hasText: "Bilan diagnostic à réaliser" });
  await expect(diagnostic).toContainText("25 mars 2025");
  await expect(diagnostic).toContainText("10 avril 2025");
  // The rule's explanation shows on keyboard focus.
  await diagnostic.getByText("REL-2", { exact: true }).focus();
  await expect(page.getByRole("tooltip")).toContainText("entre 15 jours et 1 mois");
  await page.getByRole("button", { name: "Se déconnecter" }).click();

  await setClock(page, "2025-03-28");
  await signIn(page, "agent@aumv.demo");
  await page.goto(caseUrl);
  await record(page, "Diagnostic", "2025-03-28", async () => {
    const form = page.getByRole("form", { name: "Enregistrer une étape du dossier" });
    const sections = ["Problématique du ménage", "Situation financière précise", "Démarches prioritaires", "Capacité et volonté", "Projet d'accompagnement", "Modalités préconisées", "Capacité à payer"];
    for (const [i, label] of sections.entries()) await form.getByLabel(new RegExp(label)).fill(`Rubrique ${i + 1} du bilan diagnostic`);
    await form.getByLabel("Ressources mensuelles du ménage (€)").fill("1 234,58");
    await expect(form.getByTestId("redevance")).toContainText("246,92");
  });
  await expectAccessible(page);

  await setClock(page, "2025-04-20");
  await page.reload();
  await record(page, "Décision commune", "2025-04-20");
  await setClock(page, "2025-05-02");
  await page.reload();
  await record(page, "Entrée dans le logement", "2025-05-02");
  await expect(page.getByText("En accompagnement")).toBeVisible();
  await expect(openRows(page).getByText("Rencontre hebdomadaire avec le ménage").first()).toBeVisible();
  await expect(openRows(page).getByText("Échange trimestriel sur l'ensemble des ménages")).toBeVisible();
  await expect(openRows(page).getByRole("row").filter({ hasText: "Bilan final" })).toContainText("1er mai 2026");
  await page.screenshot({ path: "test-results/dossier.png", fullPage: true });

  await setClock(page, "2025-06-30");
  await page.reload();
  await record(page, "Bilan final", "2025-06-30", async () => {
    await page.getByLabel("Bilan (adressé à la Ville)").fill("Ménage autonome : relogement dans le parc social de la Ville.");
  });
  await record(page, "Fin", "2025-06-30");
  await expect(page.getByText("Clôturé")).toBeVisible();
  await expect(page.getByText("Issue : Relogé dans un logement social pérenne")).toBeVisible();

  await page.getByRole("button", { name: "Afficher le détail social" }).click();
  await expect(page.getByTestId("social-detail")).toContainText("Rubrique 1 du bilan diagnostic");
  await expect(page.getByTestId("social-detail")).toContainText("246,92");
});
