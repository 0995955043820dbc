import { describe, expect, it } from "vitest";
import {
  DomainError,
  ERROR_MESSAGES,
  EVENT_LABELS,
  OBLIGATION_LABELS,
  cadreProgress,
  formatDomainError,
  formatMessage,
  isDomainError,
  obligationLabel,
  relaisReferralAllowed,
} from "@/lib/domain";
import { expectDomainError } from "./helpers";

describe("the message catalogue (French wording of refusals and obligations)", () => {
  it("REL-1 RES-17 GEN-6: every refusal code and obligation has a French sentence; placeholders are filled", () => {
    for (const template of [...Object.values(ERROR_MESSAGES), ...Object.values(OBLIGATION_LABELS), ...Object.values(EVENT_LABELS)]) {
      expect(template.trim().length).toBeGreaterThan(2);
    }
    expect(obligationLabel("relais.diagnostic")).toBe("Bilan diagnostic à réaliser");
    expect(formatMessage("END_BEFORE_START", { start: "2025-03-01", end: "2025-02-01" })).toBe("La date de fin (2025-02-01) précède la date de début (2025-03-01).");
    expect(formatMessage("CUMUL_FORBIDDEN", { measures: ["MASP", "AEB"] })).toContain("(MASP, AEB)");
    expect(formatMessage("QUOTA_REACHED")).toBe("Le quota de {quota} demandes de bilan diagnostic pour l'année est atteint.");
    expect(formatMessage("EVENT_AFTER_END", { event: "VISIT", on: "2025-06-02", endedOn: "2025-06-01" })).toBe("« rencontre » du 2025-06-02 impossible : le suivi est terminé depuis le 2025-06-01.");
    expect(formatMessage("EVENT_BEFORE_PREREQUISITE", { event: "OTHER", on: "2025-06-02", requires: "ENTRY" })).toBe("« OTHER » du 2025-06-02 impossible : il faut d'abord « entrée dans le logement ».");
    expect(formatMessage("NEGATIVE", { field: "unknownField", value: -1 })).toBe("La valeur de « unknownField » ne peut pas être négative (reçu : -1).");
    expect(formatMessage("INCOMPLETE", { missing: ["DECLARED"] })).toBe("Informations manquantes : déclaration de vacance.");
    expect(formatMessage("UNKNOWN_VALUE", { field: "financing", value: true })).toBe("Valeur inconnue pour « financement » : true.");
  });

  it("REL-1: a DomainError carries rule, code and parameters; its message is French with the rule prefix", () => {
    const e = expectDomainError(() => relaisReferralAllowed(-2), "REL-1", "NEGATIVE");
    expect(e.params).toEqual({ field: "referralsThisYear", value: -2 });
    expect(e.message).toBe("[REL-1] La valeur de « demandes déjà faites dans l'année » ne peut pas être négative (reçu : -2).");
    expect(formatDomainError(e)).toBe("La valeur de « demandes déjà faites dans l'année » ne peut pas être négative (reçu : -2).");
    expect(e.name).toBe("DomainError");
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(new Error("x"))).toBe(false);
    expect(new DomainError("CAD-2", "INVALID_PERIOD").params).toEqual({});
  });
});

describe("framework partnership (CAD-1)", () => {
  it("CAD-1: objectives tracked as actions with a status", () => {
    const progress = cadreProgress([
      { objective: "FLUIDITE", status: "DONE" },
      { objective: "FLUIDITE", status: "IN_PROGRESS" },
      { objective: "BESOINS", status: "PLANNED" },
      { objective: "PRODUCTION", status: "ABANDONED" },
    ]);
    expect(progress.map((p) => [p.objective, p.total])).toEqual([
      ["BESOINS", 1],
      ["FLUIDITE", 2],
      ["ACCOMPAGNEMENT", 0],
      ["PRODUCTION", 1],
    ]);
    expect(progress[1].byStatus).toEqual({ PLANNED: 0, IN_PROGRESS: 1, DONE: 1, ABANDONED: 0 });
    expectDomainError(() => cadreProgress([{ objective: "LOISIRS" as never, status: "DONE" }]), "CAD-1", "UNKNOWN_VALUE");
    expectDomainError(() => cadreProgress([{ objective: "BESOINS", status: "LOST" as never }]), "CAD-1", "UNKNOWN_VALUE");
  });
});
