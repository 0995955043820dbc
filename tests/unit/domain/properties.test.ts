import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DomainError,
  annualBilan,
  aslliBilanDueOn,
  aslliCaseObligations,
  aslliMeasureFacts,
  aslliPlanDueOn,
  aslliStart,
  avenantAnswerDueOn,
  conventionEndInForce,
  convertDroitsDeSuite,
  designationDueOn,
  endOfMonthsPeriod,
  fluxCount,
  fnavdlReportsDueOn,
  fnavdlSecondYearAdvances,
  newProgrammeFirstListDueOn,
  relaisCaseObligations,
  relaisDiagnosticWindow,
  relaisFallbackOn,
  relaisSupportEnd,
  secondListDueOn,
  terminationEffectiveOn,
  VACANCY_OUTCOMES,
  vacancyObligations,
  type AslliCaseEvent,
  type RelaisCaseEvent,
  type VacancyEvent,
} from "@/lib/domain";
import { addDays } from "@/lib/domain/dates";

const iso = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const plus = (on: string, days: number) => addDays(on, days, "GEN-1");

describe("property: no due date before its trigger", () => {
  it("REL-2 REL-5 REL-6 RES-18 RES-21 AVD-4 AVD-5 AVD-15 ASL-4 ASL-5 ASL-10 GEN-4: every rule's due date is on or after its trigger", () => {
    fc.assert(
      fc.property(iso, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 24 }), (d, renewals, months) => {
        const w = relaisDiagnosticWindow(d);
        expect(w.opensOn >= d && w.dueOn >= w.opensOn).toBe(true);
        for (const due of [
          relaisFallbackOn(d),
          relaisSupportEnd(d, renewals),
          designationDueOn(d),
          newProgrammeFirstListDueOn(d),
          secondListDueOn(d),
          fnavdlReportsDueOn(d),
          fnavdlSecondYearAdvances(d).firstBy,
          avenantAnswerDueOn(d),
          aslliPlanDueOn(d),
          aslliBilanDueOn(d, "RENEWAL"),
          aslliBilanDueOn(d, "END"),
          terminationEffectiveOn(d, months),
        ]) {
          expect(due >= d).toBe(true);
        }
        expect(aslliStart(d) > d).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("REL-2 REL-7 REL-8 ASL-5 ASL-6 ASL-10 RES-18 RES-19: the engines never put a due date before the item opens; keys are unique", () => {
    const check = (out: { key: string; opensOn: string; dueOn: string | null }[]) => {
      for (const o of out) if (o.dueOn !== null) expect(o.dueOn >= o.opensOn).toBe(true);
      expect(new Set(out.map((o) => o.key)).size).toBe(out.length);
    };
    const relaisCase = fc.tuple(iso, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 800 })).map(([r, a, b, c, t]): [RelaisCaseEvent[], string] => {
      const diag = plus(r, a);
      const entry = plus(diag, b + 1);
      const events: RelaisCaseEvent[] = [{ type: "REFERRAL", on: r }, { type: "DIAGNOSTIC", on: diag }, { type: "DECISION", on: plus(diag, 1), entry: true }, { type: "ENTRY", on: entry }, { type: "VISIT", on: plus(entry, c) }];
      return [events, plus(r, t)];
    });
    fc.assert(
      fc.property(relaisCase, ([events, today]) => {
        check(relaisCaseObligations(events, today));
      }),
      { numRuns: 150 },
    );
    const aslliCase = fc.tuple(iso, fc.constantFrom(3, 6), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 600 })).map(([c, months, s, len, t]): [AslliCaseEvent[], string] => {
      const start = aslliStart(c);
      const events: AslliCaseEvent[] = [{ type: "REQUEST", on: c, measuresInProgress: [] }, { type: "COMMISSION", on: c, granted: true, purpose: "ACCESS", months }, { type: "SUSPENSION", on: plus(start, s), endsOn: plus(start, s + len) }];
      return [events, plus(c, t)];
    });
    fc.assert(
      fc.property(aslliCase, ([events, today]) => {
        check(aslliCaseObligations(events, today));
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(iso, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 60 }), (declared, after, candidates, t) => {
        const events: VacancyEvent[] = [{ type: "DECLARED", on: declared }, { type: "DESIGNATION", on: plus(declared, after), candidates, dalo: false, subsidisedD331_25_1: false }];
        check(vacancyObligations(events, plus(declared, t)));
      }),
      { numRuns: 150 },
    );
  });
});

