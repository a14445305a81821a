/**
 * What lets a cache keep the findings of program rules that declare
 * `factsOnly` across edits (see `factsWithoutPlaces` in the model): text
 * that only moves, and prose and
 * comments added, change no file's facts without places, and every program
 * rule reports the same of the edited program, at the moved places. Each
 * program rule runs over programs, and over the same programs with prose
 * added above and below each body, and comments inside each front matter and
 * above each YAML file; what it reports must be the same once every location
 * is written as its file alone. A rule that read prose or comments past the
 * facts, or wrote a line number into a message instead of passing a
 * location, would fail here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProgramRule, type ReportDescriptor } from '@trustlint/engine';
import { computeCoverage, factsOf, factsWithoutPlaces, loadProgram, MemorySource, MovedPlaces, movedPlaces, parseConfig, type Location, type Program } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { generateProgram } from '@trustlint/test-support/generate';
import { describe, expect, it } from 'vitest';
import { rules } from './index.js';

const ROOT = '/moved';
const CONFIG = 'trustlint.config.yaml';

function programOf(files: ReadonlyMap<string, string>): Program {
  const config = parseConfig(files.get(CONFIG) ?? '{}\n', `${ROOT}/${CONFIG}`, CONFIG);
  return loadProgram(config, { source: new MemorySource(Object.fromEntries(files)), repoRoot: ROOT });
}

/** Prose that says what rules look for in prose, but in prose: no heading, link or code that the outline keeps. */
const PROSE = 'Moved down. We are SOC 2 certified; see the policy POL-NOPE, control AC-99 and owner nobody.here, and CC9.9.';

/** The same file with lines added that move its content, and prose and comments that no program rule may read. */
function moved(path: string, text: string): string {
  if (path.endsWith('.md')) {
    const frontMatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
    if (frontMatter === null) return `${PROSE}\n\n${text}`;
    const end = frontMatter[0].length;
    return `---\n# moved\n${text.slice(4, end)}\n${PROSE}\n${text.slice(end)}\n\n${PROSE}\n`;
  }
  if (/\.ya?ml$/.test(path)) return `# moved\n${text}`;
  return text;
}

const isLocation = (value: unknown): value is Location => typeof value === 'object' && value !== null && 'file' in value && 'span' in value;

/** A report with every location written as its file's path. */
function unplaced(descriptor: ReportDescriptor<string>): unknown {
  return JSON.parse(JSON.stringify(descriptor, (_, value: unknown) => (isLocation(value) ? `<${value.file.path}>` : value)));
}

/** A report with every location written as its file and span, moved by `moves` where its file has them (`?` where a span is not a place of the facts). */
function placed(descriptor: ReportDescriptor<string>, moves?: ReadonlyMap<string, MovedPlaces>): unknown {
  return JSON.parse(
    JSON.stringify(descriptor, (_, value: unknown) => {
      if (!isLocation(value)) return value;
      const { file, span } = value;
      const map = moves?.get(file.path);
      const to = map ? map.of(span) : span;
      return `<${file.path} ${to ? `${to.start}-${to.end}` : '?'}>`;
    }),
  );
}

/** Where each file's places went between two programs. */
function movesBetween(before: Program, after: Program): Map<string, MovedPlaces> {
  const moves = new Map<string, MovedPlaces>();
  const documentOf = (entry: Program['files'][number]) => entry.entities.find((entity) => entity.kind === 'policy' || entity.kind === 'document');
  for (const entry of before.files) {
    const other = after.files.find((candidate) => candidate.file.path === entry.file.path && candidate.role === entry.role);
    if (other === undefined) throw new Error(`${entry.file.path} is missing after the move`);
    // Files without facts (the config, the owners, CODEOWNERS) are kept by their content: no place in an edited one is kept.
    if (entry.role === 'config' || entry.role === 'owners' || entry.role === 'codeowners') {
      if (entry.file.text !== other.file.text) moves.set(entry.file.path, new MovedPlaces([], []));
      continue;
    }
    const found = movedPlaces({ facts: factsOf(entry), outline: documentOf(entry)?.outline() }, { facts: factsOf(other), outline: documentOf(other)?.outline() });
    if (found === undefined) throw new Error(`The places of ${entry.file.path} do not line up`);
    moves.set(entry.file.path, found);
  }
  return moves;
}

/** Each program rule's reports of a program, in order. */
function descriptors(program: Program): ReportDescriptor<string>[] {
  const coverage = computeCoverage(program.config, program.controls, [...program.policies, ...program.documents]);
  const settings = { config: program.config, owners: program.owners, today: TODAY, codeowners: program.codeowners, knownRuleIds: new Set(rules.map((rule) => rule.name)) };
  const found: ReportDescriptor<string>[] = [];
  for (const rule of rules) {
    if (!isProgramRule(rule) || rule.meta.factsOnly !== true) continue;
    rule.create({ id: rule.name, options: rule.meta.defaultOptions, settings, program, coverage, base: undefined, report: (descriptor) => found.push(descriptor) });
  }
  return found;
}

