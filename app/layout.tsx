import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Conventions logement", template: "%s · Conventions logement" },
  description: "Suivi des conventions entre partenaires de l'accompagnement vers et dans le logement.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-screen font-sans">
        <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2 focus:text-brand-700">
          Aller au contenu
        </a>
        {children}
      </body>
    </html>
  );
}
