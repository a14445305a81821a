/**
 * The lines a pull request adds or changes, from the unified diffs the
 * pull request files API returns (`patch`). A file without a patch (binary,
 * or too large for the API to show) counts as changed throughout.
 */
import type { ChangedLines } from '@trustlint/model';

export interface PullFile {
  filename: string;
  status: string;
  patch?: string | undefined;
}

/** The new-side line numbers a unified diff adds or changes. */
export function addedLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let next = 0;
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      continue;
    }
    if (line.startsWith('+')) lines.add(next++);
    else if (line.startsWith(' ')) next++;
    // '-' lines and "\ No newline at end of file" do not advance the new side.
  }
  return lines;
}

export function changedLinesOf(files: readonly PullFile[]): ChangedLines {
  const changes = new Map<string, ReadonlySet<number> | 'all'>();
  for (const file of files) {
    if (file.status === 'removed') continue;
    if (file.patch === undefined || file.status === 'added') changes.set(file.filename, 'all');
    else changes.set(file.filename, addedLines(file.patch));
  }
  return changes;
}
