/**
 * Names a command line shows before it runs anything: a module that imports
 * nothing (`@trustlint/core/names`), so that offering them loads no linter.
 */

/** The cache's file name when `--cache-location` does not name one. */
export const CACHE_FILE_NAME = '.trustlintcache';
