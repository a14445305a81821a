import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';
import { MemorySource } from './files.js';
import { loadProgram } from './program.js';
import { evidenceDates } from './evidence.js';

describe('evidenceDates', () => {
  it("gathers a control's valid dates inline and from the logs that name it", () => {
    const program = loadProgram(parseConfig('{}\n', '/r/trustlint.config.yaml'), {
      repoRoot: '/r',
      source: new MemorySource({
        'controls/a.yaml': 'id: AC-01\nevidence:\n  - {date: 2026-04-02, summary: x}\n  - {date: April, summary: y}\n',
        'evidence/a.yaml': 'control: AC-01\nrecords:\n  - {date: 2026-05-03, summary: z}\n',
        'evidence/b.yaml': 'control: OTHER\nrecords:\n  - {date: 2026-06-04, summary: w}\n',
      }),
    });
    const datesOf = evidenceDates(program.evidence);
    expect(program.controls.map(datesOf)).toEqual([['2026-04-02', '2026-05-03']]);
  });
});
