import { describe, expect, it } from "vitest";
import { newProgrammeObligations, vacancyObligations, type NewProgrammeEvent, type VacancyEvent } from "@/lib/domain";
import { expectDomainError, rows } from "./helpers";

const declared: VacancyEvent = { type: "DECLARED", on: "2025-03-03" };
const designate = (on: string, candidates: number, dalo = false): VacancyEvent => ({ type: "DESIGNATION", on, candidates, dalo, subsidisedD331_25_1: false });
const caleol: VacancyEvent = { type: "CALEOL", on: "2025-04-08", decisions: [{ candidate: "A", decision: "ATTRIBUTION_RANKED", rank: 1 }] };

describe("deadline engine — vacancy (RES-13, RES-18..RES-20)", () => {
  it("RES-18 RES-19 RES-20 RES-13: designation of 2 candidates with the reasoned letter, CALEOL, lease", () => {
    const events: VacancyEvent[] = [
      declared,
      designate("2025-03-20", 2),
      { type: "REASONED_LETTER", on: "2025-03-25" },
      caleol,
      { type: "CANDIDATE_ANSWER", on: "2025-04-12", candidate: "A", accepted: true },
      { type: "LEASE_SIGNED", on: "2025-04-30", candidate: "A" },
    ];
    expect(rows(vacancyObligations(events, "2025-05-01"))).toEqual([
      "RES-18:designation 2025-03-03→2025-04-02 done:2025-03-20 done RESERVATAIRE",
      "RES-19:letter:1 2025-03-20→2025-04-02 done:2025-03-25 done RESERVATAIRE",
      "RES-20:caleol:1 2025-03-20→- done:2025-04-08 done BAILLEUR",
      "RES-13:lease:1 2025-04-12→- done:2025-04-30 done BAILLEUR",
    ]);
  });

  it("RES-18: the designation counts down over 30 days; once lapsed the vacancy is back with the bailleur (no item)", () => {
    expect(rows(vacancyObligations([declared], "2025-03-28"))).toEqual(["RES-18:designation 2025-03-03→2025-04-02 done:- due-soon RESERVATAIRE"]);
    expect(vacancyObligations([declared], "2025-03-10")[0].deadlineStatus).toBe("upcoming");
    expect(vacancyObligations([declared], "2025-04-02")[0].deadlineStatus).toBe("due-soon");
    expect(vacancyObligations([declared], "2025-04-03")).toEqual([]);
    expect(vacancyObligations([declared], "2025-03-10", { designationDays: 10 })[0].dueOn).toBe("2025-03-13");
  });

  it("RES-19: one candidate suffices for a DALO household designated by the préfet (no letter)", () => {
    const out = vacancyObligations([declared, designate("2025-03-20", 1, true)], "2025-03-21");
    expect(out.map((o) => o.key)).toEqual(["RES-18:designation", "RES-20:caleol:1"]);
    const short = vacancyObligations([declared, designate("2025-04-02", 1)], "2025-04-03");
    expect(short.find((o) => o.key === "RES-19:letter:1")).toMatchObject({ dueOn: "2025-04-02", deadlineStatus: "overdue" });
  });

  it("RES-13 RES-20: none retained, then a new designation opens round 2 (no fixed date)", () => {
    const none: VacancyEvent = { type: "CALEOL", on: "2025-04-08", decisions: [{ candidate: "A", decision: "NON_ATTRIBUTION", rank: null }] };
    const events: VacancyEvent[] = [declared, designate("2025-03-20", 3), none, designate("2025-04-20", 2)];
    expect(rows(vacancyObligations(events, "2025-04-25"))).toEqual([
      "RES-18:designation 2025-03-03→2025-04-02 done:2025-03-20 done RESERVATAIRE",
      "RES-20:caleol:1 2025-03-20→- done:2025-04-08 done BAILLEUR",
      "RES-19:letter:2 2025-04-20→- done:- upcoming RESERVATAIRE",
      "RES-20:caleol:2 2025-04-20→- done:- upcoming BAILLEUR",
    ]);
  });

  it("RES-13: refused by the candidate after CALEOL, or withdrawn — only what was done remains", () => {
    const refused = vacancyObligations([declared, designate("2025-03-20", 3), caleol, { type: "CANDIDATE_ANSWER", on: "2025-04-12", candidate: "A", accepted: false }], "2025-04-20");
    expect(refused.map((o) => o.key)).toEqual(["RES-18:designation", "RES-20:caleol:1"]);
    const withdrawn = vacancyObligations([declared, { type: "WITHDRAWN", on: "2025-03-05" }], "2025-03-06");
    expect(withdrawn).toEqual([]);
    const awaitingLease = vacancyObligations([declared, designate("2025-03-20", 3), caleol, { type: "CANDIDATE_ANSWER", on: "2025-04-12", candidate: "A", accepted: true }], "2025-04-20");
    expect(awaitingLease.at(-1)).toMatchObject({ key: "RES-13:lease:1", doneOn: null, dueOn: null, responsible: "BAILLEUR" });
  });
});

describe("deadline engine — new programme (RES-21)", () => {
  it("RES-21: first list within 30 days of the notification, a second within 15 days of the failure", () => {
    const events: NewProgrammeEvent[] = [
      { type: "NOTIFICATION_RECEIVED", on: "2025-02-10" },
      { type: "LIST_SENT", on: "2025-03-05" },
      { type: "FAILURE_NOTIFIED", on: "2025-03-20" },
      { type: "COMMISSIONING_POSTPONED", on: "2025-03-22", commissioningOn: "2025-06-01" },
    ];
    expect(rows(newProgrammeObligations(events, "2025-03-30"))).toEqual([
      "RES-21:list:1 2025-02-10→2025-03-12 done:2025-03-05 done RESERVATAIRE",
      "RES-21:list:2 2025-03-20→2025-04-04 done:- due-soon RESERVATAIRE",
    ]);
    expect(newProgrammeObligations(events, "2025-03-30").map((o) => o.messageKey)).toEqual(["programme.firstList", "programme.secondList"]);
    expect(newProgrammeObligations([], "2025-03-30")).toEqual([]);
  });

  it("RES-21: impossible sequences are refused", () => {
    const n: NewProgrammeEvent = { type: "NOTIFICATION_RECEIVED", on: "2025-02-10" };
    expectDomainError(() => newProgrammeObligations([{ type: "LIST_SENT", on: "2025-02-01" }], "2025-03-01"), "RES-21", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => newProgrammeObligations([n, { type: "LIST_SENT", on: "2025-02-11" }, { type: "LIST_SENT", on: "2025-02-12" }], "2025-03-01"), "RES-21", "EVENT_DUPLICATE");
    expectDomainError(() => newProgrammeObligations([n, { type: "FAILURE_NOTIFIED", on: "2025-02-12" }], "2025-03-01"), "RES-21", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => newProgrammeObligations([n, { ...n, on: "2025-02-11" }], "2025-03-01"), "RES-21", "EVENT_DUPLICATE");
    expectDomainError(() => newProgrammeObligations([n, { type: "COMMISSIONING_POSTPONED", on: "2025-02-12", commissioningOn: "2025-06-31" }], "2025-03-01"), "RES-21", "INVALID_DATE");
    expectDomainError(() => newProgrammeObligations([n, { type: "VISIT", on: "2025-02-12" } as never], "2025-03-01"), "RES-21", "UNKNOWN_VALUE");
    expectDomainError(() => newProgrammeObligations([n], "2025-13-01"), "RES-21", "INVALID_DATE");
  });
});
