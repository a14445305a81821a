import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import type { Formatter } from './report.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export { coverageJson } from './json.js';
export { escapeData, escapeProperty, workflowCommand } from './github.js';
export { junitXml } from './junit.js';
export type { FormatOptions, Formatter, Report, RuleInfo } from './report.js';
export { FINGERPRINT_KEY, sarifLog } from './sarif.js';
export { oneLine, plainText } from './text.js';

/** Every output format by its `--format` name. */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json, sarif, github, junit };

export const FORMAT_NAMES = Object.keys(formatters);
