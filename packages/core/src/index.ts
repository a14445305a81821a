export { cacheKey, LintCache, type RunInputs } from './cache.js';
export { CACHE_FILE_NAME } from './names.js';
export { init, planInit, renderConfig, type InitFile, type InitOptions, type InitResult } from './init.js';
export { lint, loadBaseProgram, resolveConfig, type LintOptions, type LintProgress, type LintResult } from './lint.js';
export { rules } from '@trustlint/rules';
export { resolveToday } from './today.js';
