import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

async function setClock(page: Page, today: string | null) {
  const r = await page.request.post("/api/test/clock", { data: { today } });
  expect(r.ok()).toBe(true);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion$/);
}

test.afterEach(async ({ page }) => { await setClock(page, null); });

test("GEN-1/GEN-2: Choisy creates the relais convention with AUMV, AUMV confirms, the end in force follows the clock", async ({ page }) => {
  await setClock(page, "2024-12-20");
  await signIn(page, "admin@choisy-le-roi.demo");
  await page.getByRole("link", { name: "Conventions", exact: true }).click();
  await page.getByRole("link", { name: "Nouvelle convention" }).click();
  await expect(page).toHaveURL(/\/conventions\/nouvelle$/);
  await page.getByRole("link", { name: /^Logement relais Ville/ }).click();
  const form = page.getByRole("form", { name: "Nouvelle convention : Logement relais" });
  await expect(form.getByLabel("Subvention annuelle GEN-5")).toHaveValue("11400,00");
  await expect(form.getByLabel("Demandes de diagnostic par année de convention REL-1")).toHaveValue("3");
  await form.getByLabel("Titre").fill("Logement relais Choisy-le-Roi / AUMV 2025");
  await form.getByLabel("Référence (délibération, arrêté…)").fill("Délibération n° 24 164 du 18 décembre 2024");
  await form.getByLabel("Date de signature").fill("2024-12-20");
  await form.getByLabel("Date d'effet").fill("2025-01-01");
  await form.getByLabel("Organisation").nth(1).selectOption({ label: "AUMV – Aide d'Urgence du Val-de-Marne (Villeneuve-le-Roi)" });
  // A wrong value is refused in French next to its field, and nothing typed is lost.
  await form.getByLabel("Subvention annuelle GEN-5").fill("onze mille");
  await form.getByRole("button", { name: "Créer et envoyer aux autres parties" }).click();
  await expect(form.getByText("Montant en euros attendu, par exemple 11 400,00.")).toBeVisible();
  await expect(form.getByLabel("Titre")).toHaveValue("Logement relais Choisy-le-Roi / AUMV 2025");
  await expectAccessible(page);
  await form.getByLabel("Subvention annuelle GEN-5").fill("11 400,00");
  await form.getByRole("button", { name: "Créer et envoyer aux autres parties" }).click();
  await expect(page.getByTestId("convention-state")).toHaveText("Projet — en attente de la confirmation de AUMV – Aide d'Urgence du Val-de-Marne");
  const url = page.url();
  const id = url.split("/").pop()!;
  await signOut(page);

  await signIn(page, "admin@aumv.demo");
  await page.getByRole("link", { name: "Conventions", exact: true }).click();
  const pending = page.getByRole("region", { name: /en attente de votre confirmation/ });
  await pending.getByRole("link", { name: "Logement relais Choisy-le-Roi / AUMV 2025" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirmer au nom de AUMV – Aide d'Urgence du Val-de-Marne" }).click();
  await expect(page.getByTestId("convention-state")).toHaveText("À venir — prend effet le 1er janvier 2025");

  await setClock(page, "2025-06-01");
  await page.goto(`/o/aumv/conventions/${id}`);
  await expect(page.getByTestId("convention-state")).toHaveText("En vigueur jusqu'au 31 décembre 2025");
  await expect(page.getByTestId("renewal")).toHaveText("Reconduite jusqu'au 31 décembre 2026, sauf dénonciation par lettre recommandée au plus tard le 31 décembre 2025");
  await expect(page.getByRole("table", { name: "Obligations ouvertes de la convention" }).getByText("Échange trimestriel sur l'ensemble des ménages").first()).toBeVisible();
  await setClock(page, "2026-03-01");
  await page.reload();
  await expect(page.getByTestId("convention-state")).toHaveText("En vigueur jusqu'au 31 décembre 2026");
  await setClock(page, "2028-06-01");
  await page.reload();
  await expect(page.getByTestId("convention-state")).toHaveText("Échue — fin le 31 décembre 2027");
  await page.screenshot({ path: "test-results/convention-relais.png", fullPage: true });

  // A non-party gets a 404 on the convention's URL.
  await signOut(page);
  await signIn(page, "admin@valophis-habitat.demo");
  const res = await page.goto(`/o/valophis-habitat/conventions/${id}`);
  expect(res?.status()).toBe(404);
});

test("AVD-2/3/4: an FNAVDL convention of 24 months signed 2025-03-15 shows its budget-change deadlines and second-year advances", async ({ page }) => {
  await setClock(page, "2025-03-15");
  await signIn(page, "admin@prefecture-val-de-marne.demo");
  await page.goto("/o/prefecture-val-de-marne/conventions/nouvelle?type=FNAVDL");
  const form = page.getByRole("form", { name: "Nouvelle convention : FNAVDL" });
  await form.getByLabel("Titre").fill("FNAVDL Val-de-Marne 2025-2027");
  await form.getByLabel("Date de signature").fill("2025-03-15");
  await form.getByLabel("Durée à compter de la signature AVD-2").selectOption("24");
  await form.getByLabel("Organisation").nth(1).selectOption({ label: "AUMV – Aide d'Urgence du Val-de-Marne (Villeneuve-le-Roi)" });
  await form.getByRole("button", { name: "Créer et envoyer aux autres parties" }).click();
  await expect(page.getByTestId("convention-state")).toContainText("Projet");
  const id = page.url().split("/").pop()!;
  await signOut(page);
  await signIn(page, "admin@aumv.demo");
  await page.goto(`/o/aumv/conventions/${id}`);
  await page.getByRole("button", { name: /Confirmer au nom de AUMV/ }).click();
  await expect(page.getByTestId("convention-state")).toHaveText("En vigueur jusqu'au 14 mars 2027");
  await setClock(page, "2025-06-01");
  await page.reload();
  const table = page.getByRole("table", { name: "Obligations ouvertes de la convention" });
  const budget = table.locator("tr[data-rule='AVD-3']");
  await expect(budget).toHaveCount(2);
  await expect(budget.nth(0)).toContainText("jusqu'au 15 septembre 2025");
  await expect(budget.nth(1)).toContainText("jusqu'au 15 septembre 2026");
  const advances = table.locator("tr[data-rule='AVD-4']").filter({ hasText: "Avance de deuxième année" });
  await expect(advances).toHaveCount(2);
  await expect(advances.nth(0)).toContainText("15 juin 2026");
  await expect(advances.nth(1)).toContainText("15 septembre 2026");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/convention-fnavdl.png", fullPage: true });
});