/** What each program rule reports of a program, by rule. */
function programReports(program: Program): Record<string, unknown[]> {
  const coverage = computeCoverage(program.config, program.controls, [...program.policies, ...program.documents]);
  const settings = { config: program.config, owners: program.owners, today: TODAY, codeowners: program.codeowners, knownRuleIds: new Set(rules.map((rule) => rule.name)) };
  const reports: Record<string, unknown[]> = {};
  for (const rule of rules) {
    if (!isProgramRule(rule) || rule.meta.factsOnly !== true) continue;
    const found: unknown[] = (reports[rule.name] = []);
    rule.create({ id: rule.name, options: rule.meta.defaultOptions, settings, program, coverage, base: undefined, report: (descriptor) => found.push(unplaced(descriptor)) });
  }
  return reports;
}

/** What program rules read of each file, without places. */
function unplacedFacts(program: Program): Record<string, unknown> {
  return Object.fromEntries(
    program.files
      .filter((entry) => entry.role !== 'config' && entry.role !== 'owners' && entry.role !== 'codeowners')
      .map((entry) => {
        const document = entry.entities.find((entity) => entity.kind === 'policy' || entity.kind === 'document');
        return [entry.file.path, factsWithoutPlaces(factsOf(entry), document?.outline())];
      }),
  );
}

function sampleFiles(): Map<string, string> {
  const paths = readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(md|ya?ml)$/.test(path));
  return new Map(paths.map((path) => [path.split('\\').join('/'), readFileSync(join(SAMPLE, path), 'utf8')]));
}

/** The sample program with a defect for every program rule to report: duplicates, bad exclusions, broken links, unknown references, criteria without controls, controls without evidence. */
function sampleWithDefects(): Map<string, string> {
  const files = sampleFiles();
  const edit = (path: string, change: (text: string) => string): void => {
    files.set(path, change(files.get(path) ?? ''));
  };
  edit(CONFIG, (text) =>
    text.replace(
      'exclusions:\n',
      'exclusions:\n  - framework: iso27001\n    criterion: A.7.6\n    reason: Twice.\n    approver: security\n  - framework: iso27001\n    criterion: A.5.1\n  - criterion: CC1.1\n    reason: Out of scope.\n    approver: nobody.here\n',
    ),
  );
  edit(CONFIG, (text) => text.replace('categories: [security, availability, confidentiality]', 'categories: [security, availability, confidentiality, privacy]'));
  edit('owners.yaml', (text) => text.replace('people:\n', 'people:\n  - id: theo.brandt\n    name: Theo Again\n    active: true\n'));
  files.set('controls/zz-duplicate.yaml', `${files.get('controls/access/AC-01.yaml') ?? ''}\npolicies: [POL-NOPE]\n`.replace(/^policies: \[POL-ACCESS\]\n/m, ''));
  files.set('controls/zz-unevidenced.yaml', (files.get('controls/access/AC-01.yaml') ?? '').replace(/^id: .*$/m, 'id: ZZ-01'));
  files.set(
    'zz-broken.md',
    `${(files.get('access-control.md') ?? '').replace(/^title: .*$/m, 'title: A second access policy')}\nSee [nothing](./missing.md), [no heading](./encryption.md#no-such-heading) and [here](#nowhere).\n`,
  );
  return files;
}

const programs: [name: string, files: Map<string, string>][] = [
  ['the sample program, with defects', sampleWithDefects()],
  ...[3, 8, 21].map((seed): [string, Map<string, string>] => [
    `a generated program (seed ${seed})`,
    new Map([...generateProgram({ controls: 40, policies: 10, seed })].filter(([path]) => /\.(md|ya?ml)$|CODEOWNERS$/.test(path))),
  ]),
];

describe('program rules over text that only moved', () => {
  it('are all declared to read only facts, but those that compare with a base revision', () => {
    const programRules = rules.filter((rule) => isProgramRule(rule));
    expect(programRules.filter((rule) => rule.meta.factsOnly !== true).map((rule) => [rule.name, rule.meta.needsBase])).toEqual([
      ['coverage-regression', true],
      ['version-not-bumped', true],
    ]);
  });

  for (const [name, files] of programs) {
    it(`report the same of ${name} with its text moved, at the moved places`, () => {
      const before = programOf(files);
      const after = programOf(new Map([...files].map(([path, text]) => [path, path === CONFIG ? text : moved(path, text)])));
      // The moves moved: every policy's body starts further down.
      expect(after.policies.map((policy) => policy.locate().span.start)).not.toEqual(before.policies.map((policy) => policy.locate().span.start));
      expect(unplacedFacts(after)).toEqual(unplacedFacts(before));
      const reports = programReports(before);
      expect(Object.values(reports).flat().length).toBeGreaterThan(0);
      if (name.startsWith('the sample')) {
        // Every program rule has something to say, the rules that name another place among them.
        // (The baseline rule's findings are made by the engine, from the baseline.)
        expect(Object.entries(reports).filter(([rule, found]) => found.length === 0 && rule !== 'baseline').map(([rule]) => rule)).toEqual([]);
      }
      expect(programReports(after)).toEqual(reports);

      // Each place a report names moved where the facts say its part went, so that a cache can place kept findings again.
      const moves = movesBetween(before, after);
      const was = descriptors(before).map((descriptor) => placed(descriptor, moves));
      const now = descriptors(after).map((descriptor) => placed(descriptor));
      const placeable = was.flatMap((report, index) => (JSON.stringify(report).includes(' ?>') ? [] : [[report, now[index]]]));
      expect(placeable.length).toBeGreaterThan(was.length / 2);
      for (const [report, after] of placeable) expect(after).toEqual(report);
    });
  }
});
