import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Issue 14: the reports in Chromium. The AUMV agent downloads the FNAVDL indicators of the demo's previous convention
// (its fixed cases, prisma/demo-supports.ts) as .xlsx and the test reads the workbook against hand-worked literals;
// the relais report of 2023-2024 shows 10, 2, 3, 4, 2; the other report pages, the charts and the audit view pass axe.
// This file runs before supports.spec.ts, which adds a January 2025 case to that convention's year 1 (files run in name order).

const SHOTS = "test-results/reports";

test("AVD-13, AVD-13b, AVD-12: the AUMV agent downloads the FNAVDL indicators of year 1 of the 2024-2025 convention as .xlsx; the workbook holds the hand-worked figures", async ({ page }) => {
  await signIn(page, "agent@aumv.demo");
  await page.goto("/o/aumv/rapports");
  await expect(page.getByRole("heading", { level: 1, name: "Rapports" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Indicateurs — Convention d'objectifs FNAVDL 2024-2025 – Val-de-Marne / AUMV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Indicateurs FNAVDL (annexe III)" })).toBeVisible();
  await expect(page.getByText("Année 1 : du 15 janvier 2024 au 14 janvier 2025")).toBeVisible();
  const indicators = page.getByTestId("fnavdl-indicators");
  await expect(indicators.locator("tbody tr").nth(4)).toContainText("6,1");
  await expect(indicators.locator("tbody tr").nth(5)).toContainText("13");
  // AVD-12: 2 léger, 1 moyen, 1 approfondi against 18/22/8 — the moyen share is 20,8 points under the forecast.
  await expect(page.getByTestId("alert-error")).toContainText("un avenant est nécessaire (AVD-12)");
  await expect(page.getByTestId("chart-active-file").locator("svg").first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/fnavdl.png`, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger en Excel (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toBe("indicateurs-fnavdl-2024-01-15_2025-01-14.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("Indicateurs annexe III")!;
  const column = (c: number) => [2, 3, 4, 5, 6, 7, 8].map((r) => sheet.getRow(r).getCell(c).value);
  expect(column(1)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  // 1 referred 5, 2 with a measure 5, 3 active file 26/13 = 2, 4 accompanied 4, 5 (183 + 186) days / 2 → 6,1 months,
  // 6 (14 + 10 + 14 + 14) / 4 = 13 days, 7 one household housed by 14 January 2025; year-1 objectives 55, 45, 38, 12.
  expect(column(3)).toEqual([5, 5, 2, 4, 6.1, 13, 1]);
  expect(column(4)).toEqual([55, 45, null, 38, null, null, 12]);
  const intensity = wb.getWorksheet("Niveaux d'intensité")!;
  expect([2, 3, 4].map((r) => [intensity.getRow(r).getCell(2).value, intensity.getRow(r).getCell(4).value])).toEqual([[2, 18], [1, 22], [1, 8]]);
  expect(intensity.getRow(3).getCell(7).value).toBe("Écart au-delà du seuil");
  const months = wb.getWorksheet("File active par mois")!;
  expect(months.getRow(2).values).toEqual([undefined, "janvier 2024", 0]);
  expect(months.getRow(14).values).toEqual([undefined, "janvier 2025", 2]);
  const surveys = wb.getWorksheet("Enquêtes de satisfaction")!;
  expect([2, 3, 4].map((r) => [surveys.getRow(r).getCell(2).value, surveys.getRow(r).getCell(4).value])).toEqual([[1, 0], [0, 1], [0, 1]]);

  // The CSV of year 2 is French: BOM, ;, decimal commas.
  await page.getByRole("link", { name: "Année 2" }).click();
  await expect(page.getByText("Année 2 : du 15 janvier 2025 au 14 janvier 2026")).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger en CSV" }).click()]);
  const text = await readFile((await csv.path())!, "utf8");
  expect(text.startsWith("\uFEFFIndicateurs annexe III\r\nN°;Indicateur;Réalisé;Objectif de l'année;")).toBe(true);
  // Year 2's objectives are the convention's: 55 referred, 50 with a measure, 42 accompanied, 16 housed.
  expect(text.split("\r\n").filter((l) => /^[1-7];/.test(l)).map((l) => l.split(";")[3])).toEqual(["55", "50", "", "42", "", "", "16"]);
});

test("REL-9: the relais report of 2023-2024 shows 10 supported, 2 relogés, 3 other solutions, 4 diagnostics, 2 entries", async ({ page }) => {
  await signIn(page, "lecteur@choisy-le-roi.demo");
  await page.goto("/o/choisy-le-roi/rapports");
  await page.getByRole("link", { name: "Chiffres du bilan — Logement relais 2023-2024 – Choisy-le-Roi / AUMV" }).click();
  await expect(page.getByRole("link", { name: "Toute la convention (2023-2024)" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("relais-figures").locator("dd")).toHaveText(["10", "2", "3", "4", "2"]);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/relais.png`, fullPage: true });
  await page.getByRole("link", { name: "2024", exact: true }).click();
  await expect(page.getByText("du 1er janvier 2024 au 31 décembre 2024").first()).toBeVisible();

  // The réservation charts (flux against the objective, droits uniques stock) and the obligations chart, with their tables.
  await page.goto("/o/choisy-le-roi/rapports");
  await page.getByRole("link", { name: /^Flux et droits uniques — / }).click();
  await expect(page.getByTestId("chart-flux").locator("svg").first()).toBeVisible();
  await page.getByTestId("chart-droits").getByText("Voir les données en tableau").click();
  await expect(page.getByTestId("chart-droits").getByRole("table")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/reservation.png`, fullPage: true });
  await page.goto("/o/choisy-le-roi/rapports/echeances");
  await expect(page.getByTestId("chart-timeliness").locator("svg").first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/echeances.png`, fullPage: true });
});

test("ASL-11, ASL-11b: the association's semester table and months-due statement; another organisation gets 404", async ({ page }) => {
  await signIn(page, "agent@habiter-alsace.demo");
  await page.goto("/o/habiter-alsace/rapports");
  await page.getByRole("link", { name: /^Tableau semestriel — / }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Tableau semestriel et mois dus (ASLLi)" })).toBeVisible();
  await expect(page.getByTestId("aslli-statement")).toContainText("Total du semestre");
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/aslli.png`, fullPage: true });
  const url = new URL(page.url());
  const [, , , , kind, id] = url.pathname.split("/");
  expect(kind).toBe("aslli");
  // ACC-1: Choisy is no party: the page and the export answer 404.
  await page.context().clearCookies();
  await signIn(page, "admin@choisy-le-roi.demo");
  expect((await page.goto(`/o/choisy-le-roi/rapports/aslli/${id}`))!.status()).toBe(404);
  expect((await page.request.get(`/api/o/choisy-le-roi/rapports/aslli/${id}?format=csv`)).status()).toBe(404);
});

test("ACC-3: the AUMV ADMIN reads the audit view, filters it by action and exports the filtered rows; an agent gets 404", async ({ page }) => {
  await signIn(page, "admin@aumv.demo");
  await page.goto("/o/aumv/membres");
  await page.getByRole("link", { name: "Journal d'audit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Journal d'audit" })).toBeVisible();
  // Viewing is audited: the newest line is this very look.
  await expect(page.getByTestId("audit-table").locator("tbody tr").first()).toContainText("audit.view");
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/journal.png`, fullPage: true });
  await page.getByLabel("Action (début du code)").fill("audit.view");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/action=audit.view/);
  const rows = page.getByTestId("audit-table").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  for (const text of await rows.allInnerTexts()) expect(text).toContain("audit.view");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger en CSV" }).click()]);
  const lines = (await readFile((await csv.path())!, "utf8")).trim().split("\r\n").slice(1);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  for (const line of lines) expect(line).toContain(";audit.view;");
  await page.context().clearCookies();
  await signIn(page, "agent@aumv.demo");
  expect((await page.goto("/o/aumv/membres/journal"))!.status()).toBe(404);
});
