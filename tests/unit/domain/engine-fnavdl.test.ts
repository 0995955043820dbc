import { describe, expect, it } from "vitest";
import { fnavdlCaseObligations, type FnavdlCaseEvent } from "@/lib/domain";
import { expectDomainError, rows } from "./helpers";

const comed: FnavdlCaseEvent = { type: "PRESCRIPTION", on: "2025-01-02", prescriber: "COMMISSION_MEDIATION", motivated: false, bailGlissant: false, measure: { intensity: "MOYEN", plannedMonths: 8 } };
const consent: FnavdlCaseEvent = { type: "CONSENT", on: "2025-01-05" };
const start: FnavdlCaseEvent = { type: "SUPPORT_START", on: "2025-01-10", action: "ADL", intensity: "MOYEN", plannedEndOn: "2025-08-31" };

describe("deadline engine — FNAVDL case (AVD-6..AVD-11)", () => {
  it("AVD-6 AVD-10 AVD-7: a DALO case — the COMED decision is the prescription; start within 15 days; planned end", () => {
    expect(rows(fnavdlCaseObligations([comed, consent, start], true, "2025-03-01", { startDelayDays: 15 }))).toEqual([
      "AVD-10:start 2025-01-02→2025-01-17 done:2025-01-10 done ASSOCIATION",
      "AVD-7:support-end 2025-01-10→2025-08-31 done:- upcoming ASSOCIATION",
    ]);
    // The seed leaves the delay blank: by default the start has no fixed date.
    expect(fnavdlCaseObligations([comed], true, "2025-03-01")[0]).toMatchObject({ key: "AVD-10:start", dueOn: null, deadlineStatus: "upcoming" });
    expect(fnavdlCaseObligations([comed], true, "2025-01-20", { startDelayDays: 15 })[0].deadlineStatus).toBe("overdue");
  });

  it("AVD-9: a DALO prolongation beyond 9 months is refused until the evaluation is sent (issue 7), then moves the end", () => {
    const prolong: FnavdlCaseEvent = { type: "PROLONGATION", on: "2025-08-01", plannedEndOn: "2025-12-31" };
    const e = expectDomainError(() => fnavdlCaseObligations([comed, consent, start, prolong], true, "2025-09-01"), "AVD-9", "EVALUATION_REQUIRED");
    expect(e.params).toEqual({ limit: "2025-10-09" });
    const ok = fnavdlCaseObligations([comed, consent, start, { type: "EVALUATION_SENT", on: "2025-07-20" }, prolong], true, "2025-09-01");
    expect(ok.find((o) => o.key === "AVD-7:support-end")?.dueOn).toBe("2025-12-31");
    // Not DALO: no evaluation needed.
    expect(fnavdlCaseObligations([comed, consent, start, prolong], false, "2025-09-01").find((o) => o.key === "AVD-7:support-end")?.dueOn).toBe("2025-12-31");
  });

  it("AVD-6 AVD-7 AVD-10 AVD-11: a bail glissant case from a bailleur's motivated request to the lease sliding", () => {
    const events: FnavdlCaseEvent[] = [
      { type: "PRESCRIPTION", on: "2025-02-01", prescriber: "BAILLEUR_SOCIAL", motivated: true, bailGlissant: true, measure: null },
      { type: "CONSENT", on: "2025-02-03" },
      { type: "DIAGNOSTIC", on: "2025-02-20", supportNeeded: true, intensity: "MOYEN", plannedMonths: 12 },
      { type: "SUPPORT_START", on: "2025-03-01", action: "BAIL_GLISSANT", intensity: "MOYEN", plannedEndOn: "2026-02-28" },
      { type: "SUBLEASE_START", on: "2025-03-01", examinationEndsOn: "2026-02-28" },
      { type: "BAILLEUR_NOTICE", on: "2025-12-20", leaseOffered: true },
      { type: "LEASE_SLID", on: "2026-02-15" },
      { type: "END", on: "2026-02-28", reason: "COMPLETED" },
      { type: "SURVEY", on: "2026-03-05", respondent: "HOUSEHOLD", answer: "TRES_SATISFAISANT" },
    ];
    const out = fnavdlCaseObligations(events, false, "2026-03-10");
    expect(rows(out)).toEqual([
      "AVD-7:diagnostic 2025-02-01→- done:2025-02-20 done ASSOCIATION",
      "AVD-10:start 2025-02-20→- done:2025-03-01 done ASSOCIATION",
      "AVD-7:support-end 2025-03-01→2026-02-28 done:2026-02-28 done ASSOCIATION",
      "AVD-11:notice 2025-03-01→2025-12-28 done:2025-12-20 done BAILLEUR",
      "AVD-11:resume 2026-02-15→- done:- upcoming BAILLEUR",
    ]);
    expect(out[4]).toMatchObject({ optional: true, closesOn: "2026-08-15" });
    // The post-glissement window lapses after 6 months.
    expect(fnavdlCaseObligations(events, false, "2026-08-16").some((o) => o.key === "AVD-11:resume")).toBe(false);
    // The notice is late if not sent 2 months before the examination ends.
    const late = fnavdlCaseObligations(events.slice(0, 5), false, "2025-12-29").find((o) => o.key === "AVD-11:notice");
    expect(late?.deadlineStatus).toBe("overdue");
  });

  it("AVD-7: a diagnostic concluding that no support is needed closes nothing else; an ended case drops open items", () => {
    const events: FnavdlCaseEvent[] = [
      { type: "PRESCRIPTION", on: "2025-04-10", prescriber: "CCAPEX", motivated: false, bailGlissant: false, measure: null },
      { type: "CONSENT", on: "2025-04-11" },
      { type: "DIAGNOSTIC", on: "2025-04-20", supportNeeded: false, intensity: null, plannedMonths: null },
    ];
    expect(rows(fnavdlCaseObligations(events, false, "2025-05-01"))).toEqual(["AVD-7:diagnostic 2025-04-10→- done:2025-04-20 done ASSOCIATION"]);
    const refused = fnavdlCaseObligations([events[0], { type: "END", on: "2025-04-15", reason: "REFUSED" }], false, "2025-05-01");
    expect(refused).toEqual([]);
  });

  it("AVD-8: AVL then ADL; a change of intensity is checked", () => {
    const avl: FnavdlCaseEvent = { type: "SUPPORT_START", on: "2025-01-10", action: "AVL", intensity: "LEGER", plannedEndOn: "2025-06-30" };
    const adl: FnavdlCaseEvent = { type: "SUPPORT_CHANGE", on: "2025-03-01", action: "ADL", intensity: "APPROFONDI" };
    expect(fnavdlCaseObligations([comed, consent, avl, adl], true, "2025-03-02")).toHaveLength(2);
    expectDomainError(() => fnavdlCaseObligations([comed, consent, { ...avl, intensity: "APPROFONDI" } as FnavdlCaseEvent], true, "2025-03-02"), "AVD-8", "INTENSITY_NOT_ALLOWED");
    expectDomainError(() => fnavdlCaseObligations([comed, consent, { type: "SUPPORT_CHANGE", on: "2025-03-01", action: "AVL", intensity: "LEGER" }], true, "2025-03-02"), "AVD-8", "EVENT_BEFORE_PREREQUISITE");
  });

  it("AVD-6 AVD-7 AVD-9 AVD-10 AVD-11: impossible sequences are refused", () => {
    expectDomainError(() => fnavdlCaseObligations([], true, "2025-03-01"), "AVD-6", "INCOMPLETE");
    expectDomainError(() => fnavdlCaseObligations([consent], true, "2025-03-01"), "AVD-6", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => fnavdlCaseObligations([comed, { ...comed, on: "2025-01-03" } as FnavdlCaseEvent], true, "2025-03-01"), "AVD-6", "EVENT_DUPLICATE");
    expectDomainError(() => fnavdlCaseObligations([comed, { type: "DIAGNOSTIC", on: "2025-01-04", supportNeeded: true, intensity: "LEGER", plannedMonths: 6 }], true, "2025-03-01"), "AVD-6", "EVENT_BEFORE_PREREQUISITE");
    const diag: FnavdlCaseEvent = { type: "DIAGNOSTIC", on: "2025-01-06", supportNeeded: false, intensity: null, plannedMonths: null };
    expectDomainError(() => fnavdlCaseObligations([comed, consent, diag, { ...diag, on: "2025-01-07" } as FnavdlCaseEvent], true, "2025-03-01"), "AVD-7", "EVENT_DUPLICATE");
    const ccapex: FnavdlCaseEvent = { type: "PRESCRIPTION", on: "2025-01-02", prescriber: "CCAPEX", motivated: false, bailGlissant: false, measure: null };
    expectDomainError(() => fnavdlCaseObligations([ccapex, consent, start], false, "2025-03-01"), "AVD-10", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => fnavdlCaseObligations([comed, start], true, "2025-03-01"), "AVD-10", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => fnavdlCaseObligations([comed, consent, start, { ...start, on: "2025-01-11" } as FnavdlCaseEvent], true, "2025-03-01"), "AVD-10", "EVENT_DUPLICATE");
    expectDomainError(() => fnavdlCaseObligations([comed, consent, { ...start, plannedEndOn: "2025-01-01" } as FnavdlCaseEvent], true, "2025-03-01"), "AVD-7", "END_BEFORE_START");
    expectDomainError(() => fnavdlCaseObligations([comed, consent, { type: "PROLONGATION", on: "2025-02-01", plannedEndOn: "2025-09-01" }], true, "2025-03-01"), "AVD-9", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => fnavdlCaseObligations([comed, consent, start, { type: "PROLONGATION", on: "2025-02-01", plannedEndOn: "2025-01-01" }], true, "2025-03-01"), "AVD-9", "END_BEFORE_START");
    expectDomainError(() => fnavdlCaseObligations([comed, consent, { type: "SUBLEASE_START", on: "2025-02-01", examinationEndsOn: "2026-01-31" }], true, "2025-03-01"), "AVD-11", "EVENT_BEFORE_PREREQUISITE");
    const sublease: FnavdlCaseEvent = { type: "SUBLEASE_START", on: "2025-02-01", examinationEndsOn: "2026-01-31" };
    expectDomainError(() => fnavdlCaseObligations([comed, consent, start, sublease, { ...sublease, on: "2025-02-02" } as FnavdlCaseEvent], true, "2025-03-01"), "AVD-11", "EVENT_DUPLICATE");
    expectDomainError(() => fnavdlCaseObligations([comed, consent, start, { ...sublease, examinationEndsOn: "2025-01-01" } as FnavdlCaseEvent], true, "2025-03-01"), "AVD-11", "END_BEFORE_START");
    expectDomainError(() => fnavdlCaseObligations([comed, consent, start, { type: "BAILLEUR_NOTICE", on: "2025-02-01", leaseOffered: false }], true, "2025-03-01"), "AVD-11", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => fnavdlCaseObligations([comed, consent, start, { type: "LEASE_SLID", on: "2025-02-01" }], true, "2025-03-01"), "AVD-11", "EVENT_BEFORE_PREREQUISITE");
    const ended: FnavdlCaseEvent = { type: "END", on: "2025-02-01", reason: "INTERRUPTED" };
    expectDomainError(() => fnavdlCaseObligations([comed, consent, start, ended, { type: "LEASE_SIGNED", on: "2025-02-02" }], true, "2025-03-01"), "AVD-7", "EVENT_AFTER_END");
    expectDomainError(() => fnavdlCaseObligations([comed, { type: "CALL", on: "2025-01-03" } as never], true, "2025-03-01"), "AVD-7", "UNKNOWN_VALUE");
    expectDomainError(() => fnavdlCaseObligations([comed], true, "2025-02-29"), "AVD-7", "INVALID_DATE");
    expectDomainError(() => fnavdlCaseObligations([{ ...comed, on: "2025-1-2" } as FnavdlCaseEvent], true, "2025-03-01"), "AVD-6", "INVALID_DATE");
  });

  it("AVD-11 AVD-13b: a lease signed and a slid lease both record housing access (the first one counts)", () => {
    const sublease: FnavdlCaseEvent = { type: "SUBLEASE_START", on: "2025-02-01", examinationEndsOn: "2026-01-31" };
    const events: FnavdlCaseEvent[] = [comed, consent, start, sublease, { type: "BAILLEUR_NOTICE", on: "2025-11-01", leaseOffered: true }, { type: "BAILLEUR_NOTICE", on: "2025-11-05", leaseOffered: true }, { type: "LEASE_SLID", on: "2026-01-31" }, { type: "LEASE_SLID", on: "2026-02-01" }];
    const out = fnavdlCaseObligations(events, true, "2026-02-02");
    expect(out.find((o) => o.key === "AVD-11:notice")?.doneOn).toBe("2025-11-01");
    expect(out.find((o) => o.key === "AVD-11:resume")?.opensOn).toBe("2026-01-31");
  });
});
