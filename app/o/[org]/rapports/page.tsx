import type { Metadata } from "next";
import { placeholderPage } from "../placeholder-page";

export const metadata: Metadata = { title: "Rapports" };

export default placeholderPage("Rapports", "Les rapports apparaîtront ici", "Bilan annuel de la convention de réservation, indicateurs FNAVDL, tableaux semestriels ASLLi et chiffres du logement relais.");
