import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Issue 7: an FNAVDL support and ASLLi measures worked end to end in the browser, the clock moved by the test,
// the expected dates written as literals. Each test makes its own households (the demo's may be in use).

async function setClock(page: Page, today: string | null) {
  expect((await page.request.post("/api/test/clock", { data: { today } })).ok()).toBe(true);
}
const frDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d))).replace(/^1 /, "1er ");
};

async function createHousehold(page: Page, org: string, lastName: string, firstName: string) {
  await page.goto(`/o/${org}/menages/nouveau`);
  const form = page.getByRole("form", { name: "Nouveau ménage" });
  const reference = form.getByRole("group", { name: "Personne de référence" });
  await reference.getByLabel("Nom", { exact: true }).fill(lastName);
  await reference.getByLabel("Prénom", { exact: true }).fill(firstName);
  await form.getByRole("button", { name: "Enregistrer le ménage" }).click();
  await expect(page.getByRole("heading", { name: `${firstName} ${lastName}`, level: 1 })).toBeVisible();
}

/** Picks the option whose text matches (the demo's titles carry the year). */
async function selectByText(page: Page, select: ReturnType<Page["getByLabel"]>, text: RegExp) {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

/** Records a step from the case page's form and waits for it in the timeline. */
async function record(page: Page, form: string, step: string, on: string, timeline: string, fill?: () => Promise<void>) {
  const f = page.getByRole("form", { name: form });
  await f.getByLabel("Étape").selectOption({ label: step });
  await f.getByLabel(/^Date/).first().fill(on);
  if (fill) await fill();
  await f.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await expect(page.getByTestId("timeline")).toContainText(`${frDate(on)} — ${timeline}`);
}

const MEASURE_FORM = "Enregistrer une étape de la mesure";
const CASE_FORM = "Enregistrer une étape du dossier";

async function requestAslli(page: Page, household: string, measures: string[] = []) {
  await page.goto("/o/habiter-alsace/dossiers/nouveau?type=aslli");
  const form = page.getByRole("form", { name: "Demande de mesure ASLLi" });
  await selectByText(page, form.getByLabel("Convention ASLLi"), /ASLLi 2025/);
  await form.getByLabel("Ménage", { exact: true }).selectOption({ label: household });
  await form.getByLabel("Date de la demande").fill("2025-03-05");
  await form.getByLabel("Nom et service").fill("Mme Roth, CESF, Maison de la solidarité de Mulhouse");
  await form.getByLabel(/Difficultés de logement constatées/).fill("Impayés de loyer depuis quatre mois, dette de 1 850 €.");
  await form.getByLabel(/Origine des difficultés/).fill("Baisse de ressources après la perte d'un emploi.");
  await form.getByLabel(/Axes de travail prioritaires/).fill("Plan d'apurement, dossier FSL maintien, budget.");
  await form.getByRole("checkbox", { name: /^Maintien dans le logement/ }).check();
  for (const m of measures) await form.getByRole("checkbox", { name: new RegExp(`^${m}`) }).check();
  await form.getByRole("button", { name: "Enregistrer la demande" }).click();
  return form;
}

test.afterEach(async ({ page }) => { await setClock(page, null); });

test("ASL-3, ASL-4, ASL-5, ASL-7, ASL-11b: a MASP refuses the request; the commission of 12 March starts the measure on 1 April; interrupted on 16 May, May is due and June is not", async ({ page }) => {
  await setClock(page, "2025-03-05");
  await signIn(page, "agent@habiter-alsace.demo");
  await createHousehold(page, "habiter-alsace", "Kieffer", "Odile");
  await createHousehold(page, "habiter-alsace", "Wagner", "Bernard");

  // ASL-3: a household under a MASP — refused with the reason, nothing typed is lost.
  const form = await requestAslli(page, "Kieffer Odile", ["MASP"]);
  await expect(form.getByTestId("alert-error")).toContainText("MASP");
  await expect(form.getByTestId("alert-error")).toContainText("Aucune dérogation possible");
  await expect(form.getByLabel(/Axes de travail prioritaires/)).toHaveValue("Plan d'apurement, dossier FSL maintien, budget.");
  await expect(page).toHaveURL(/\/dossiers\/nouveau/);
  await expectAccessible(page);

  await requestAslli(page, "Wagner Bernard");
  await expect(page.getByRole("heading", { level: 1, name: /Dossier Bernard Wagner/ })).toBeVisible();
  await expect(page.getByText("En attente de la commission")).toBeVisible();
  const caseUrl = new URL(page.url()).pathname.replace("/o/habiter-alsace/", "/o/alsace/");
  await page.getByRole("button", { name: "Se déconnecter" }).click();

  // The Département's Service Logement records the commission's decision.
  await setClock(page, "2025-03-12");
  await signIn(page, "agent@alsace.demo");
  await page.goto(caseUrl);
  await record(page, MEASURE_FORM, "Décision de la commission", "2025-03-12", "commission technique", async () => {
    const f = page.getByRole("form", { name: MEASURE_FORM });
    await f.getByLabel("Durée décidée (mois)").fill("6");
  });
  const measure = page.getByRole("region", { name: /Mesure/ });
  await expect(measure).toContainText("Début (ASL-4)1er avril 2025");
  const plan = page.getByRole("table", { name: "Obligations ouvertes du dossier" }).getByRole("row").filter({ hasText: "Plan d'intervention signé" });
  await expect(plan).toContainText("1er mai 2025");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Se déconnecter" }).click();

  // ASL-7: the association interrupts on 16 May: April and May are due, June is not.
  await setClock(page, "2025-05-20");
  await signIn(page, "agent@habiter-alsace.demo");
  await page.goto(caseUrl.replace("/o/alsace/", "/o/habiter-alsace/"));
  await record(page, MEASURE_FORM, "Interruption", "2025-05-16", "interruption", async () => {
    await page.getByRole("form", { name: MEASURE_FORM }).getByLabel(/Motif : le ménage ne respecte pas le plan/).fill("Le ménage ne vient plus aux rendez-vous depuis trois semaines.");
  });
  const due = page.getByTestId("months-due");
  await expect(due).toContainText("avril 2025, mai 2025");
  await expect(due).toContainText("2 mois");
  await expect(due).toContainText("570,00 €");
  await expect(due).not.toContainText("juin");
});

test("ASL-1: a 6-month measure renewed twice by 6 months reaches 18 months; a third renewal is refused", async ({ page }) => {
  await setClock(page, "2025-03-05");
  await signIn(page, "agent@habiter-alsace.demo");
  await createHousehold(page, "habiter-alsace", "Schneider", "Monique");
  await requestAslli(page, "Schneider Monique");
  await expect(page.getByRole("heading", { level: 1, name: /Dossier Monique Schneider/ })).toBeVisible();
  const caseUrl = new URL(page.url()).pathname.replace("/o/habiter-alsace/", "/o/alsace/");
  await page.getByRole("button", { name: "Se déconnecter" }).click();

  await setClock(page, "2026-03-25");
  await signIn(page, "agent@alsace.demo");
  await page.goto(caseUrl);
  await record(page, MEASURE_FORM, "Décision de la commission", "2025-03-12", "commission technique", async () => {
    await page.getByRole("form", { name: MEASURE_FORM }).getByLabel("Durée décidée (mois)").fill("6");
  });
  const renew = async (on: string) => record(page, MEASURE_FORM, "Renouvellement décidé", on, "renouvellement", async () => {
    await page.getByRole("form", { name: MEASURE_FORM }).getByLabel("Durée du renouvellement (mois)").fill("6");
  });
  await renew("2025-09-15");
  await renew("2026-03-16");
  const measure = page.getByRole("region", { name: /Mesure/ });
  await expect(measure).toContainText("18 mois sur 18 au plus");
  await expect(measure).toContainText("Fin prévue30 septembre 2026");

  const f = page.getByRole("form", { name: MEASURE_FORM });
  await f.getByLabel("Étape").selectOption({ label: "Renouvellement décidé" });
  await f.getByLabel(/^Date/).first().fill("2026-03-20");
  await f.getByLabel("Durée du renouvellement (mois)").fill("6");
  await f.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await expect(f.getByTestId("alert-error")).toContainText("dépasserait le maximum de 18 mois");
  await expect(measure).toContainText("18 mois sur 18 au plus");
});

test("AVD-9: a DALO support started on 10 January 2025, planned to end on 31 August, cannot be prolonged to 31 December until the evaluation is sent", async ({ page }) => {
  await setClock(page, "2025-01-06");
  await signIn(page, "agent@aumv.demo");
  await createHousehold(page, "aumv", "Benhamou", "Yasmina");
  await page.goto("/o/aumv/dossiers/nouveau?type=fnavdl");
  const form = page.getByRole("form", { name: "Enregistrer une prescription FNAVDL" });
  await selectByText(page, form.getByLabel("Convention FNAVDL"), /FNAVDL 2024-2025/);
  await form.getByLabel("Ménage", { exact: true }).selectOption({ label: "Benhamou Yasmina" });
  await form.getByLabel("Prescripteur (AVD-6)").selectOption("COMMISSION_MEDIATION");
  await form.getByLabel("Date de la prescription").fill("2025-01-06");
  await form.getByLabel(/La décision fixe-t-elle la mesure/).selectOption("true");
  await form.getByLabel("Niveau d'intensité (AVD-8)").selectOption("MOYEN");
  await form.getByLabel("Durée prévisionnelle (mois)").fill("8");
  await expectAccessible(page);
  await form.getByRole("button", { name: "Enregistrer la prescription" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Dossier Yasmina Benhamou/ })).toBeVisible();

  await record(page, CASE_FORM, "Accord du ménage", "2025-01-06", "accord du ménage");
  await setClock(page, "2025-01-10");
  await page.reload();
  await record(page, CASE_FORM, "Début de l'accompagnement", "2025-01-10", "début de l'accompagnement", async () => {
    const f = page.getByRole("form", { name: CASE_FORM });
    await f.getByLabel("Accompagnement", { exact: true }).selectOption("ADL");
    await f.getByLabel("Fin prévue").fill("2025-08-31");
  });
  const summary = page.getByRole("region", { name: /Prescription et accompagnement/ });
  await expect(summary).toContainText("Fin prévue31 août 2025");

  await setClock(page, "2025-08-20");
  await page.reload();
  const f = page.getByRole("form", { name: CASE_FORM });
  await f.getByLabel("Étape").selectOption({ label: "Prolongation" });
  await f.getByLabel(/^Date/).first().fill("2025-08-20");
  await f.getByLabel("Nouvelle fin prévue").fill("2025-12-31");
  await f.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await expect(f.getByTestId("alert-error")).toContainText("sans l'évaluation transmise à l'opérateur du diagnostic");
  await expect(summary).toContainText("Fin prévue31 août 2025");

  await record(page, CASE_FORM, "Évaluation transmise", "2025-08-20", "évaluation transmise", async () => {
    await page.getByRole("form", { name: CASE_FORM }).getByLabel(/Évaluation proposant la prolongation/).fill("Relogement proposé par le bailleur en octobre ; l'accompagnement doit couvrir l'installation.");
  });
  await record(page, CASE_FORM, "Prolongation", "2025-08-20", "prolongation", async () => {
    await page.getByRole("form", { name: CASE_FORM }).getByLabel("Nouvelle fin prévue").fill("2025-12-31");
  });
  await expect(summary).toContainText("Fin prévue31 décembre 2025");
  await expectAccessible(page);
});
