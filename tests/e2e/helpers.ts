import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-logement-2026";

/** Fills the sign-in form; waits for the organisation's pages unless `expectFailure`. */
export async function signIn(page: Page, email: string, password = PASSWORD, opts: { expectFailure?: boolean } = {}) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  if (!opts.expectFailure) await expect(page).toHaveURL(/\/o\/[^/]+\//);
}

/** RGAA / WCAG 2.1 AA: axe finds no serious or critical violation. */
export async function expectAccessible(page: Page) {
  // Analyse the settled page, not one caught in the middle of a client-side navigation.
  await page.waitForLoadState("networkidle");
  await expect(page).toHaveTitle(/Conventions logement/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
