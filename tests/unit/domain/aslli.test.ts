import { describe, expect, it } from "vitest";
import {
  aslliBilanDueOn,
  aslliCanRenew,
  aslliCumulConflicts,
  aslliDefaultMonths,
  aslliEnd,
  aslliInterruptedMonthDue,
  aslliPlanDueOn,
  aslliSemesterTableDueOn,
  aslliStart,
  assertAslliRequest,
  assertAslliStartInWindow,
  assertNoAslliCumul,
  formatDomainError,
  type AslliRequest,
} from "@/lib/domain";
import { expectDomainError } from "./helpers";

describe("ASLLi measures (seed 004)", () => {
  it("ASL-1: 3 months for access, 6 for keeping the home", () => {
    expect(aslliDefaultMonths("ACCESS")).toBe(3);
    expect(aslliDefaultMonths("MAINTIEN")).toBe(6);
    expectDomainError(() => aslliDefaultMonths("OTHER" as never), "ASL-1", "UNKNOWN_VALUE");
  });

  it("ASL-1: renewable, 18 months at most in all", () => {
    expect(aslliCanRenew(6, 6)).toBe(true);
    expect(aslliCanRenew(12, 6)).toBe(true);
    expect(aslliCanRenew(13, 6)).toBe(false);
    expect(aslliCanRenew(18, 1)).toBe(false);
    expect(aslliCanRenew(18, 6, 24)).toBe(true);
    expectDomainError(() => aslliCanRenew(-1, 6), "ASL-1", "NEGATIVE");
    expectDomainError(() => aslliCanRenew(6, 0), "ASL-1", "NOT_POSITIVE");
  });

  it("ASL-4: the measure starts on the 1st of the month following the commission (issue examples)", () => {
    expect(aslliStart("2024-03-12")).toBe("2024-04-01");
    expect(aslliStart("2025-03-12")).toBe("2025-04-01");
    expect(aslliStart("2024-12-31")).toBe("2025-01-01");
    expect(aslliStart("2024-01-31")).toBe("2024-02-01");
    expectDomainError(() => aslliStart("2024-02-30"), "ASL-4", "INVALID_DATE");
  });

  it("ASL-4: or at the latest before the end of that first month", () => {
    expect(() => assertAslliStartInWindow("2025-03-12", "2025-04-15")).not.toThrow();
    expect(() => assertAslliStartInWindow("2025-03-12", "2025-04-30")).not.toThrow();
    const e = expectDomainError(() => assertAslliStartInWindow("2025-03-12", "2025-05-01"), "ASL-4", "START_OUT_OF_WINDOW");
    expect(e.params).toEqual({ on: "2025-05-01", from: "2025-04-01", to: "2025-04-30" });
    expectDomainError(() => assertAslliStartInWindow("2025-03-12", "2025-03-31"), "ASL-4", "START_OUT_OF_WINDOW");
    expectDomainError(() => assertAslliStartInWindow("2025-03-12", "2025-04-31"), "ASL-4", "INVALID_DATE");
  });

  it("ASL-1 ASL-8: end = start + months − 1 day, moved by the suspension (issue example)", () => {
    expect(aslliEnd("2024-04-01", 3)).toBe("2024-06-30");
    expect(aslliEnd("2025-04-01", 6)).toBe("2025-09-30");
    expect(aslliEnd("2024-04-01", 3, 10)).toBe("2024-07-10");
    expect(aslliEnd("2024-02-01", 1)).toBe("2024-02-29");
    expect(aslliEnd("2024-01-01", 18)).toBe("2025-06-30");
    expect(aslliEnd("2024-12-01", 3, 31)).toBe("2025-03-31");
  });

  it("ASL-1 ASL-8: more than 18 months, or a negative suspension, is refused", () => {
    const e = expectDomainError(() => aslliEnd("2024-01-01", 19), "ASL-1", "MAX_DURATION_EXCEEDED");
    expect(formatDomainError(e)).toBe("La durée totale de 19 mois dépasserait le maximum de 18 mois.");
    expectDomainError(() => aslliEnd("2024-01-01", 0), "ASL-1", "NOT_POSITIVE");
    expectDomainError(() => aslliEnd("2024-01-01", 3, -1), "ASL-8", "NEGATIVE");
    expectDomainError(() => aslliEnd("2024-13-01", 3), "ASL-1", "INVALID_DATE");
  });

  it("ASL-5: the signed plan within the month following the start", () => {
    expect(aslliPlanDueOn("2025-04-01")).toBe("2025-05-01");
    expect(aslliPlanDueOn("2025-01-31")).toBe("2025-02-28");
  });

  it("ASL-7: a month interrupted after the 15th is due (1–15 not paid, 16–31 paid)", () => {
    expect(aslliInterruptedMonthDue("2025-05-16")).toBe(true);
    expect(aslliInterruptedMonthDue("2025-05-15")).toBe(false);
    expect(aslliInterruptedMonthDue("2025-05-01")).toBe(false);
    expect(aslliInterruptedMonthDue("2024-02-29")).toBe(true);
    expectDomainError(() => aslliInterruptedMonthDue("2025-02-29"), "ASL-7", "INVALID_DATE");
  });

  it("ASL-10: bilan within the month of the end for a renewal, within the month after it for an end", () => {
    expect(aslliBilanDueOn("2025-06-30", "RENEWAL")).toBe("2025-06-30");
    expect(aslliBilanDueOn("2025-07-10", "RENEWAL")).toBe("2025-07-31");
    expect(aslliBilanDueOn("2025-06-30", "END")).toBe("2025-07-30");
    expect(aslliBilanDueOn("2025-01-31", "END")).toBe("2025-02-28");
    expect(aslliBilanDueOn("2024-02-29", "RENEWAL")).toBe("2024-02-29");
    expectDomainError(() => aslliBilanDueOn("2025-06-30", "PAUSE" as never), "ASL-10", "UNKNOWN_VALUE");
  });

  it("ASL-11: the semester table is due on 30 June or 31 December", () => {
    expect(aslliSemesterTableDueOn("2024-03-10")).toBe("2024-06-30");
    expect(aslliSemesterTableDueOn("2024-06-30")).toBe("2024-06-30");
    expect(aslliSemesterTableDueOn("2024-07-01")).toBe("2024-12-31");
    expectDomainError(() => aslliSemesterTableDueOn("2024-07-32"), "ASL-11", "INVALID_DATE");
  });

  it("ASL-3: never cumulated with AVDL, MASP, AEB, MJPM, MAJ, MJAGBF, SAVS — refused with the reason, no derogation", () => {
    expect(aslliCumulConflicts(["masp", "FSL", " SAVS ", "MASP"])).toEqual(["MASP", "SAVS"]);
    expect(aslliCumulConflicts(["AVDL", "AEB", "MJPM", "MAJ", "MJAGBF"])).toEqual(["AVDL", "AEB", "MJPM", "MAJ", "MJAGBF"]);
    expect(aslliCumulConflicts([])).toEqual([]);
    expect(aslliCumulConflicts(["FSL_ACCES", "PDALHPD"])).toEqual([]);
    const e = expectDomainError(() => assertNoAslliCumul(["MASP"]), "ASL-3", "CUMUL_FORBIDDEN");
    expect(formatDomainError(e)).toContain("(MASP)");
    expect(() => assertNoAslliCumul(["FSL"])).not.toThrow();
  });

  const request: AslliRequest = {
    instructor: "CESF",
    formSignedByHousehold: true,
    evaluation: { symptoms: "Impayés de loyer", causes: "Perte d'emploi", priorityAxes: "Plan d'apurement" },
    situations: ["MAINTIEN", "SOCIO_BUDGETAIRE"],
    lawfullyResident: true,
    housingDifficulties: true,
    adheres: true,
    measuresInProgress: [],
  };

  it("ASL-2 ASL-9 ASL-13 ASL-3: a complete, eligible request passes", () => {
    expect(() => assertAslliRequest(request)).not.toThrow();
  });

  it("ASL-2: made by a social worker, with the signed form and the social evaluation", () => {
    expectDomainError(() => assertAslliRequest({ ...request, instructor: "BENEVOLE" as never }), "ASL-2", "UNKNOWN_VALUE");
    const e = expectDomainError(() => assertAslliRequest({ ...request, formSignedByHousehold: false, evaluation: { ...request.evaluation, causes: " " } }), "ASL-2", "INCOMPLETE");
    expect(e.params.missing).toEqual(["formSignedByHousehold", "evaluation.causes"]);
    expect(formatDomainError(e)).toBe("Informations manquantes : formulaire signé par le ménage, origine des difficultés (causes).");
  });

  it("ASL-9: one or more known situations", () => {
    expectDomainError(() => assertAslliRequest({ ...request, situations: [] }), "ASL-9", "INCOMPLETE");
    expectDomainError(() => assertAslliRequest({ ...request, situations: ["VACANCES" as never] }), "ASL-9", "UNKNOWN_VALUE");
  });

  it("ASL-13: lawfully resident (one member of a couple is enough), housing difficulties, adherence", () => {
    const e = expectDomainError(() => assertAslliRequest({ ...request, lawfullyResident: false, adheres: false }), "ASL-13", "NOT_ELIGIBLE");
    expect(e.params.reasons).toEqual(["lawfullyResident", "adheres"]);
    expectDomainError(() => assertAslliRequest({ ...request, housingDifficulties: false }), "ASL-13", "NOT_ELIGIBLE");
    expectDomainError(() => assertAslliRequest({ ...request, measuresInProgress: ["MJAGBF"] }), "ASL-3", "CUMUL_FORBIDDEN");
  });
});
