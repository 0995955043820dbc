import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Issue 6 §1: the Choisy agent records a household, finds it without accents and opens it; a bailleur
// that has no case on it gets a 404. The test makes its own household (the demo ones may not be there).

test("households: Choisy creates a household with two members and resources, finds it without accents; Valophis gets 404", async ({ page }) => {
  await signIn(page, "agent@choisy-le-roi.demo");
  await page.getByRole("link", { name: "Ménages", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Ménages", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Nouveau ménage" }).click();
  await expect(page).toHaveURL(/\/o\/choisy-le-roi\/menages\/nouveau$/);

  const form = page.getByRole("form", { name: "Nouveau ménage" });
  const reference = form.getByRole("group", { name: "Personne de référence" });
  await reference.getByLabel("Nom", { exact: true }).fill("Mézières");
  await reference.getByLabel("Prénom", { exact: true }).fill("Hélène");
  await reference.getByLabel("Date de naissance").fill("1984-06-02");

  await form.getByRole("button", { name: "Ajouter un membre" }).click();
  const first = form.getByRole("group", { name: "Membre 1" });
  await expect(first.getByLabel("Prénom", { exact: true })).toBeFocused();
  await expect(first.getByLabel("Nom", { exact: true })).toHaveValue("Mézières");
  await first.getByLabel("Prénom", { exact: true }).fill("Joël");
  await first.getByLabel("Date de naissance").fill("1982-11-20");
  await first.getByLabel("Lien avec la personne de référence").selectOption({ label: "Conjoint ou conjointe" });
  await form.getByRole("button", { name: "Ajouter un membre" }).click();
  const second = form.getByRole("group", { name: "Membre 2" });
  await second.getByLabel("Prénom", { exact: true }).fill("Noé");
  await second.getByLabel("Date de naissance").fill("2016-03-08");

  await form.getByRole("button", { name: "Ajouter une ressource" }).click();
  const salary = form.getByRole("group", { name: "Ressource 1" });
  await salary.getByLabel("Montant mensuel (€)").fill("1 234,58");
  await form.getByRole("button", { name: "Ajouter une ressource" }).click();
  const family = form.getByRole("group", { name: "Ressource 2" });
  await family.getByLabel("Nature").selectOption({ label: "Prestations familiales" });
  await family.getByLabel("Montant mensuel (€)").fill("312,40");
  await expect(form.getByText("Total mensuel saisi : 1 546,98 €")).toBeVisible();

  await form.getByLabel("Commune").fill("Choisy-le-Roi");
  await form.getByLabel("Situation actuelle de logement").selectOption({ label: "Hébergé chez un tiers" });
  // A malformed NUR is refused next to its field; nothing typed is lost.
  const nur = form.getByLabel("Numéro unique de demande (NUR)");
  await nur.fill("0941-12");
  await form.getByRole("button", { name: "Enregistrer le ménage" }).click();
  await expect(nur).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Le numéro unique « 0941-12 » doit comporter 10 à 20 lettres ou chiffres.")).toBeVisible();
  await expect(first.getByLabel("Prénom", { exact: true })).toHaveValue("Joël");
  await expect(family.getByLabel("Montant mensuel (€)")).toHaveValue("312,40");
  await expectAccessible(page);
  await nur.fill("0941 1299 8877 665");
  await form.getByRole("button", { name: "Enregistrer le ménage" }).click();

  await expect(page.getByRole("heading", { name: "Hélène Mézières", level: 1 })).toBeVisible();
  const url = page.url();
  expect(url).toMatch(/\/o\/choisy-le-roi\/menages\/[a-z0-9]+$/);
  await expect(page.getByTestId("resources-total")).toHaveText("1 546,98 €");
  await expect(page.getByRole("table", { name: /Personnes du ménage, 3 au total/ })).toBeVisible();
  await expect(page.getByText("094112998877665")).toBeVisible();
  await expect(page.getByRole("link", { name: "Orienter vers une association" })).toHaveAttribute("href", /\/o\/choisy-le-roi\/dossiers\/nouveau\?menage=/);
  await expectAccessible(page);

  // Found without accents, from the list.
  await page.getByRole("link", { name: "← Ménages" }).click();
  const search = page.getByRole("search", { name: "Rechercher un ménage" });
  await search.getByLabel("Nom ou numéro unique (NUR)").fill("helene mezieres");
  await search.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/\?q=helene\+mezieres/);
  const table = page.getByRole("table", { name: /Ménages correspondant à « helene mezieres », 1 au total/ });
  const row = table.getByRole("row").filter({ hasText: "Mézières" });
  await expect(row).toContainText("3 personnes dont 1 enfant");
  await expect(row).toContainText("094112998877665");
  await expectAccessible(page);
  await row.getByRole("link", { name: "Mézières Hélène" }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("heading", { name: "Hélène Mézières", level: 1 })).toBeVisible();

  // The owner edits it; the form opens with what is stored.
  await page.getByRole("button", { name: "Modifier le ménage" }).click();
  await expect(page.getByRole("heading", { name: "Modifier le ménage" })).toBeFocused();
  const edit = page.getByRole("form", { name: "Modifier le ménage" });
  await expect(edit.getByRole("group", { name: "Membre 2" }).getByLabel("Prénom", { exact: true })).toHaveValue("Noé");
  await expect(edit.getByRole("group", { name: "Ressource 1" }).getByLabel("Montant mensuel (€)")).toHaveValue("1234,58");
  await edit.getByLabel("Commune").fill("Vitry-sur-Seine");
  await edit.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole("button", { name: "Modifier le ménage" })).toBeFocused();
  await expect(page.getByRole("region", { name: "Logement et DALO" })).toContainText("Vitry-sur-Seine");

  // Valophis has no case on this household: 404 through its own organisation and through Choisy's.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await signIn(page, "admin@valophis-habitat.demo");
  const id = url.split("/").pop()!;
  for (const path of [`/o/valophis-habitat/menages/${id}`, `/o/choisy-le-roi/menages/${id}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  }
});
