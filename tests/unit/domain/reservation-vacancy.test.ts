import { describe, expect, it } from "vitest";
import {
  annualBilanDueOn,
  assertVacancyComplete,
  candidatesRequired,
  designationDueOn,
  formatDomainError,
  newProgrammeFirstListDueOn,
  normaliseNur,
  secondListDueOn,
  vacancyMissingFields,
  vacancyState,
  type VacancyDeclaration,
  type VacancyEvent,
} from "@/lib/domain";
import { expectDomainError } from "./helpers";

const declaration: VacancyDeclaration = {
  financing: "PLUS",
  typology: "T3",
  surfaceM2: 64.5,
  address: { number: "12", street: "rue Vaillant-Couturier", commune: "Choisy-le-Roi", postcode: "94600" },
  qpv: false,
  constructionPeriod: "1970-1989",
  rentAndChargesCents: 61_250,
  dpe: "D",
  pmr: false,
};

describe("vacancy declaration and designation (RES-17..RES-19)", () => {
  it("RES-17: a complete declaration passes; a missing field is refused with the list of what is missing", () => {
    expect(vacancyMissingFields(declaration)).toEqual([]);
    expect(() => assertVacancyComplete(declaration)).not.toThrow();
    const partial = { ...declaration, surfaceM2: Number.NaN, dpe: " ", pmr: null, address: { ...declaration.address, postcode: undefined } };
    expect(vacancyMissingFields(partial)).toEqual(["surfaceM2", "address.postcode", "dpe", "pmr"]);
    const e = expectDomainError(() => assertVacancyComplete({ financing: "PLUS" }), "RES-17", "INCOMPLETE");
    expect(e.params.missing).toEqual([
      "typology",
      "surfaceM2",
      "address.number",
      "address.street",
      "address.commune",
      "address.postcode",
      "qpv",
      "constructionPeriod",
      "rentAndChargesCents",
      "dpe",
      "pmr",
    ]);
    expect(formatDomainError(e)).toContain("Informations manquantes : typologie, surface");
  });

  it("RES-18: candidates within 30 days of the declaration (month and year ends)", () => {
    expect(designationDueOn("2025-01-31")).toBe("2025-03-02");
    expect(designationDueOn("2024-01-31")).toBe("2024-03-01");
    expect(designationDueOn("2025-12-15")).toBe("2026-01-14");
    expect(designationDueOn("2025-12-15", 45)).toBe("2026-01-29");
    expectDomainError(() => designationDueOn("2025-12-15", -1), "RES-18", "NEGATIVE");
    expectDomainError(() => designationDueOn("2025-12-32"), "RES-18", "INVALID_DATE");
  });

  it("RES-19: 3 candidates, 1 for a DALO household designated by the préfet or a D.331-25-1 dwelling", () => {
    expect(candidatesRequired({ dalo: false, subsidisedD331_25_1: false })).toBe(3);
    expect(candidatesRequired({ dalo: true, subsidisedD331_25_1: false })).toBe(1);
    expect(candidatesRequired({ dalo: false, subsidisedD331_25_1: true })).toBe(1);
  });

  it("REL-5, RES-19: a vacancy proposed to the association for relais housing needs one candidate and no reasoned letter", () => {
    expect(candidatesRequired({ dalo: false, subsidisedD331_25_1: false, relaisUse: true })).toBe(1);
    expect(candidatesRequired({ dalo: false, subsidisedD331_25_1: false, relaisUse: false })).toBe(3);
  });

  it("RES-19: a NUR is stored upper case without spaces, 10 to 20 letters and digits", () => {
    expect(normaliseNur(" 094 1234 5678 9ab ")).toBe("09412345678 9AB".replace(" ", ""));
    expect(normaliseNur("0941234567")).toBe("0941234567");
    expectDomainError(() => normaliseNur("12345"), "RES-19", "INVALID_NUR");
    expectDomainError(() => normaliseNur("0941-2345-6789"), "RES-19", "INVALID_NUR");
    expectDomainError(() => normaliseNur("1".repeat(21)), "RES-19", "INVALID_NUR");
  });
});

