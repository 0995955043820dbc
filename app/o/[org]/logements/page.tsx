import type { Metadata } from "next";
import { placeholderPage } from "../placeholder-page";

export const metadata: Metadata = { title: "Logements" };

export default placeholderPage("Logements", "Le patrimoine et les vacances apparaîtront ici", "Logements du bailleur, logements libérés, désignations de candidats et passages en CALEOL.");
