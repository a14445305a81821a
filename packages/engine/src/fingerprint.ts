/**
 * Stable fingerprints: the same problem keeps the same fingerprint when
 * unrelated lines are added or removed above it, so that a baseline and code
 * scanning can recognise it. A fingerprint hashes the rule, the file, the
 * message (with line numbers taken out), the text of the offending line and
 * span, and the problem's rank among identical ones in the file.
 */
import { createHash } from 'node:crypto';
import type { Location } from '@trustlint/model';

/** The part of a fingerprint that does not depend on line numbers. */
export function fingerprintKey(ruleId: string, message: string, at: Location): string {
  const { file, span } = at;
  const line = file.positionAt(span.start).line;
  const normalizedMessage = message.replace(/\bline \d+\b/g, 'line ?').replace(/(\S):\d+(?::\d+)?\b/g, '$1:?');
  return [ruleId, file.path, normalizedMessage, file.lineText(line).trim(), file.text.slice(span.start, span.end)].join('\u0000');
}

/** Fingerprints for keys in order, numbering repeats of the same key. */
export function fingerprints(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    return createHash('sha256').update(`${key}\u0000${rank}`).digest('hex').slice(0, 32);
  });
}
