export { lint, loadBaseProgram, resolveConfig, resolveToday, type LintOptions, type LintResult } from './lint.js';
export { rules } from '@trustlint/rules';
