import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

test("an ADMIN invites a member by one-time link; the new person chooses a password and signs in", async ({ page, browser }) => {
  await signIn(page, "admin@valophis-habitat.demo");
  await page.getByRole("link", { name: "Membres" }).click();
  await expect(page.getByRole("heading", { name: "Membres", level: 1 })).toBeVisible();
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Inviter un membre" });
  await form.getByLabel("Prénom").fill("Romane");
  await form.getByLabel("Nom", { exact: true }).fill("Giraud");
  await form.getByLabel("Adresse e-mail").fill("pas une adresse");
  await form.getByRole("button", { name: "Créer le lien d'invitation" }).click();
  await expect(form.getByText("Adresse e-mail invalide.")).toBeVisible();
  await expect(form.getByLabel("Prénom")).toHaveValue("Romane");
  await form.getByLabel("Adresse e-mail").fill("romane.giraud@valophis.example");
  await form.getByLabel("Rôle").selectOption("AGENT");
  await form.getByRole("button", { name: "Créer le lien d'invitation" }).click();
  const link = await page.getByTestId("one-time-link").inputValue();
  expect(link).toMatch(/\/invitation\/[\w-]{40,}$/);
  await page.screenshot({ path: "test-results/membres.png", fullPage: true });

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(link);
  await expect(p2.getByRole("heading", { name: "Rejoindre Valophis Habitat" })).toBeVisible();
  await p2.getByLabel("Mot de passe", { exact: true }).fill("azertyuiop123");
  await p2.getByLabel("Confirmer le mot de passe").fill("azertyuiop123");
  await p2.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(p2.getByText(/trop courant ou trop facile/).first()).toBeVisible();
  await p2.getByLabel("Mot de passe", { exact: true }).fill("un chat roux sur le balcon");
  await p2.getByLabel("Confirmer le mot de passe").fill("un chat roux sur le balcon");
  await p2.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(p2).toHaveURL(/\/connexion\?motdepasse=1/);
  await signIn(p2, "romane.giraud@valophis.example", "un chat roux sur le balcon");
  await expect(p2).toHaveURL(/\/o\/valophis-habitat\/tableau-de-bord$/);
  await expect(p2.getByTestId("person-name")).toHaveText("Romane Giraud");
  // The link was single use.
  await p2.goto(link);
  await expect(p2.getByRole("heading", { name: "Lien expiré" })).toBeVisible();
  await other.close();
});

test("the test clock moves between two steps (test mode only)", async ({ page, request }) => {
  await request.post("/api/test/clock", { data: { today: "2026-02-27" } });
  await signIn(page, "lecteur@choisy-le-roi.demo");
  await expect(page.getByText("Nous sommes le 27 février 2026.")).toBeVisible();
  await request.post("/api/test/clock", { data: { today: "2026-03-02" } });
  await page.reload();
  await expect(page.getByText("Nous sommes le 2 mars 2026.")).toBeVisible();
  await request.post("/api/test/clock", { data: { today: null } });
});
