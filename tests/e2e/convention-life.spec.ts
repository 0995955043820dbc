import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

const RELAIS = "Logement relais avec accompagnement social – Choisy-le-Roi / AUMV";
const FNAVDL = "Convention d'objectifs FNAVDL – Val-de-Marne / AUMV";

async function setClock(page: Page, today: string | null) {
  expect((await page.request.post("/api/test/clock", { data: { today } })).ok()).toBe(true);
}
async function openConvention(page: Page, org: string, title: string) {
  await page.goto(`/o/${org}/conventions?q=${encodeURIComponent(title.slice(0, 30))}`);
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}
async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test.afterEach(async ({ page }) => { await setClock(page, null); });

test("GEN-5/GEN-6/GEN-2: on the relais convention, the subsidy is paid and confirmed, the annual bilan meeting is held, a denunciation ends it on 31 December 2026", async ({ page, browser }) => {
  await setClock(page, "2026-10-01");
  await signIn(page, "admin@choisy-le-roi.demo");
  await openConvention(page, "choisy-le-roi", RELAIS);
  const open = page.getByRole("table", { name: "Obligations ouvertes de la convention" });
  const subsidy = open.getByRole("row").filter({ hasText: "Versement de la subvention annuelle" }).filter({ hasText: "2026" });
  await subsidy.getByRole("button", { name: /Enregistrer le versement/ }).click();
  const payForm = page.getByRole("form", { name: /Enregistrer le versement/ });
  await expect(payForm.getByLabel("Montant versé (€)")).toHaveValue("11400,00");
  await payForm.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("form", { name: /Enregistrer le versement/ })).toHaveCount(0);

  const meeting = open.getByRole("row").filter({ hasText: "Réunion de bilan annuel de la convention" }).filter({ hasText: "2026" });
  await meeting.getByRole("button", { name: /Enregistrer la réunion/ }).click();
  const meetingForm = page.getByRole("form", { name: /Enregistrer la réunion/ });
  await meetingForm.getByLabel("Participants").fill("Ville : S. Martin, K. Haddad ; AUMV : M. Durand, F. Diallo");
  await meetingForm.getByLabel("Compte rendu").fill("Bilan 2026 : 5 ménages accompagnés, 2 relogés.");
  await meetingForm.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByText(/^Obligations remplies \(/).click();
  const done = page.getByRole("table", { name: "Obligations remplies de la convention" });
  await expect(done.getByRole("row").filter({ hasText: "Réunion de bilan annuel de la convention" }).filter({ hasText: "2026" })).toContainText("Fait");
  await expect(done.getByRole("row").filter({ hasText: "Versement de la subvention annuelle" }).filter({ hasText: "2026" })).toContainText("fait le 1er octobre 2026");

  const letters = page.getByRole("form", { name: "Enregistrer un courrier ou une décision" });
  await letters.getByLabel("Courrier ou décision").selectOption("DENOUNCED");
  await letters.getByLabel("Date (envoi ou décision)").fill("2026-10-01");
  await letters.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByTestId("convention-state")).toHaveText("Dénoncée — en vigueur jusqu'au 31 décembre 2026");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/convention-life.png", fullPage: true });

  // AUMV confirms it received the payment.
  const aumv = await as(browser, "admin@aumv.demo");
  await openConvention(aumv.page, "aumv", RELAIS);
  const confirm = aumv.page.getByRole("table", { name: "Obligations ouvertes de la convention" }).getByRole("row").filter({ hasText: "Confirmation de la réception du versement" });
  await confirm.getByRole("button", { name: /Confirmer la réception/ }).first().click();
  await aumv.page.getByRole("form", { name: /Confirmer la réception/ }).getByRole("button", { name: "Enregistrer" }).click();
  await expect(aumv.page.getByRole("table", { name: "Obligations ouvertes de la convention" }).getByText("Confirmation de la réception du versement")).toHaveCount(0);
  await aumv.context.close();
});

test("AVD-2: an avenant extends the FNAVDL convention by 12 months once both parties confirm; the end and the reports move", async ({ page, browser }) => {
  await signIn(page, "admin@aumv.demo");
  await openConvention(page, "aumv", FNAVDL);
  await expect(page.getByTestId("end-in-force")).toHaveText("13 mars 2027");
  const form = page.getByRole("form", { name: "Proposer un avenant" });
  await form.getByLabel("Paramètre modifié").selectOption("extended");
  await form.getByLabel("Nouvelle valeur").selectOption("true");
  await form.getByLabel("Objet, cause et conséquences").fill("Prolongation de 12 mois pour achever les accompagnements en cours.");
  await form.getByRole("button", { name: "Proposer l'avenant aux autres parties" }).click();
  await expect(page.getByTestId("avenant-1")).toContainText("En attente de État – préfecture du Val-de-Marne");
  await expect(page.getByTestId("end-in-force")).toHaveText("13 mars 2027");

  const etat = await as(browser, "admin@prefecture-val-de-marne.demo");
  await openConvention(etat.page, "prefecture-val-de-marne", FNAVDL);
  await etat.page.getByRole("button", { name: "Confirmer l'avenant n° 1" }).click();
  await expect(etat.page.getByTestId("avenant-1")).toContainText("En vigueur");
  await expect(etat.page.getByTestId("end-in-force")).toHaveText("13 mars 2028");
  const reports = etat.page.getByRole("table", { name: "Obligations ouvertes de la convention" }).locator("tr[data-rule='AVD-5']");
  await expect(reports.first()).toContainText("13 septembre 2028");
  await etat.context.close();
});

test("concurrency: two persons edit the same convention; the second save is refused and keeps its values", async ({ browser }) => {
  const ush = await as(browser, "admin@ush-midi-pyrenees.demo");
  const fnars = await as(browser, "admin@fnars-midi-pyrenees.demo");
  const title = "Convention de partenariat USH Midi-Pyrénées / FNARS Midi-Pyrénées";
  await openConvention(ush.page, "ush-midi-pyrenees", title);
  await openConvention(fnars.page, "fnars-midi-pyrenees", title);
  await ush.page.getByRole("button", { name: "Modifier l'intitulé" }).click();
  await fnars.page.getByRole("button", { name: "Modifier l'intitulé" }).click();
  await ush.page.getByLabel("Référence").fill("Convention du 7 avril 2010");
  await ush.page.getByRole("form", { name: "Modifier la convention" }).getByRole("button", { name: "Enregistrer" }).click();
  await expect(ush.page.getByRole("form", { name: "Modifier la convention" })).toHaveCount(0);
  await fnars.page.getByLabel("Référence").fill("Texte signé à Toulouse");
  await fnars.page.getByRole("form", { name: "Modifier la convention" }).getByRole("button", { name: "Enregistrer" }).click();
  await expect(fnars.page.getByText(/vient d'être modifiée par une autre personne/)).toBeVisible();
  await expect(fnars.page.getByLabel("Référence")).toHaveValue("Texte signé à Toulouse");
  await ush.context.close();
  await fnars.context.close();
});
