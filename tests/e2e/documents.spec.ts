import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Issue 5 §5: the documents panel of the convention page (<section aria-labelledby="documents">).

/** A small valid PDF, unique per run (the e2e database keeps what earlier runs uploaded). */
function pdf(tag: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${tag}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    "latin1",
  );
}

/** « 22 novembre 2026 », « 1er mars 2026 »: the upload's date as the panel shows it. */
function frenchToday(): string {
  const text = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }).format(new Date());
  return text.startsWith("1 ") ? `1er ${text.slice(2)}` : text;
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion$/);
}

test("documents: Choisy uploads the signed PDF of the relais convention, AUMV sees it, Valophis gets 404", async ({ page }) => {
  const name = `convention-signee-${Date.now()}.pdf`;
  const bytes = pdf(name);

  await signIn(page, "admin@choisy-le-roi.demo");
  await page.getByRole("link", { name: "Conventions", exact: true }).click();
  await page.getByRole("link", { name: /Logement relais avec accompagnement social/ }).click();
  await expect(page).toHaveURL(/\/o\/choisy-le-roi\/conventions\/[^/]+$/);
  const conventionId = page.url().split("/").pop()!;
  const panel = page.getByRole("region", { name: "Documents" });
  await expect(panel.getByRole("heading", { name: "Documents" })).toBeVisible();

  // Nothing chosen: the French message is tied to its field, and focus goes there.
  await panel.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(panel.getByLabel("Fichier")).toHaveAccessibleDescription(/Choisissez un fichier\./);
  await expect(panel.getByLabel("Catégorie")).toHaveAccessibleDescription("Choisissez une catégorie.");
  await expect(panel.getByLabel("Fichier")).toBeFocused();

  await panel.getByLabel("Fichier").setInputFiles({ name, mimeType: "application/pdf", buffer: bytes });
  await panel.getByLabel("Catégorie").selectOption({ label: "Convention signée" });
  await panel.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(panel.getByText(`Le document « ${name} » a été ajouté.`)).toBeVisible();
  const link = panel.getByRole("link", { name, exact: true });
  await expect(link).toBeVisible();
  const row = panel.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row.getByRole("cell")).toHaveText([name, "Convention signée", `${bytes.length}\u00a0octets`, frenchToday(), "Ville de Choisy-le-Roi"]);
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(name);
  expect(await readFile((await download.path())!)).toEqual(bytes);
  const href = (await link.getAttribute("href"))!;
  const docId = href.split("/").pop()!;
  expect(href).toBe(`/api/o/choisy-le-roi/documents/${docId}`);
  await signOut(page);

  // The other party sees it and may add documents; its READER only downloads.
  await signIn(page, "agent@aumv.demo");
  await page.goto(`/o/aumv/conventions/${conventionId}`);
  await expect(panel.getByRole("link", { name, exact: true })).toHaveAttribute("href", `/api/o/aumv/documents/${docId}`);
  await expect(panel.getByRole("button", { name: "Ajouter le document" })).toBeVisible();
  const res = await page.request.get(`/api/o/aumv/documents/${docId}`);
  expect(res.status()).toBe(200);
  expect(Buffer.from(await res.body())).toEqual(bytes);
  await signOut(page);
  await signIn(page, "lecteur@aumv.demo");
  await page.goto(`/o/aumv/conventions/${conventionId}`);
  await expect(panel.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Ajouter le document" })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);

  // A non-party gets 404, through its own organisation or through Choisy's, exactly like a missing document.
  await signIn(page, "admin@valophis-habitat.demo");
  const missing = await page.request.get("/api/o/valophis-habitat/documents/inexistant");
  expect(missing.status()).toBe(404);
  for (const url of [`/api/o/valophis-habitat/documents/${docId}`, `/api/o/choisy-le-roi/documents/${docId}`]) {
    const r = await page.request.get(url);
    expect(r.status()).toBe(404);
    expect(await r.json()).toEqual(await missing.json());
  }
  const upload = await page.request.post(`/api/o/valophis-habitat/conventions/${conventionId}/documents?categorie=ANNEX&nom=intrus.pdf`, {
    data: bytes, headers: { Origin: new URL(page.url()).origin },
  });
  expect(upload.status()).toBe(404);
});
