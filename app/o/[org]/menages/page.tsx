import type { Metadata } from "next";
import { placeholderPage } from "../placeholder-page";

export const metadata: Metadata = { title: "Ménages" };

export default placeholderPage("Ménages", "Les ménages suivis apparaîtront ici", "Orientations, diagnostics, accompagnements et bilans des ménages, avec les échéances de chaque dossier.");
