import "server-only";
// Every registered action, imported once so that the registry is complete (tests/integration/actions-registry.test.ts).
export * as members from "./members";
export * as account from "./account";
export * as tokens from "./token-actions";
export * as organisations from "./organisations";
export * as conventions from "./conventions";
export * as conventionLife from "./convention-life";
export * as cases from "./cases";
export * as households from "./households";
export * as fnavdl from "./fnavdl";
export * as aslli from "./aslli";
export * as dwellings from "./dwellings";
export * as droits from "./droits";
export * as vacancies from "./vacancies";
export * as newProgrammes from "./new-programmes";
export * as digest from "./digest";
export * as annualBilan from "./annual-bilan";
export * as notifications from "./notifications";
