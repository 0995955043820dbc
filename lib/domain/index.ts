/**
 * The domain library (issue 3): every figure and date the users rely on, as pure functions over
 * plain data. No I/O, no clock (`today` is a parameter), ISO calendar dates in and out, amounts in
 * integer cents, rates as fractions. Rule ids refer to ../shared/DOMAIN.md.
 */

// Foundations
export type { IsoDate } from "./dates";
export { addDays, addMonths, daysBetween, endOfMonthsPeriod, lastDayOfMonth, isLeapYear } from "./dates";
export { DomainError, formatDomainError, isDomainError, type ErrorParams, type RuleId } from "./errors";
export {
  ERROR_MESSAGES,
  EVENT_LABELS,
  OBLIGATION_LABELS,
  FIELD_LABELS,
  formatMessage,
  obligationLabel,
  type ErrorCode,
  type ObligationMessageKey,
} from "./messages";
export { DEFAULT_SOON_DAYS, deadlineStatus, type DeadlineStatus } from "./deadline-status";
export { periodOf, nextPeriod, type Period, type PeriodScheme } from "./periods";
export { obligationStatus, type Obligation } from "./obligation";

// Conventions in common (§2)
export {
  CONVENTION_KINDS,
  CONVENTION_TERMS,
  TERMINATION_RULES,
  assertMayTerminate,
  conventionEndInForce,
  mayTerminate,
  parametersInForce,
  renewalWindow,
  terminationEffectiveOn,
  type Avenant,
  type ConventionKind,
  type ConventionTerm,
  type PartyRole,
  type Renewal,
  type ResponsibleRole,
} from "./conventions";
export { paymentStatus, unspentRefundCents, type PaymentStatus } from "./payments";

// Events (what later issues store) and the deadline engines
export * from "./events";
export { relaisCaseFacts, relaisCaseObligations, type RelaisCaseFacts, type RelaisCaseParams } from "./engine-relais";
export { fnavdlCaseFacts, fnavdlCaseObligations, type FnavdlCaseFacts, type FnavdlCaseParams } from "./engine-fnavdl";
export { aslliCaseObligations, aslliMeasureFacts, type AslliMeasureFacts } from "./engine-aslli";
export { newProgrammeObligations, vacancyObligations } from "./engine-vacancy";
export {
  conventionDefaults,
  conventionEndAt,
  conventionTermAt,
  conventionParamsAt,
  type CommonConventionParams,
  type ConventionInput,
  type FnavdlConventionParams,
  type PlainConventionParams,
  type RelaisConventionParams,
} from "./engine-convention";
export { conventionObligations } from "./engine-convention-kinds";

// Relais (§3, seed 000)
export {
  RELAIS_DEFAULTS,
  RELAIS_DIAGNOSTIC_SECTIONS,
  RELAIS_OUTCOMES,
  RELAIS_PROBLEM_AREAS,
  RELAIS_SUPPORT_CHECKLIST,
  assertRelaisDiagnosticComplete,
  assertRelaisReferralAllowed,
  relaisDiagnosticMissing,
  relaisDiagnosticWindow,
  relaisFallbackOn,
  relaisRedevanceCents,
  relaisReferralAllowed,
  relaisSupportEnd,
  type RelaisChecklistItem,
  type RelaisDiagnosticSection,
  type RelaisOutcome,
} from "./relais";
export { relaisFigures, type RelaisFigures, type RelaisFiguresCase } from "./indicators-relais";

// Réservation in flux (§4, seed 002)
export {
  DROITS_DEFAULTS,
  DROIT_ORIGINS,
  annualRotationRate,
  convertDroitsDeSuite,
  droitsUniquesNextStock,
  guaranteeRightsEnd,
  guaranteeRightsMax,
  meanRotationRate,
  remainingYears,
  type DroitOrigin,
  type ReservationAgreement,
  type RotationVintage,
} from "./reservation-droits";
export {
  EXCLUSION_REASONS,
  FLUX_DEFAULTS,
  SOUSTRAIT_CATEGORIES,
  VACANCY_OUTCOMES,
  assietteFromRegimes,
  fluxAssiette,
  fluxCount,
  fluxForecast,
  fluxObjective,
  fluxProgress,
  guaranteeShare,
  outcomeCount,
  reservataireShare,
  shareDiffersMarkedly,
  type DwellingRegime,
  type ExclusionReason,
  type SoustraitCategory,
  type VacancyOutcome,
} from "./reservation-flux";
export {
  CLASSIFICATIONS,
  DEFAULT_TARGETS,
  FINANCINGS,
  TARGET_KEYS,
  TYPOLOGIES,
  assertClassification,
  residenceSpread,
  targetGaps,
  type Classification,
  type Financing,
  type OrientedDwelling,
  type TargetGap,
  type TargetKey,
  type Typology,
} from "./reservation-targets";
export {
  VACANCY_DEFAULTS,
  annualBilanDueOn,
  assertVacancyComplete,
  candidatesRequired,
  designationDueOn,
  isAttribution,
  newProgrammeFirstListDueOn,
  normaliseNur,
  secondListDueOn,
  vacancyMissingFields,
  vacancyState,
  type VacancyDeclaration,
  type VacancyState,
} from "./reservation-vacancy";
export {
  annualBilan,
  type AnnualBilan,
  type BilanDwelling,
  type BilanReservataire,
  type BilanReservataireRow,
  type BilanVacancy,
  type Breakdown,
} from "./reservation-bilan";

// FNAVDL (§5, seed 003)
export {
  FNAVDL_DEFAULTS,
  FNAVDL_INTENSITY_HOURS,
  FNAVDL_ACTION_KINDS,
  FNAVDL_PUBLICS,
  INTENSITIES,
  PRESCRIBERS,
  SATISFACTION_SCALE,
  assertFnavdlProlongationAllowed,
  assertFnavdlScope,
  assertIntensityAllowed,
  assertPrescriptionAllowed,
  avenantAnswerDueOn,
  bailGlissantNoticeDueOn,
  bailGlissantResumeWindow,
  fnavdlBudgetChangeDeadline,
  fnavdlDaloNeedsEvaluation,
  fnavdlEnd,
  fnavdlExcessRefundCents,
  fnavdlReportsDueOn,
  fnavdlSecondYearAdvances,
  fnavdlSplitDeviation,
  fnavdlStartDueOn,
  satisfactionResults,
  type FnavdlActionKind,
  type FnavdlPublic,
} from "./fnavdl";
export {
  DAYS_PER_MONTH,
  fnavdlIndicatorCase,
  fnavdlIndicators,
  type FnavdlIndicatorCase,
  type FnavdlIndicators,
} from "./indicators-fnavdl";

// ASLLi (§6, seed 004)
export {
  ASLLI_DEFAULTS,
  ASLLI_EXCLUSIVE_MEASURES,
  ASLLI_INSTRUCTORS,
  ASLLI_SITUATIONS,
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
  type AslliInstructor,
  type AslliRequest,
  type AslliSituation,
} from "./aslli";
export {
  aslliMonthsDue,
  aslliSemesterTable,
  aslliStatusOn,
  type AslliSemesterTable,
  type AslliStatus,
  type AslliTableRow,
} from "./indicators-aslli";

// Framework partnership (§7, seed 001)
export {
  CADRE_ACTION_STATUSES,
  CADRE_OBJECTIVES,
  cadreProgress,
  type CadreActionStatus,
  type CadreObjective,
  type CadreObjectiveProgress,
} from "./cadre";
