import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Issue 10, parts 1–3: a vacancy declared by Valophis, designated by Choisy, decided in CALEOL and let; and a vacancy
// left without designation that lapses at the clock's date (RES-13).

async function setClock(page: Page, today: string | null) {
  expect((await page.request.post("/api/test/clock", { data: { today } })).ok()).toBe(true);
}
const total = async (page: Page) => Number((await page.getByTestId("flux-total").first().innerText()).trim());
/** The « 31 décembre » count in force of the last year of the droits stock table (« 819,03 (819) » → 819). */
async function stockEnd(page: Page) {
  const row = page.getByRole("row").filter({ hasText: "Total (décompte en vigueur)" }).last();
  const text = await row.innerText();
  return Number([...text.matchAll(/\((\d+)\)/g)].pop()![1]);
}
async function declare(page: Page, rpls: string, on: string) {
  await page.goto("/o/valophis-habitat/vacances/nouvelle");
  const form = page.getByRole("form", { name: "Déclarer une vacance" });
  await form.getByLabel("Identifiant RPLS du logement").fill(rpls);
  await form.getByLabel("Date de disponibilité").fill(on);
  await form.getByLabel("Orientation").selectOption("RESERVATAIRE");
  const conv = form.getByLabel("Convention de réservation");
  await conv.selectOption((await conv.locator("option", { hasText: /Choisy/ }).first().getAttribute("value"))!);
  await form.getByRole("button", { name: /Déclarer/ }).click();
  await expect(page).toHaveURL(/\/vacances\/[a-z0-9]{20,}$/);
  return new URL(page.url()).pathname;
}
const logout = (page: Page) => page.getByRole("button", { name: "Se déconnecter" }).click();

test.afterEach(async ({ page }) => { await setClock(page, null); });

test("RES-17..RES-20, RES-13, RES-10: Valophis declares, Choisy designates 3 candidates, the CALEOL attributes to the 1st and the lease is signed; the count and the droits uniques move by one", async ({ page }) => {
  await signIn(page, "agent@choisy-le-roi.demo");
  await page.goto("/o/choisy-le-roi/vacances");
  const countBefore = await total(page);
  await page.goto("/o/choisy-le-roi/conventions");
  await page.getByRole("link", { name: /réservation en flux 2024-2026/ }).click();
  await page.getByRole("link", { name: "Droits de réservation" }).click();
  await expect(page).toHaveURL(/\/droits$/);
  const droitsUrl = page.url();
  const stockBefore = await stockEnd(page);
  await logout(page);

  await signIn(page, "agent@valophis-habitat.demo");
  const path = await declare(page, "0940220000003", new Date().toISOString().slice(0, 10));
  await expect(page.getByRole("heading", { level: 2, name: /Déclaration/ })).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  await signIn(page, "agent@choisy-le-roi.demo");
  await page.goto(path.replace("/o/valophis-habitat/", "/o/choisy-le-roi/"));
  const designate = page.getByRole("form", { name: "Désigner des candidats" });
  for (let i = 0; i < 3; i++) {
    const household = designate.locator(`#c${i}-household`);
    const options = await household.locator("option").allInnerTexts();
    await household.selectOption({ label: options[i + 1] });
  }
  await designate.getByRole("checkbox", { name: /classement de la résidence/ }).check();
  await expectAccessible(page);
  await designate.getByRole("button", { name: "Désigner les candidats" }).click();
  await expect(page.getByRole("form", { name: "Désigner des candidats" })).toHaveCount(0);
  await logout(page);

  await signIn(page, "agent@valophis-habitat.demo");
  await page.goto(path);
  await page.getByRole("form", { name: "Décision de la CALEOL" }).getByRole("button", { name: "Enregistrer la décision" }).click();
  const answer = page.getByRole("form", { name: "Réponse du ménage" });
  await answer.getByRole("button", { name: "Enregistrer la réponse" }).click();
  const lease = page.getByRole("form", { name: "Signature du bail" });
  await lease.getByRole("button", { name: "Enregistrer le bail" }).click();
  await expect(page.getByText("Bail signé").first()).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  await signIn(page, "agent@choisy-le-roi.demo");
  await page.goto("/o/choisy-le-roi/vacances");
  expect(await total(page)).toBe(countBefore + 1);
  await page.goto(droitsUrl);
  expect(await stockEnd(page)).toBe(stockBefore - 1);
});

test("RES-13, RES-18: a vacancy left without designation lapses after 30 days: an equivalent, back with the bailleur", async ({ page }) => {
  await setClock(page, "2026-03-02");
  await signIn(page, "agent@valophis-habitat.demo");
  const row = page.getByTestId("flux-count").getByRole("row").filter({ hasText: "Choisy-le-Roi" });
  const equivalents = async () => Number((await row.getByRole("cell").nth(1).innerText()).trim());
  await page.goto("/o/valophis-habitat/vacances");
  const before = await equivalents();
  const path = await declare(page, "0940220000005", "2026-03-02");
  await expect(page.getByText("En cours").first()).toBeVisible();
  await setClock(page, "2026-04-02");
  await page.goto(path);
  await expect(page.getByText("Aucun candidat désigné dans les 30 jours")).toBeVisible();
  await expect(page.getByText("revient au bailleur")).toBeVisible();
  await page.goto("/o/valophis-habitat/vacances?issue=NO_CANDIDATE_30D");
  await expect(page.getByRole("link", { name: "0940220000005" })).toBeVisible();
  await expect(page.getByText("Sans candidat à 30 jours (équivalent)").first()).toBeVisible();
  // RES-13: the lapse counts as one more equivalent for the Ville in the year.
  expect(await equivalents()).toBe(before + 1);
  await expectAccessible(page);
});

test("RES-21: Valophis notifies a new programme to Choisy; the first list is due 30 days after receipt, outside the flux count", async ({ page }) => {
  await setClock(page, "2026-03-02");
  await signIn(page, "agent@valophis-habitat.demo");
  await page.goto("/o/valophis-habitat/vacances/programmes/nouveau");
  const form = page.getByRole("form", { name: "Notifier un programme neuf" });
  const conv = form.getByLabel("Réservataire notifié (convention de réservation)");
  await conv.selectOption((await conv.locator("option", { hasText: /Choisy/ }).first().getAttribute("value"))!);
  await form.getByLabel("Nom du programme").fill("Les Terrasses de la Seine");
  await form.getByLabel("Adresse").fill("12, quai des Gondoles");
  await form.getByLabel("Code postal").fill("94600");
  await form.getByLabel("Commune").fill("Choisy-le-Roi");
  await form.getByLabel("Nombre de logements").fill("42");
  await form.getByLabel("Mise en service prévue").fill("2026-06-15");
  await form.getByLabel("Notification reçue par le réservataire le").fill("2026-03-02");
  await expectAccessible(page);
  await form.getByRole("button").last().click();
  await expect(page.getByRole("heading", { level: 1, name: "Les Terrasses de la Seine" })).toBeVisible();
  await expect(page.getByTestId("stock-notice")).toBeVisible();
  await expect(page.getByRole("table", { name: "Délais des listes de candidats du programme" })).toContainText("1er avril 2026");
  await expectAccessible(page);
});
