import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Issue 9 in the browser: Valophis's stock on Choisy-le-Roi (assiette, rotation, a dwelling, the import page) and
// Choisy's droits de réservation (977 droits de suite converted into 792 droits uniques).

test("RES-1..RES-6: the Valophis agent sees its stock in Choisy-le-Roi, the assiette of each year and the agreed 5,24 %", async ({ page }) => {
  await signIn(page, "agent@valophis-habitat.demo");
  await page.getByRole("link", { name: "Logements", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Logements" })).toBeVisible();
  await expect(page.getByTestId("rotation-in-force")).toContainText("5,24 %");
  await expect(page.getByRole("heading", { name: /Logements \(2\s505\)/ })).toBeVisible();
  const assiette = page.getByTestId("assiette");
  await expect(assiette.getByRole("row").filter({ hasText: "2025" })).toContainText("64"); // the 2025 programme put into service
  await expectAccessible(page);
  await page.getByLabel("Typologie").selectOption("T5");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/typologie=T5/);
  await page.getByRole("table", { name: /Logements de Valophis Habitat/ }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /Logement 0940220/ })).toBeVisible();
  await expect(page.getByText("Classement de la résidence (RES-16)").first()).toBeVisible();
  await expectAccessible(page);
  await page.goto("/o/valophis-habitat/logements/import");
  await expect(page.getByRole("heading", { level: 1, name: "Importer des logements" })).toBeVisible();
  await expectAccessible(page);
});

test("RES-7..RES-12: Choisy sees its 977 droits de suite converted into 792 droits uniques, and Valophis's dwellings without editing them", async ({ page }) => {
  await signIn(page, "agent@choisy-le-roi.demo");
  await page.goto("/o/choisy-le-roi/conventions");
  await page.getByRole("link", { name: /réservation en flux 2024-2026/ }).click();
  await page.getByRole("link", { name: "Droits de réservation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Droits de réservation" })).toBeVisible();
  await expect(page.locator("main")).toContainText("977");
  await expect(page.locator("main")).toContainText("792");
  await expectAccessible(page);
  await page.goto("/o/choisy-le-roi/logements");
  await expect(page.getByTestId("rotation-in-force")).toContainText("5,24 %");
  await expect(page.getByRole("link", { name: "Nouveau logement" })).toHaveCount(0);
});

test("RES-4b, RES-11..RES-14: Choisy opens the flux of the year of its réservation convention: chart with its table", async ({ page }) => {
  await signIn(page, "agent@choisy-le-roi.demo");
  await page.goto("/o/choisy-le-roi/conventions");
  await page.getByRole("link", { name: /réservation en flux 2024-2026/ }).click();
  await page.getByRole("link", { name: "Flux de l'année" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Flux de l'année" })).toBeVisible();
  await expect(page.getByTestId("flux-chart")).toHaveAttribute("aria-label", /./);
  await expect(page.getByRole("table", { name: /Logements comptés par mois/ })).toBeVisible();
  await expectAccessible(page);
});
