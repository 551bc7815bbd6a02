// Exercise checks: compare an attempt with the solution, run data tests, and
// explain what differs without giving the answer away.
export { checkExercise, resultOf, sqlRunner, CHECK_ROWS } from './check-exercise';
export { verifyExercise, type AuthoringProblem } from './verify-exercise';
export { typedInCopy, typedInQuery } from './hard-coded';
export type { CheckOptions, CheckReport, CheckResult, RunCode } from './check-exercise';
export { compareResults, MAX_EXAMPLES, type Verdict } from './compare';
export { runDataTest, quoteIdentifier } from './data-tests';
export { errorTip, renderErrorTip, type ErrorTip, type ErrorTipCatalog } from './error-tips';
export { feedback, renderFeedback } from './feedback';
export type { Feedback, FeedbackCatalog, FeedbackCode, FeedbackOf, FeedbackParams } from './feedback';
export { en as feedbackMessages } from './messages.en';
export { variantChecks, variantOff, withoutValues } from './variant-check';
export type { VariantOutcome, VariantSource, VariantTarget } from './variant-check';
