/**
 * What a front end needs to replay a cached run without loading the linter
 * (`@trustlint/core/replay`): the cache, the key of a run, the date a run is
 * judged against, and the cache's default file name. Only the model's file
 * access is loaded with it (`@trustlint/model/io`).
 */
export { cacheKey, LintCache, type RunInputs } from './cache.js';
export { CACHE_FILE_NAME } from './names.js';
export { resolveToday } from './today.js';
