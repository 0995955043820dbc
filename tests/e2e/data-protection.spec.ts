import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Issue 8: the household's right of access. The AUMV ADMIN displays the social detail of a demo household's
// FNAVDL case (one read in the log), then exports everything held on it; the test opens the file. Another
// organisation gets 404 for the export.

test("ACC-3, issue 8: the AUMV ADMIN exports a demo household and finds its cases, events and read log; another organisation gets 404", async ({ page }) => {
  await signIn(page, "admin@aumv.demo");
  await page.goto("/o/aumv/menages?q=pereira");
  await page.getByRole("link", { name: /pereira/i }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Sandra Pereira" })).toBeVisible();
  const householdUrl = page.url();
  const householdId = householdUrl.split("/").pop()!;

  // One read of the social detail of its case.
  await page.getByRole("link", { name: /Convention d'objectifs FNAVDL/ }).first().click();
  await page.getByRole("button", { name: "Afficher le détail social" }).click();
  await expect(page.getByTestId("social-detail")).toBeVisible();

  await page.goto(householdUrl);
  const log = page.getByTestId("read-log");
  await expect(log).toContainText("Michel Durand");
  await expect(log).toContainText("AUMV – Aide d'Urgence du Val-de-Marne");
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter les données (HTML)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^donnees-menage-Pereira-\d{4}-\d{2}-\d{2}\.html$/);
  const html = await readFile((await download.path())!, "utf8");
  expect(html).toContain("Données détenues sur le ménage Sandra Pereira");
  expect(html).toContain("<h3>FNAVDL — Convention d&#39;objectifs FNAVDL – Val-de-Marne / AUMV");
  expect(html).toContain("Convention d&#39;objectifs FNAVDL – Val-de-Marne / AUMV");
  for (const step of ["prescription", "accord du ménage", "début de l&#39;accompagnement", "signature du bail", "enquête de satisfaction", "fin"]) expect(html).toContain(`<td>${step}</td>`);
  expect(html).toMatch(/Journal des consultations[\s\S]*Michel Durand[\s\S]*AUMV – Aide d&#39;Urgence du Val-de-Marne/);

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter les données (JSON)" }).click()]);
  const data = JSON.parse(await readFile((await json.path())!, "utf8"));
  expect(data.household.reference).toMatchObject({ firstName: "Sandra", lastName: "Pereira" });
  expect(data.cases[0].events.length).toBeGreaterThan(3);
  expect(data.readLog.some((r: { person: string }) => r.person === "Michel Durand")).toBe(true);
  await page.getByRole("button", { name: "Se déconnecter" }).click();

  // Another organisation, even a partner: 404 for the export.
  await signIn(page, "admin@choisy-le-roi.demo");
  expect((await page.request.get(`/api/o/choisy-le-roi/menages/${householdId}/export?format=json`)).status()).toBe(404);
  expect((await page.request.get(`/api/o/aumv/menages/${householdId}/export?format=json`)).status()).toBe(404);
});
