import { json } from './json.js';
import type { Formatter } from './report.js';
import { stylish } from './stylish.js';

export { coverageJson } from './json.js';
export type { FormatOptions, Formatter, Report } from './report.js';
export { forTerminal } from './sanitize.js';

/** Every output format by its `--format` name. */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json };

export const FORMAT_NAMES = Object.keys(formatters);
