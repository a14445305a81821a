import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOf, corpus, SAMPLE, TODAY } from '@trustlint/test-support';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { init } from './init.js';
import { lint } from './lint.js';

const person = { name: 'Maya Okafor', email: 'maya@example.com' };

describe('init', () => {
  it('starts a program in an empty folder whose only findings are the criteria it does not cover yet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-init-'));
    const result = init(dir, { today: TODAY, person });
    expect(result.layout.kind).toBe('empty');
    expect(result.created).toEqual(['trustlint.config.yaml', 'owners.yaml', 'policies/information-security.md', 'controls/SEC-01.yaml']);
    expect(readFileSync(join(dir, 'owners.yaml'), 'utf8')).toContain('  - id: maya.okafor\n    name: "Maya Okafor"');
    const { findings, program } = lint({ cwd: dir, today: TODAY });
    expect(program.policies.map((policy) => policy.id)).toEqual(['POL-SECURITY']);
    expect(program.controls.map((control) => control.id)).toEqual(['SEC-01']);
    expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(new Set(['uncovered-criterion']));
  });

  it('never overwrites: a second run keeps every file as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-init-'));
    init(dir, { today: TODAY, person });
    const before = readFileSync(join(dir, 'trustlint.config.yaml'), 'utf8');
    const again = init(dir, { today: '2030-01-01', person: { name: 'Someone Else', email: 'x@example.com' } });
    expect(again.created).toEqual([]);
    expect(again.kept).toEqual(['trustlint.config.yaml', 'owners.yaml']);
    expect(readFileSync(join(dir, 'trustlint.config.yaml'), 'utf8')).toBe(before);
  });

  it('keeps an existing config and does not add starter files to an existing program', () => {
    const dir = copyOf(SAMPLE);
    const result = init(dir, { today: TODAY, person });
    expect(result.layout.kind).toBe('trustlint');
    expect(result.created).toEqual([]);
    expect(result.kept).toEqual(['trustlint.config.yaml', 'owners.yaml']);
  });

  it('adopts a strongdm/comply repository as it is', () => {
    const dir = copyOf(corpus('comply-soc2'));
    const result = init(dir, { today: TODAY, person });
    expect(result.created).toEqual(['trustlint.config.yaml', 'owners.yaml']);
    const config = readFileSync(join(dir, 'trustlint.config.yaml'), 'utf8');
    expect(config).toContain('    categories: [security, availability, processing-integrity, confidentiality, privacy]\n');
    expect(config).toContain('\ndialect: comply\n');
    expect(config).toContain('  policies: [policies/**/*.md]\n');
    const { findings, program, configPath } = lint({ cwd: dir, today: TODAY });
    expect(configPath).toBe('trustlint.config.yaml');
    expect(program.policies).toHaveLength(27);
    expect(program.documents).toHaveLength(9);
    expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(new Set(['owner-missing', 'required-sections', 'uncovered-criterion', 'unknown-criterion']));
  });

  it('adopts a Hugo site of policies as it is', () => {
    const dir = copyOf(corpus('tailscale-security-policies'));
    init(dir, { today: TODAY, person });
    const config = readFileSync(join(dir, 'trustlint.config.yaml'), 'utf8');
    expect(config).toContain('\ndialect: hugo\n');
    expect(config).toContain('  policies: ["*/index.md"]\n');
    expect(lint({ cwd: dir, today: TODAY }).program.policies).toHaveLength(14);
  });
});
