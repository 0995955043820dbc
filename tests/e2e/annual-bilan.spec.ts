import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Issue 11: the annual bilan (RES-22) of Valophis Habitat on Choisy-le-Roi, read and downloaded by the Ville (the .xlsx
// opened and three cells checked, the CSV with its accents), printed on A4, its validation meeting recorded (RES-23);
// an organisation outside the territory's conventions gets a 404 (ACC-1). Figures: prisma/demo-vacancies.ts (2025:
// 32 proposed to the Ville, 29 attributed, 28 leases, 5 equivalents, objective 127 × 24 % = 30).

async function setClock(page: Page, today: string | null) {
  expect((await page.request.post("/api/test/clock", { data: { today } })).ok()).toBe(true);
}
test.afterEach(async ({ page }) => { await setClock(page, null); });

async function openBilan(page: Page, org: string) {
  await page.goto(`/o/${org}/conventions`);
  await page.getByRole("link", { name: /réservation en flux 2024-2026/ }).click();
  await page.getByRole("link", { name: "Bilan annuel" }).click();
  await expect(page).toHaveURL(/\/bilan$/);
}

test("RES-22, RES-23: the Ville reads the 2025 bilan, downloads the .xlsx and the CSV, prints it and records the validation meeting", async ({ page }) => {
  await signIn(page, "agent@choisy-le-roi.demo");
  await openBilan(page, "choisy-le-roi");
  await expect(page.getByRole("heading", { level: 1, name: "Bilan annuel 2025" })).toBeVisible();
  const row = page.getByTestId("bilan-reservataires").getByRole("row").filter({ hasText: "Ville de Choisy-le-Roi" });
  await expect(row).toContainText("32");
  await expect(row).toContainText(/24\s%/);
  await expect(page.getByTestId("bilan-follow")).toContainText(/envoyé le 16 février 2026/);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/annual-bilan-2025.png", fullPage: true });

  // The .xlsx: opened with exceljs, three cells of the « Réservataires » sheet.
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger en Excel (.xlsx)" }).click()]);
  expect(xlsx.suggestedFilename()).toBe("Bilan 2025 – Valophis Habitat – Choisy-le-Roi.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await readFile((await xlsx.path())!) as never);
  const sheet = wb.getWorksheet("Réservataires")!;
  expect(sheet.getCell("A2").value).toBe("Ville de Choisy-le-Roi");
  expect(sheet.getCell("B2").value).toBe(32);
  expect(sheet.getCell("F2").value).toBe(33);

  // The CSV: UTF-8 with its BOM, « ; », accents intact.
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger en CSV" }).click()]);
  const bytes = await readFile((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text).toContain("Réservataire;Proposés;Attribués;Baux signés;Équivalents;Comptés;Part convenue;Objectif;Objectif atteint");
  expect(text).toContain("Ville de Choisy-le-Roi;32;29;28;5;33;24;30;oui");
  expect(text).toContain("Période de construction");

  // A4 print: no navigation nor buttons, the tables only.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "Télécharger en CSV" })).toBeHidden();
  await page.screenshot({ path: "test-results/annual-bilan-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // RES-23: the validation meeting of the 2025 bilan, between the Ville and Valophis.
  const form = page.getByRole("form", { name: "Réunion de validation du bilan 2025" });
  await form.getByRole("button", { name: "Enregistrer la réunion" }).click();
  await expect(form.getByText("Participants : à compléter.")).toBeVisible();
  await form.getByLabel("Participants").fill("Mme Hamon (Ville), M. Bertrand (Valophis Habitat)");
  await form.getByLabel("Relevé de décisions").fill("Bilan 2025 validé ; objectif atteint.");
  await form.getByRole("button", { name: "Enregistrer la réunion" }).click();
  await expect(page.getByTestId("bilan-follow")).toContainText("Mme Hamon (Ville), M. Bertrand (Valophis Habitat)");
  await expect(page.getByRole("form", { name: "Réunion de validation du bilan 2025" })).toHaveCount(0);

  // The 2024 bilan: sent on 16 February 2025 with its file, validated in December 2025.
  await page.getByRole("navigation", { name: "Année" }).getByRole("link", { name: "2024" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bilan annuel 2024" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bilan 2024 – Valophis Habitat – Choisy-le-Roi.xlsx" })).toBeVisible();
  await expect(page.getByTestId("bilan-follow")).toContainText("Mme Hamon");
  await expectAccessible(page);
});

test("ACC-1, RES-22: Valophis sees its 2025 bilan sent to the Ville; AUMV, party to no réservation convention there, gets a 404 for the page and the export", async ({ page }) => {
  await signIn(page, "agent@valophis-habitat.demo");
  await openBilan(page, "valophis-habitat");
  const url = new URL(page.url());
  await expect(page.getByTestId("bilan-follow")).toContainText("envoyé le 16 février 2026");
  await expect(page.getByRole("form", { name: /Marquer le bilan 2025 comme envoyé/ })).toHaveCount(0);
  await page.screenshot({ path: "test-results/annual-bilan-valophis.png", fullPage: true });
  await page.getByRole("button", { name: "Se déconnecter" }).click();

  await signIn(page, "agent@aumv.demo");
  const id = url.pathname.split("/")[4];
  const res = await page.goto(`/o/aumv/conventions/${id}/bilan?annee=2025`);
  expect(res?.status()).toBe(404);
  const api = await page.request.get(`/api/o/aumv/conventions/${id}/bilan?annee=2025&format=xlsx`);
  expect(api.status()).toBe(404);
});

test("RES-22: on 15 January 2027 Valophis marks the 2026 bilan sent: the .xlsx is attached to the Ville's convention and the obligation is done", async ({ page }) => {
  await setClock(page, "2027-01-15");
  await signIn(page, "agent@valophis-habitat.demo");
  await openBilan(page, "valophis-habitat");
  await page.getByRole("navigation", { name: "Année" }).getByRole("link", { name: "2026" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bilan annuel 2026" })).toBeVisible();
  const form = page.getByRole("form", { name: "Marquer le bilan 2026 comme envoyé" });
  await expect(form.getByLabel("Date d'envoi")).toHaveValue("2027-01-15");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/annual-bilan-send.png", fullPage: false });
  await form.getByRole("button", { name: /Marquer comme envoyé/ }).click();
  await expect(page.getByTestId("bilan-follow")).toContainText("envoyé le 15 janvier 2027");
  await expect(page.getByRole("link", { name: "Bilan 2026 – Valophis Habitat – Choisy-le-Roi.xlsx" })).toBeVisible();
  await page.getByRole("link", { name: /Convention bilatérale de réservation/ }).click();
  await expect(page.getByText("Bilan 2026 – Valophis Habitat – Choisy-le-Roi.xlsx")).toBeVisible();
});