describe("property: the conversion is linear in droits and in duration", () => {
  it("RES-7: scaling droits or years scales the droits uniques; agreements add up", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, ya, yb, k, rate) => {
          const one = (droits: number, years: number) => convertDroitsDeSuite([{ id: "x", droitsDeSuite: droits, remainingYears: years }], rate).total;
          const tolerance = 1e-9 * (1 + a * ya + b * yb) * k;
          expect(Math.abs(one(k * a, ya) - k * one(a, ya))).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(one(a, k * ya) - k * one(a, ya))).toBeLessThanOrEqual(tolerance);
          const both = convertDroitsDeSuite([{ id: "a", droitsDeSuite: a, remainingYears: ya }, { id: "b", droitsDeSuite: b, remainingYears: yb }], rate);
          expect(Math.abs(both.total - (one(a, ya) + one(b, yb)))).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(both.rounded - both.total)).toBeLessThanOrEqual(0.5 + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("property: an ASLLi measure never passes 18 months", () => {
  it("ASL-1 ASL-8: whatever the renewals, the measure's months stay within 18 (beyond, refused) and its end within start + 18 months + suspension", () => {
    fc.assert(
      fc.property(iso, fc.constantFrom(3, 6), fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 5 }), fc.integer({ min: 0, max: 60 }), (commissionOn, months, renewals, suspended) => {
        const start = aslliStart(commissionOn);
        const events: AslliCaseEvent[] = [
          { type: "REQUEST", on: commissionOn, measuresInProgress: [] },
          { type: "COMMISSION", on: commissionOn, granted: true, purpose: "MAINTIEN", months },
          ...(suspended > 0 ? [{ type: "SUSPENSION", on: plus(start, 10), endsOn: plus(start, 9 + suspended) } as AslliCaseEvent] : []),
          ...renewals.map((m, i): AslliCaseEvent => ({ type: "RENEWAL", on: plus(start, 20 + i), months: m })),
        ];
        const total = months + renewals.reduce((s, m) => s + m, 0);
        try {
          const f = aslliMeasureFacts(events);
          expect(f.totalMonths).toBe(total);
          expect(f.totalMonths).toBeLessThanOrEqual(18);
          expect((f.plannedEndOn ?? "") <= plus(endOfMonthsPeriod(start, 18, "ASL-1"), f.suspendedDays)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          expect((e as DomainError).code).toBe("MAX_DURATION_EXCEEDED");
          expect(total).toBeGreaterThan(18);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("property: a count never exceeds the dwellings declared", () => {
  it("RES-13 RES-22: counted dwellings ≤ dwellings, for the count and for each réservataire of the bilan", () => {
    const outcome = fc.constantFrom(...VACANCY_OUTCOMES);
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 60 }), (outcomes) => {
        const c = fluxCount(outcomes);
        expect(c.total).toBeLessThanOrEqual(outcomes.length);
        expect(c.leases + c.equivalents).toBe(c.total);
      }),
    );
    const vacancy = fc.record({ r: fc.constantFrom("a", "b"), outcome, day: fc.integer({ min: 0, max: 364 }) });
    fc.assert(
      fc.property(fc.array(vacancy, { maxLength: 40 }), (vs) => {
        const bilan = annualBilan({
          year: 2025,
          dwellings: [{ id: "d", commune: "Choisy-le-Roi", typology: "T2", financing: "PLUS", qpv: false, constructionPeriod: "1970-1989", regime: { kind: "FLUX" }, newInYear: false }],
          vacancies: vs.map((v) => ({ dwellingId: "d", reservataireId: v.r, soustraitCategory: null, declaredOn: plus("2025-01-01", v.day), attributedOn: null, outcome: v.outcome, outcomeOn: v.outcome === "PENDING" ? null : plus("2025-01-01", v.day) })),
          reservataires: [
            { id: "a", share: 0.24, droitsUniquesJan1: 100, acquisitions: 0 },
            { id: "b", share: 0.3, droitsUniquesJan1: 100, acquisitions: 0 },
          ],
        });
        for (const row of bilan.reservataires) {
          expect(row.counted).toBeLessThanOrEqual(vs.filter((v) => v.r === row.id).length);
          expect(row.counted).toBeLessThanOrEqual(row.proposed);
        }
        // RES-4b: every declaration of the year on a dwelling of the flux is freed, except the withdrawn ones.
        expect(bilan.freed).toBe(vs.filter((v) => v.outcome !== "WITHDRAWN").length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("property: conventionEndInForce never passes the maximum total", () => {
  it("GEN-1 GEN-2 GEN-4: the end in force ≤ start + max months − 1 day, ≥ the first period's end unless terminated, and contains `at` while renewals remain", () => {
    fc.assert(
      fc.property(
        iso,
        fc.integer({ min: 1, max: 36 }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: -400, max: 4000 })),
        fc.integer({ min: -400, max: 6000 }),
        (startOn, initial, period, extra, denounceAfter, atAfter) => {
          const max = initial + extra;
          const term = {
            startOn,
            initialMonths: initial,
            renewal: { kind: "TACIT" as const, periodMonths: period, maxTotalMonths: max },
            ...(denounceAfter === null ? {} : { denouncedOn: plus(startOn, denounceAfter) }),
          };
          const at = plus(startOn, atAfter);
          const end = conventionEndInForce(term, at);
          expect(end <= endOfMonthsPeriod(startOn, max, "GEN-1")).toBe(true);
          expect(end >= endOfMonthsPeriod(startOn, initial, "GEN-1")).toBe(true);
          if (denounceAfter === null && at <= endOfMonthsPeriod(startOn, initial + Math.floor(extra / period) * period, "GEN-1")) {
            expect(end >= at).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
