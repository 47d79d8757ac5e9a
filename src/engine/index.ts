export * from './types.ts';
export * from './codes.ts';
export { compile, type Network, type CompileOptions } from './compile.ts';
export { trace, resolveQuery } from './trace.ts';
export { runCheck, checkQuery, type CheckResult } from './checks.ts';
export {
  indexedLookups,
  naiveLookups,
  lookupRouteByScan,
  evaluateNaclRules,
  naclFirstMatch,
  type Lookups,
  type Packet,
} from './lookups.ts';
export { protocolNumber, protocolName, EPHEMERAL_LINUX, EPHEMERAL_WINDOWS, EPHEMERAL_INTERNET } from './builtins.ts';
export { lintNetwork, LINT_CODES, type LintCode } from './lint.ts';
export {
  reachabilityMatrix,
  matrixOfTopology,
  networkOfTopology,
  matrixSize,
  MATRIX_VERDICTS,
  type MatrixRequest,
  type MatrixResult,
  type MatrixCell,
  type MatrixVerdict,
} from './matrix.ts';
export {
  suggestFixes,
  freeRuleNumber,
  FIXABLE_CODES,
  type FixSuggestion,
  type FixBlocker,
  type SuggestFixesOptions,
} from './fixes.ts';
export { checkExam, goalsPass } from './exam.ts';
