import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Issue 12 in the browser: the city person's « Tableau de bord » lists, from the demo, the overdue relais diagnostic
// (AUMV's, household Fabre) and the designation due within 7 days (a vacancy Valophis declared 25 days ago); each link
// leads to the page where it is done; once AUMV records the diagnostic it leaves the list. Then the bell and the
// notifications page, read state per person.

const parisToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const logout = (page: Page) => page.getByRole("button", { name: "Se déconnecter" }).click();
const diagnosticRow = (page: Page) => page.getByTestId("group-overdue").locator('[data-key="REL-2:diagnostic"]').filter({ hasText: "Dossier Fabre Julien" });

test("GEN-6, REL-2, RES-18: the city's dashboard lists the overdue relais diagnostic and the designation due within 7 days; each link leads where it is done; the recorded diagnostic leaves the list", async ({ page }) => {
  await signIn(page, "agent@choisy-le-roi.demo");
  await expect(page).toHaveURL(/\/o\/choisy-le-roi\/tableau-de-bord$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();

  await expect(diagnosticRow(page)).toHaveCount(1);
  await expect(diagnosticRow(page)).toContainText("Bilan diagnostic");
  await expect(diagnosticRow(page)).toContainText("AUMV");
  const designation = page.getByTestId("group-week").locator('[data-key="RES-18:designation"]');
  await expect(designation).toHaveCount(1);
  await expect(designation).toContainText("J-5");
  await expect(page.getByTestId("panel-designations")).toContainText("J-5");
  await expect(page.getByTestId("panel-caduques")).toContainText("Valophis Habitat");
  await expect(page.getByTestId("reservation-line")).toContainText("Décomptés en");
  await expect(page.getByTestId("flux-progress")).toContainText("%"); // RES-14: progress towards the year's objective
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/dashboard-city.png", fullPage: true });

  // The designation's link: the vacancy, where the city designates its candidates.
  await designation.getByRole("link").click();
  await expect(page).toHaveURL(/\/o\/choisy-le-roi\/vacances\/[a-z0-9]{20,}$/);
  await expect(page.getByRole("form", { name: "Désigner des candidats" })).toBeVisible();

  // The diagnostic's link: the relais case, where the diagnostic is recorded.
  await page.goto("/o/choisy-le-roi/tableau-de-bord");
  await diagnosticRow(page).getByRole("link").click();
  await expect(page).toHaveURL(/\/o\/choisy-le-roi\/dossiers\/[a-z0-9]{20,}$/);
  const caseUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("table", { name: "Obligations ouvertes du dossier" })).toContainText("Bilan diagnostic à réaliser");
  await logout(page);

  // AUMV records it from the same case.
  await signIn(page, "agent@aumv.demo");
  await page.goto(caseUrl.replace("/o/choisy-le-roi/", "/o/aumv/"));
  const form = page.getByRole("form", { name: "Enregistrer une étape du dossier" });
  await form.getByLabel("Étape").selectOption({ label: "Diagnostic" });
  await form.getByLabel("Date", { exact: true }).fill(parisToday());
  const sections = ["Problématique du ménage", "Situation financière précise", "Démarches prioritaires", "Capacité et volonté", "Projet d'accompagnement", "Modalités préconisées", "Capacité à payer"];
  for (const [i, label] of sections.entries()) await form.getByLabel(new RegExp(label)).fill(`Rubrique ${i + 1} du diagnostic de M. Fabre`);
  await form.getByLabel("Ressources mensuelles du ménage (€)").fill("1 905,60");
  await form.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await expect(page.getByTestId("timeline")).toContainText("diagnostic");
  await logout(page);

  await signIn(page, "agent@choisy-le-roi.demo");
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();
  await expect(page.getByTestId("group-overdue")).toBeVisible();
  await expect(diagnosticRow(page)).toHaveCount(0);
  await expect(page.getByTestId("group-week").locator('[data-key="RES-18:designation"]')).toHaveCount(1);
});

test("issue 12: the bell counts the person's unread notifications; reading one is the person's own", async ({ page }) => {
  await signIn(page, "lecteur@choisy-le-roi.demo");
  const bell = page.getByTestId("notification-bell");
  const count = async () => Number((await page.getByTestId("notification-count").innerText()).replace("99+", "100"));
  const before = await count();
  expect(before).toBeGreaterThan(0);
  await bell.click();
  await expect(page).toHaveURL(/\/o\/choisy-le-roi\/notifications$/);
  const first = page.getByTestId("notification").filter({ hasText: "Nouvelle vacance" }).first();
  await expect(first).toHaveAttribute("data-read", "non");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/notifications.png", fullPage: true });
  const title = (await first.getByRole("link").innerText()).trim();
  await first.getByRole("button", { name: /Marquer comme lu/ }).click();
  await expect(page.getByTestId("notification").filter({ hasText: title }).first()).toHaveAttribute("data-read", "oui");
  await expect.poll(count).toBe(before - 1);
  await page.getByRole("link", { name: "Non lues", exact: true }).click();
  await expect(page.getByTestId("notification").filter({ hasText: title })).toHaveCount(0);
  await logout(page);

  // Choisy's agent still has it unread.
  await signIn(page, "agent@choisy-le-roi.demo");
  await page.goto("/o/choisy-le-roi/notifications?filtre=non-lues");
  await expect(page.getByTestId("notification").filter({ hasText: title }).first()).toBeVisible();

  // Preferences on « Mon compte », with axe.
  await page.goto("/o/choisy-le-roi/compte");
  await expect(page.getByRole("form", { name: "Mes notifications" })).toBeVisible();
  await expectAccessible(page);
});
