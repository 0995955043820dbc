// Issue 13 §4: the daily digest's preferences on « Mon compte », and the unsubscribe link of its mails, followed
// without a session. Uses the reader of Habiter Solidaire en Alsace, whom no other browser test changes.
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

const EMAIL = "lecteur@habiter-alsace.demo";

test("the digest is turned on for an organisation, then off from the mail's link without signing in", async ({ page, browser, request }) => {
  await signIn(page, EMAIL);
  await page.goto("/o/habiter-alsace/compte");
  const section = page.getByRole("region", { name: "Récapitulatif quotidien par e-mail" });
  const on = section.getByLabel("Recevoir le récapitulatif quotidien");
  await expect(on).not.toBeChecked();
  await on.check();
  // Turned on without an organisation: refused, the error tied to the organisations' group.
  await section.getByRole("button", { name: "Enregistrer les préférences" }).click();
  await expect(section.getByText("Choisissez au moins une organisation, ou désactivez le récapitulatif.")).toBeVisible();
  await section.getByLabel("Habiter Solidaire en Alsace (démo)").check();
  await section.getByRole("button", { name: "Enregistrer les préférences" }).click();
  await expect(section.getByText("Préférences enregistrées : vous recevrez le récapitulatif chaque matin.")).toBeVisible();
  await page.screenshot({ path: "test-results/digest-compte.png", fullPage: true });
  await expectAccessible(page);
  await page.reload();
  await expect(section.getByLabel("Recevoir le récapitulatif quotidien")).toBeChecked();
  await expect(section.getByLabel("Habiter Solidaire en Alsace (démo)")).toBeChecked();

  // The link the morning's mail carries, opened in a browser that is not signed in.
  const { unsubscribeUrl } = await (await request.get(`/api/test/digest?email=${encodeURIComponent(EMAIL)}`)).json();
  const path = new URL(unsubscribeUrl).pathname;
  const anonymous = await browser.newContext();
  const other = await anonymous.newPage();
  await other.goto(path);
  await expect(other.getByText(EMAIL)).toBeVisible();
  await expectAccessible(other);
  await other.getByRole("button", { name: "Ne plus recevoir le récapitulatif" }).click();
  await expect(other.getByText("C'est fait : vous ne recevrez plus le récapitulatif quotidien.")).toBeVisible();
  await other.screenshot({ path: "test-results/digest-desabonnement.png", fullPage: true });
  await other.reload();
  await expect(other.getByTestId("deja-desabonne")).toBeVisible();
  // A link altered by hand is refused.
  await other.goto(`${path.slice(0, -3)}abc`);
  await expect(other.getByRole("heading", { name: "Lien non valable" })).toBeVisible();
  await anonymous.close();

  await page.reload();
  await expect(section.getByLabel("Recevoir le récapitulatif quotidien")).not.toBeChecked();
});
