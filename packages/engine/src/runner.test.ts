import { loadProgram, MemorySource, parseConfig, ConfigError, type Program } from '@trustlint/model';
import { TODAY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { RuleCrashError } from './errors.js';
import { resolveRules } from './resolve.js';
import { RuleCreator } from './rule.js';
import { runRules } from './runner.js';

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

function program(config = '{}\n'): Program {
  return loadProgram(parseConfig(config, '/r/trustlint.config.yaml', 'trustlint.config.yaml'), {
    repoRoot: '/r',
    source: new MemorySource({ 'controls/b.yaml': 'id: B-1\n', 'controls/a.yaml': 'id: A-1\nowner: x\nsatisfies: {soc2: [CC1.1]}\nstatus: implemented\n' }),
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
});