describe("new programmes and the annual bilan date (RES-21, RES-22)", () => {
  it("RES-21: first list within 30 days of receiving the notification, second within 15 days of the failure", () => {
    expect(newProgrammeFirstListDueOn("2025-02-10")).toBe("2025-03-12");
    expect(newProgrammeFirstListDueOn("2024-02-10")).toBe("2024-03-11");
    expect(secondListDueOn("2025-03-20")).toBe("2025-04-04");
    expect(secondListDueOn("2025-12-20")).toBe("2026-01-04");
    expectDomainError(() => secondListDueOn("2025-02-29"), "RES-21", "INVALID_DATE");
  });

  it("RES-22: the bilan is due on 28 February, leap years included", () => {
    expect(annualBilanDueOn(2025)).toBe("2025-02-28");
    expect(annualBilanDueOn(2028)).toBe("2028-02-28");
    expectDomainError(() => annualBilanDueOn(2025.5), "RES-22", "INVALID_YEAR");
    expectDomainError(() => annualBilanDueOn(25), "RES-22", "INVALID_YEAR");
  });
});

describe("a vacancy's outcome (RES-13, RES-20)", () => {
  const declared: VacancyEvent = { type: "DECLARED", on: "2025-03-03" };
  const designation: VacancyEvent = { type: "DESIGNATION", on: "2025-03-20", candidates: 3, dalo: false, subsidisedD331_25_1: false };
  const caleol: VacancyEvent = {
    type: "CALEOL",
    on: "2025-04-08",
    decisions: [
      { candidate: "A", decision: "ATTRIBUTION_RANKED", rank: 1 },
      { candidate: "B", decision: "ATTRIBUTION_RANKED", rank: 2 },
      { candidate: "C", decision: "NON_ATTRIBUTION", rank: null },
    ],
  };

  it("RES-13 RES-20: attribution by rank, acceptance, lease signed → a lease on its date", () => {
    const s = vacancyState([declared, designation, caleol, { type: "CANDIDATE_ANSWER", on: "2025-04-12", candidate: "A", accepted: true }, { type: "LEASE_SIGNED", on: "2025-04-30", candidate: "A" }], "2025-06-01");
    expect(s).toEqual({ outcome: "LEASE_SIGNED", outcomeOn: "2025-04-30", declaredOn: "2025-03-03", designationDueOn: "2025-04-02", attributedOn: "2025-04-08", round: 1 });
  });

  it("RES-13 RES-18: no designation within 30 days → an equivalent on day 31; pending until then", () => {
    expect(vacancyState([declared], "2025-04-02")).toMatchObject({ outcome: "PENDING", outcomeOn: null });
    expect(vacancyState([declared], "2025-04-03")).toMatchObject({ outcome: "NO_CANDIDATE_30D", outcomeOn: "2025-04-03" });
    const late: VacancyEvent = { ...designation, on: "2025-04-03" } as VacancyEvent;
    expectDomainError(() => vacancyState([declared, late], "2025-04-10"), "RES-18", "EVENT_AFTER_END");
  });

  it("RES-13 RES-20: refused by every attributed candidate → an equivalent (REFUSED_AFTER_CALEOL)", () => {
    const events: VacancyEvent[] = [
      declared,
      designation,
      caleol,
      { type: "CANDIDATE_ANSWER", on: "2025-04-12", candidate: "A", accepted: false },
      { type: "CANDIDATE_ANSWER", on: "2025-04-15", candidate: "B", accepted: false },
    ];
    expect(vacancyState(events.slice(0, 4), "2025-05-01")).toMatchObject({ outcome: "PENDING" });
    expect(vacancyState(events, "2025-05-01")).toMatchObject({ outcome: "REFUSED_AFTER_CALEOL", outcomeOn: "2025-04-15" });
    expectDomainError(() => vacancyState([...events, { type: "LEASE_SIGNED", on: "2025-04-20", candidate: "A" }], "2025-05-01"), "RES-13", "EVENT_AFTER_END");
  });

  it("RES-13 RES-20: the CALEOL attributing to none → nothing counted, and the réservataire may designate again", () => {
    const none: VacancyEvent = { type: "CALEOL", on: "2025-04-08", decisions: [{ candidate: "A", decision: "INADMISSIBLE", rank: null }] };
    expect(vacancyState([declared, designation, none], "2025-05-01")).toMatchObject({ outcome: "NONE_RETAINED", outcomeOn: "2025-04-08", attributedOn: null });
    const again: VacancyEvent = { type: "DESIGNATION", on: "2025-04-20", candidates: 3, dalo: false, subsidisedD331_25_1: false };
    const conditional: VacancyEvent = { type: "CALEOL", on: "2025-05-06", decisions: [{ candidate: "D", decision: "ATTRIBUTION_CONDITIONAL", rank: null }] };
    const s = vacancyState([declared, designation, none, again, conditional, { type: "LEASE_SIGNED", on: "2025-05-20", candidate: "D" }], "2025-06-01");
    expect(s).toMatchObject({ outcome: "LEASE_SIGNED", round: 2, attributedOn: "2025-05-06" });
  });

  it("RES-13: a withdrawn vacancy does not count; nothing may follow", () => {
    expect(vacancyState([declared, { type: "WITHDRAWN", on: "2025-03-10" }], "2025-06-01")).toMatchObject({ outcome: "WITHDRAWN", outcomeOn: "2025-03-10" });
    expectDomainError(() => vacancyState([declared, { type: "WITHDRAWN", on: "2025-03-10" }, designation], "2025-06-01"), "RES-13", "EVENT_AFTER_END");
  });

  it("RES-17 RES-18 RES-19 RES-20: impossible sequences are refused", () => {
    expectDomainError(() => vacancyState([], "2025-06-01"), "RES-18", "INCOMPLETE");
    expectDomainError(() => vacancyState([designation], "2025-06-01"), "RES-18", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => vacancyState([declared, { type: "DECLARED", on: "2025-03-04" }], "2025-06-01"), "RES-17", "EVENT_DUPLICATE");
    expectDomainError(() => vacancyState([declared, designation, { ...designation, on: "2025-03-21" } as VacancyEvent], "2025-06-01"), "RES-18", "EVENT_DUPLICATE");
    expectDomainError(() => vacancyState([declared, { type: "REASONED_LETTER", on: "2025-03-10" }], "2025-06-01"), "RES-19", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => vacancyState([declared, { ...caleol, on: "2025-03-25" } as VacancyEvent], "2025-06-01"), "RES-20", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => vacancyState([declared, designation, { type: "CANDIDATE_ANSWER", on: "2025-03-25", candidate: "A", accepted: true }], "2025-06-01"), "RES-20", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => vacancyState([declared, designation, { type: "LEASE_SIGNED", on: "2025-03-25", candidate: "A" }], "2025-06-01"), "RES-13", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => vacancyState([declared, { ...designation, candidates: -1 } as VacancyEvent], "2025-06-01"), "RES-19", "NEGATIVE");
    expectDomainError(() => vacancyState([declared, { type: "SOLD", on: "2025-03-10" } as never], "2025-06-01"), "RES-20", "UNKNOWN_VALUE");
    expectDomainError(() => vacancyState([declared, { ...designation, on: "2025-03-32" } as VacancyEvent], "2025-06-01"), "RES-20", "INVALID_DATE");
    expectDomainError(() => vacancyState([{ type: "DECLARED", on: "2025-3-3" }], "2025-06-01"), "RES-18", "INVALID_DATE");
    expectDomainError(() => vacancyState([declared], "today"), "RES-13", "INVALID_DATE");
  });
});
