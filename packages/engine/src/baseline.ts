/**
 * A baseline: findings accepted as existing debt when a program adopts
 * trustlint. Later runs report only findings it does not list; entries that
 * no longer match anything are stale. Entries match by fingerprint (which
 * includes the rule and the file), each at most once.
 */
import { safeJson, TrustlintError, validate, locateIn, type Location } from '@trustlint/model';
import { parseYaml, type SourceFile } from '@trustlint/parser';
import type { Finding } from './finding.js';

export const BASELINE_FILE_NAME = 'trustlint-baseline.json';

export interface BaselineEntry {
  ruleId: string;
  file: string;
  fingerprint: string;
  message: string | undefined;
  /** Where the entry is in the baseline file. */
  location: Location;
}

export interface Baseline {
  file: SourceFile;
  entries: BaselineEntry[];
}

/** Reads a baseline file; a malformed one is an error with its place, never silently ignored. */
export function parseBaseline(file: SourceFile): Baseline {
  const { documents, error } = parseYaml(file);
  const document = documents[0];
  const fail = (message: string, location: Location): never => {
    const { line, column } = file.positionAt(location.span.start);
    throw new TrustlintError('baseline-invalid', `Invalid baseline ${file.path}:${line}:${column}: ${message} Rewrite it with \`trustlint lint --write-baseline\`.`);
  };
  if (error) fail(`${error.message}.`, { file, span: error.span });
  const root = document?.root ?? null;
  const [violation] = validate('baseline', document?.value);
  if (violation) fail(violation.message, locateIn(file, root, violation.path, violation.target));
  const value = document?.value as { findings: { ruleId: string; file: string; fingerprint: string; message?: string }[] };
  return {
    file,
    entries: value.findings.map((entry, index) => ({
      ruleId: entry.ruleId,
      file: entry.file,
      fingerprint: entry.fingerprint,
      message: entry.message,
      location: locateIn(file, root, ['findings', index, 'fingerprint']),
    })),
  };
}

/** The text of a baseline that accepts these findings. */
export function serializeBaseline(findings: readonly Finding[]): string {
  const entries = findings.map(({ ruleId, file, fingerprint, message }) => ({ ruleId, file, fingerprint, message }));
  return `${safeJson({ version: 1, findings: entries }, 2)}\n`;
}

export interface BaselineOutcome {
  kept: Finding[];
  /** How many findings the baseline accepted. */
  matched: number;
  /** Entries that matched no finding. */
  stale: BaselineEntry[];
}

export function applyBaseline(findings: readonly Finding[], baseline: Baseline): BaselineOutcome {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.entries) remaining.set(entry.fingerprint, [...(remaining.get(entry.fingerprint) ?? []), entry]);
  const kept: Finding[] = [];
  for (const finding of findings) {
    const candidates = remaining.get(finding.fingerprint);
    const index = candidates?.findIndex((entry) => entry.ruleId === finding.ruleId && entry.file === finding.file) ?? -1;
    if (candidates && index >= 0) candidates.splice(index, 1);
    else kept.push(finding);
  }
  const stale = [...remaining.values()].flat();
  return { kept, matched: findings.length - kept.length, stale };
}
