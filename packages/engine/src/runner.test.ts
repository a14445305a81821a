import { loadProgram, MemorySource, parseConfig, ConfigError, type LoadProgramOptions, type Program } from '@trustlint/model';
import { TODAY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { RuleCrashError } from './errors.js';
import { resolveRules } from './resolve.js';
import { RuleCreator } from './rule.js';
import { activeRules, FileChecks, ruleSettings, runRules, type KeptProgramFinding, type ProgramFindingsCache } from './runner.js';

const createRule = RuleCreator((name) => `https://docs.example/${name}`);

const ownerRequired = createRule<'missing', { allow: string[] }>({
  name: 'owner-required',
  meta: {
    type: 'problem',
    docs: { description: 'Require an owner.', category: 'ownership' },
    messages: { missing: 'Control `{{id}}` has no owner; expected one of {{allowed}}.' },
    schema: { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
    defaultOptions: { allow: ['security'] },
    severity: 'warning',
    scope: 'file',
  },
  create(context) {
    return {
      control(control) {
        if (control.owner === undefined) {
          context.report({ messageId: 'missing', data: { id: control.id ?? '?', allowed: context.options.allow.join(', ') }, at: control.locate(['id']) });
        }
      },
    };
  },
});

const countControls = createRule<'count', Record<string, never>>({
  name: 'count-controls',
  meta: {
    type: 'suggestion',
    docs: { description: 'Count controls.', category: 'meta' },
    messages: { count: '{{count}} controls, {{uncovered}} uncovered criteria.' },
    schema: undefined,
    defaultOptions: {},
    severity: 'info',
    scope: 'program',
    factsOnly: true,
  },
  create(context) {
    const first = context.program.controls[0];
    if (first) {
      context.report({
        messageId: 'count',
        data: { count: context.program.controls.length, uncovered: context.coverage.framework('soc2')?.uncovered.length ?? 0 },
        at: first.locate(),
      });
    }
  },
});

function program(config = '{}\n', options: LoadProgramOptions = {}): Program {
  return loadProgram(parseConfig(config, '/r/trustlint.config.yaml', 'trustlint.config.yaml'), {
    repoRoot: '/r',
    source: new MemorySource({ 'controls/b.yaml': 'id: B-1\n', 'controls/a.yaml': 'id: A-1\nowner: x\nsatisfies: {soc2: [CC1.1]}\nstatus: implemented\n' }),
    ...options,
  });
}

describe('runRules', () => {
  it('runs file and program rules, fills messages, derives urls and sorts findings', () => {
    const p = program();
    const { findings, coverage } = runRules({ program: p, rules: resolveRules([ownerRequired, countControls], p.config), today: TODAY });
    expect(coverage.framework('soc2')?.covered).toEqual(['CC1.1']);
    expect(findings).toEqual([
      {
        ruleId: 'count-controls',
        severity: 'info',
        message: '2 controls, 32 uncovered criteria.',
        messageId: 'count',
        file: 'controls/a.yaml',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 8,
        url: 'https://docs.example/count-controls',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
      {
        ruleId: 'owner-required',
        severity: 'warning',
        message: 'Control `B-1` has no owner; expected one of security.',
        messageId: 'missing',
        file: 'controls/b.yaml',
        line: 1,
        column: 5,
        endLine: 1,
        endColumn: 8,
        url: 'https://docs.example/owner-required',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    ]);
  });

  it('takes over the findings of files checked as they were read, and refuses checks that missed a file', () => {
    const rules = resolveRules([ownerRequired, countControls], program().config);
    const ids = rules.map(({ rule }) => rule.name);
    let checks: FileChecks | undefined;
    const asRead = program('{}\n', {
      releaseYaml: true,
      check: (people) => {
        const made = new FileChecks(activeRules(rules, false), ruleSettings({ config: program().config, ...people }, TODAY, ids));
        checks = made;
        return (entry) => {
          made.check(entry);
        };
      },
    });
    if (checks === undefined) throw new Error('the files were not checked');
    expect(checks.findings().map(({ finding }) => finding.message)).toEqual(['Control `B-1` has no owner; expected one of security.']);
    const whole = runRules({ program: program(), rules, today: TODAY });
    const taken = runRules({ program: asRead, rules, today: TODAY, fileChecks: checks });
    expect(taken.findings).toEqual(whole.findings);
    expect(taken.findings.map(({ ruleId }) => ruleId)).toEqual(['count-controls', 'owner-required']);
    expect(taken.coverage.framework('soc2')?.covered).toEqual(['CC1.1']);
    expect(checks.checked).toBe(asRead.files.length);
    const unchecked = new FileChecks(activeRules(rules, false), ruleSettings(asRead, TODAY, ids));
    expect(() => runRules({ program: asRead, rules, today: TODAY, fileChecks: unchecked })).toThrow("The file rules checked 0 of the program's 3 files.");
  });

  it('applies severities and options from the config, and turns rules off', () => {
    const p = program('rules:\n  owner-required: [error, {allow: [sre]}]\n  count-controls: off\n');
    const { findings } = runRules({ program: p, rules: resolveRules([ownerRequired, countControls], p.config), today: TODAY });
    expect(findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([['owner-required', 'error', 'Control `B-1` has no owner; expected one of sre.']]);
  });

  it('rejects bad options and unknown rules as config errors with their place', () => {
    const bad = program('rules:\n  owner-required: [error, {allow: sre, deny: [x]}]\n  owner-requird: warning\n');
    try {
      resolveRules([ownerRequired], bad.config);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => `${p.range.line}:${p.range.column} ${p.message}`)).toEqual([
        '2:35 Rule `owner-required` option: `allow` should be a list, found `sre`.',
        '2:40 Rule `owner-required` option: Unexpected key `deny`; expected one of `allow`.',
        '3:3 Unknown rule `owner-requird`; did you mean `owner-required`? `trustlint rules` lists every rule.',
      ]);
    }
  });

  it('stops the run with a RuleCrashError naming the rule and the file when a rule throws', () => {
    const crashing = createRule<'x', Record<string, never>>({
      ...ownerRequired,
      name: 'crashing',
      meta: { ...ownerRequired.meta, messages: { x: 'x' }, schema: undefined, defaultOptions: {} },
      create: () => ({
        control(control) {
          if (control.id === 'B-1') throw new TypeError('cannot read owner');
        },
      }),
    });
    const p = program();
    expect(() => runRules({ program: p, rules: resolveRules([crashing], p.config), today: TODAY })).toThrow(RuleCrashError);
    expect(() => runRules({ program: p, rules: resolveRules([crashing], p.config), today: TODAY })).toThrow(
      'Rule `crashing` crashed while checking controls/b.yaml: cannot read owner. Nothing it checks could be verified',
    );
  });

  it('treats an undeclared message id or a missing placeholder as a crash', () => {
    const sloppy = createRule<'missing', { allow: string[] }>({
      ...ownerRequired,
      name: 'sloppy',
      create: (context) => ({
        control(control) {
          context.report({ messageId: 'missing', data: { id: 'x' }, at: control.locate() });
        },
      }),
    });
    const p = program();
    expect(() => runRules({ program: p, rules: resolveRules([sloppy], p.config), today: TODAY })).toThrow(/Message placeholder \{\{allowed\}\} has no data/);
  });

  it('writes a location in a placeholder as file:line', () => {
    const pointer = createRule<'here', Record<string, never>>({
      ...countControls,
      name: 'pointer',
      meta: { ...countControls.meta, messages: { here: 'See {{place}} ({{count}}).' } },
      create(context) {
        const [first, second] = context.program.controls;
        if (first && second) context.report({ messageId: 'here', data: { place: first.locate(['owner']), count: 2 }, at: second.locate() });
      },
    });
    const p = program();
    const { findings } = runRules({ program: p, rules: resolveRules([pointer], p.config), today: TODAY });
    expect(findings.map((f) => [f.file, f.message])).toEqual([['controls/b.yaml', 'See controls/a.yaml:2 (2).']]);
  });

  describe('with a cache of program findings', () => {
    const asking = createRule<'exists', Record<string, never>>({
      ...countControls,
      name: 'asking',
      meta: { ...countControls.meta, messages: { exists: '{{path}} exists: {{found}} (see {{other}}).' } },
      create(context) {
        const [first, second] = context.program.controls;
        for (const path of ['controls/a.yaml', 'evidence/none.yaml']) {
          if (first && second) {
            context.report({
              messageId: 'exists',
              data: { path, found: String(context.program.fileExists(path)), other: second.locate() },
              at: first.locate(['id']),
              related: [{ at: context.program.files[0]?.entities[0]?.locate() ?? first.locate(), message: 'here' }],
            });
          }
        }
      },
    });

    /** A cache that keeps what it is given and counts the runs that gave it findings. */
    function memoryCache() {
      const kept: { findings?: readonly KeptProgramFinding[]; existence?: ReadonlyMap<string, boolean>; sets: number } = { sets: 0 };
      const cache: ProgramFindingsCache = {
        get: () => kept.findings && { findings: kept.findings, reports: [] },
        set: (findings, existence) => {
          Object.assign(kept, { findings, existence, sets: kept.sets + 1 });
        },
        placed: () => expect.unreachable(),
      };
      return { cache, kept };
    }

    it('keeps the program rules\' findings with the files they name and the existences the rules asked about, and uses them instead of the rules', () => {
      const p = program();
      const rules = resolveRules([ownerRequired, countControls, asking], p.config);
      const plain = runRules({ program: p, rules, today: TODAY }).findings;
      const { cache, kept } = memoryCache();
      expect(runRules({ program: p, rules, today: TODAY, programCache: cache }).findings).toEqual(plain);
      expect(kept.sets).toBe(1);
      // Each with the report it was made from, and so every file it names: where it is, its related places, the places in its message.
      const named = ({ at, related, data }: KeptProgramFinding['report']): string[] => [
        ...new Set([at, ...(related ?? []).map((item) => item.at), ...Object.values(data ?? {}).filter((value) => typeof value === 'object')].map((place) => place.file.path)),
      ];
      expect(kept.findings?.map(({ finding, report }) => [finding.ruleId, finding.message, named(report)])).toEqual([
        ['count-controls', '2 controls, 32 uncovered criteria.', ['controls/a.yaml']],
        ['asking', 'controls/a.yaml exists: true (see controls/b.yaml:1).', ['controls/a.yaml', 'controls/b.yaml']],
        ['asking', 'evidence/none.yaml exists: false (see controls/b.yaml:1).', ['controls/a.yaml', 'controls/b.yaml']],
      ]);
      // Each with the key of its fingerprint, which begins with the rule and the file.
      expect(kept.findings?.map(({ key }) => key.split('\u0000').slice(0, 2))).toEqual(kept.findings?.map(({ finding }) => [finding.ruleId, finding.file]));
      expect([...(kept.existence ?? [])]).toEqual([
        ['controls/a.yaml', true],
        ['evidence/none.yaml', false],
      ]);
      // The second run takes its program findings from the cache: the program rules do not run.
      const silent = rules.map((resolved) => (resolved.rule.meta.scope === 'program' ? { ...resolved, rule: { ...resolved.rule, create: () => expect.unreachable() } } : resolved));
      expect(runRules({ program: p, rules: silent, today: TODAY, programCache: cache }).findings).toEqual(plain);
      expect(kept.sets).toBe(1);
    });

    it('keeps the report of each finding, and makes the reports a cache gives into findings again, through the rules', () => {
      const p = program();
      const { cache, kept } = memoryCache();
      runRules({ program: p, rules: resolveRules([countControls], p.config), today: TODAY, programCache: cache });
      expect(kept.findings?.map(({ report }) => [report.messageId, report.data, report.at.file.path])).toEqual([['count', { count: 2, uncovered: 32 }, 'controls/a.yaml']]);
      const [first, second] = p.controls;
      if (first === undefined || second === undefined) throw new Error('The program has two controls.');
      const placed: KeptProgramFinding[] = [];
      const moved: ProgramFindingsCache = {
        get: () => ({ findings: [], reports: [{ rule: 'count-controls', descriptor: { messageId: 'count', data: { count: 9, uncovered: 1 }, at: second.locate(['id']) } }] }),
        set: () => expect.unreachable(),
        placed: (findings) => placed.push(...findings),
      };
      const { findings } = runRules({ program: p, rules: resolveRules([countControls], p.config), today: TODAY, programCache: moved });
      expect(findings.map((f) => [f.file, f.line, f.column, f.message, f.fingerprint.length])).toEqual([['controls/b.yaml', 1, 5, '9 controls, 1 uncovered criteria.', 32]]);
      // The cache is told what the reports became, to keep them in place of the findings it gave them for.
      expect(placed.map(({ finding, report }) => [finding.message, report.at.file.path, report.messageId])).toEqual([['9 controls, 1 uncovered criteria.', 'controls/b.yaml', 'count']]);
    });

    it('neither keeps nor uses findings while a program rule does not declare that it reads only facts', () => {
      const p = program();
      const { cache, kept } = memoryCache();
      const reader = { ...countControls, name: 'reader', meta: { ...countControls.meta, factsOnly: false } };
      runRules({ program: p, rules: resolveRules([countControls, reader], p.config), today: TODAY, programCache: cache });
      expect(kept.sets).toBe(0);
      runRules({ program: p, rules: resolveRules([countControls], p.config), today: TODAY, programCache: cache });
      expect(kept.sets).toBe(1);
      const findings = runRules({ program: p, rules: resolveRules([countControls, reader], p.config), today: TODAY, programCache: cache }).findings;
      expect(findings.map((finding) => finding.ruleId)).toEqual(['count-controls', 'reader']);
      expect(kept.sets).toBe(1);
    });

    it('runs the program rules when a kept finding is of a rule that is not on, and with a base revision', () => {
      const p = program();
      const { cache, kept } = memoryCache();
      runRules({ program: p, rules: resolveRules([countControls, asking], p.config), today: TODAY, programCache: cache });
      const onlyCount = resolveRules([countControls], p.config);
      expect(runRules({ program: p, rules: onlyCount, today: TODAY, programCache: cache }).findings.map((f) => f.ruleId)).toEqual(['count-controls']);
      expect(kept.sets).toBe(2);
      const before = kept.findings;
      runRules({ program: p, rules: onlyCount, today: TODAY, base: { program: p, ref: 'main' }, programCache: cache });
      expect(kept.sets).toBe(2);
      expect(kept.findings).toBe(before);
    });
  });
});
