import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

test("the city person signs in, sees the Choisy-le-Roi conventions and opens the Valophis one", async ({ page }) => {
  await page.goto("/o/choisy-le-roi/conventions");
  await expect(page).toHaveURL(/\/connexion/);
  await expectAccessible(page);
  await signIn(page, "agent@choisy-le-roi.demo");
  await expect(page).toHaveURL(/\/o\/choisy-le-roi\/tableau-de-bord$/);
  await expect(page.getByTestId("person-name")).toHaveText("Karim Haddad");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Conventions", exact: true }).click();
  await expect(page).toHaveURL(/\/o\/choisy-le-roi\/conventions$/);
  await expect(page.getByRole("link", { name: /Logement relais avec accompagnement social/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /réservation en flux 2024-2026/ })).toBeVisible();
  // Nothing of the conventions Choisy is not party to (tests may have created others for Choisy).
  await expect(page.getByRole("link", { name: /FNAVDL|ASLLi|USH Midi-Pyrénées/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: /réservation en flux 2024-2026/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Valophis Habitat");
  const parties = page.getByRole("table", { name: "Parties à la convention et leur confirmation" });
  await expect(parties.getByRole("cell", { name: "Valophis Habitat" })).toBeVisible();
  await expect(parties.getByRole("cell", { name: "le bailleur" })).toBeVisible();
  await expect(page.getByTestId("convention-state")).toHaveText("En vigueur jusqu'au 31 décembre 2026");
  await expect(page.getByRole("region", { name: "Dates" }).getByText("1er janvier 2024")).toBeVisible();
  await expect(page.getByTestId("end-in-force")).toHaveText("31 décembre 2026");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/convention-reservation.png", fullPage: true });

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await page.goto("/o/choisy-le-roi/conventions");
  await expect(page).toHaveURL(/\/connexion/);
});

test("a person of AUMV gets a 404 on the Choisy–Valophis convention and on Choisy's pages", async ({ page }) => {
  await signIn(page, "agent@choisy-le-roi.demo");
  await page.getByRole("link", { name: "Conventions", exact: true }).click();
  await page.getByRole("link", { name: /réservation en flux/ }).click();
  const url = new URL(page.url());
  const conventionId = url.pathname.split("/").pop()!;
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion$/);

  await signIn(page, "agent@aumv.demo");
  await expect(page).toHaveURL(/\/o\/aumv\/tableau-de-bord$/);
  for (const path of [`/o/aumv/conventions/${conventionId}`, `/o/choisy-le-roi/conventions/${conventionId}`, "/o/choisy-le-roi/tableau-de-bord"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  }
  await expectAccessible(page);
});

test("a wrong password shows one French message, the same for an unknown e-mail, and keeps the e-mail typed", async ({ page }) => {
  await signIn(page, "agent@choisy-le-roi.demo", "pas-le-bon-mot-de-passe", { expectFailure: true });
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue("agent@choisy-le-roi.demo");
  await expectAccessible(page);
  await signIn(page, "personne.inconnue@exemple.fr", "pas-le-bon-mot-de-passe", { expectFailure: true });
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Adresse e-mail invalide.")).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
});

test("the two-organisation person switches organisation: the URL and the data follow", async ({ page }) => {
  await signIn(page, "nadia.benali@multi.demo");
  await expect(page).toHaveURL(/\/o\/aumv\/tableau-de-bord$/);
  await page.getByRole("link", { name: "Conventions", exact: true }).click();
  await expect(page.getByRole("link", { name: "Convention d'objectifs FNAVDL – Val-de-Marne / AUMV" })).toBeVisible();
  await expect(page.getByRole("link", { name: /USH Midi-Pyrénées/ })).toHaveCount(0);

  await page.getByText("AUMV – Aide d'Urgence du Val-de-Marne ▾").click();
  await page.getByRole("link", { name: /FNARS Midi-Pyrénées/ }).click();
  await expect(page).toHaveURL(/\/o\/fnars-midi-pyrenees\/conventions$/);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.getByRole("link", { name: /USH Midi-Pyrénées \/ FNARS/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /FNAVDL/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("keyboard: the skip link and the sign-in form work without a mouse, with a visible focus", async ({ page }) => {
  await page.goto("/connexion");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Adresse e-mail")).toBeFocused();
  const outline = await page.getByLabel("Adresse e-mail").evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe("solid");
  await page.keyboard.type("lecteur@valophis-habitat.demo");
  await page.keyboard.press("Tab");
  await page.keyboard.type("demo-logement-2026");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/o\/valophis-habitat\/tableau-de-bord$/);
});
