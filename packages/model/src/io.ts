/**
 * The model's file access without the model (`@trustlint/model/io`): reading
 * and globbing a program's files, writing outputs under the write policy,
 * finding the config, and dates. Nothing here parses or validates, so a front
 * end can replay a cached run without loading the parsers, the schemas or the
 * rules.
 */
export { CONFIG_FILE_NAMES, findConfigFile } from './config-file.js';
export { localToday, parseDate } from './dates.js';
export { FileChangedError, TrustlintError } from './errors.js';
export { DiskSource, type FileStat, type FolderStamp, type ProgramSource, type ReadFailure, type ReadOutcome } from './files.js';
export { checkOutput, writeOutput, type InputFile, type OutputContent, type OutputTarget } from './write.js';
