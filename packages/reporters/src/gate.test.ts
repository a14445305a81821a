import { iso27001, soc2 } from '@trustlint/catalogs';
import { describe, expect, it } from 'vitest';
import { control, sampleCoverage } from './__fixtures__/coverage.js';
import { finding, report } from './__fixtures__/reports.js';
import { coverageFramework, decideGate, gateVerdict } from './gate.js';

const BOTH = '{soc2: {categories: [security]}, iso27001: {}}';
const SECURITY = soc2.criteria.filter((criterion) => criterion.category === 'security').map((criterion) => criterion.id);

/** SOC 2 Security fully covered; ISO/IEC 27001 covered but for the Annex A controls left out. */
function coverage(...leftOut: string[]) {
  const annexA = iso27001.criteria.map((criterion) => criterion.id).filter((id) => !leftOut.includes(id));
  return sampleCoverage([control('controls/all.yaml', `id: ALL\nstatus: implemented\nsatisfies: {soc2: [${SECURITY.join(', ')}], iso27001: [${annexA.join(', ')}]}\n`)], BOTH);
}

const uncoveredIso = finding({
  ruleId: 'uncovered-criterion',
  messageId: 'uncovered',
  message:
    'In-scope ISO/IEC 27001 criterion A.8.17 (Clock synchronization) has no implemented control; expected a control with `status: implemented` that lists A.8.17 in `satisfies.iso27001`.',
  file: 'trustlint.config.yaml',
  coverageOf: 'iso27001',
});
const regressionIso = finding({
  ruleId: 'coverage-regression',
  messageId: 'statusChanged',
  message: 'This change uncovers ISO/IEC 27001 criterion A.8.20 (Network security): at `main` it was covered by `NET-01`, whose status is now `planned`; expected it to stay implemented, or another implemented control to cover A.8.20.',
  coverageOf: 'iso27001',
});
const regressionSoc2 = finding({
  ruleId: 'coverage-regression',
  messageId: 'statusChanged',
  message: 'This change uncovers SOC 2 criterion CC6.6 (Protection against external threats): at `main` it was covered by `NET-01`, whose status is now `planned`; expected it to stay implemented, or another implemented control to cover CC6.6.',
  coverageOf: 'soc2',
});

describe('coverageFramework', () => {
  it('names the framework whose coverage a coverage finding restates, as its rule said, and nothing for other findings', () => {
    expect(coverageFramework(uncoveredIso)).toBe('iso27001');
    expect(coverageFramework(regressionIso)).toBe('iso27001');
    expect(coverageFramework(regressionSoc2)).toBe('soc2');
    expect(coverageFramework(finding({ ruleId: 'unknown-criterion', message: 'In-scope ISO/IEC 27001 criterion …' }))).toBeUndefined();
    expect(coverageFramework(finding({ ruleId: 'uncovered-criterion', message: 'Something else about ISO/IEC 27001 criterion A.5.1' }))).toBeUndefined();
  });
});

describe('decideGate', () => {
  it('requires every enabled framework by default', () => {
    const decision = decideGate(report([uncoveredIso], { coverage: coverage('A.8.17') }), 'error');
    expect(decision).toEqual({
      passed: false,
      threshold: 'error',
      frameworks: ['soc2', 'iso27001'],
      uncovered: { soc2: [], iso27001: ['A.8.17'] },
      blocking: { 'uncovered-criterion': 1 },
      notRequired: 0,
    });
  });

  it('requires only the frameworks it is given, and the findings that restate the others do not block', () => {
    const gaps = report([uncoveredIso, regressionIso], { coverage: coverage('A.8.17', 'A.8.20') });
    expect(decideGate(gaps, 'error', ['soc2'])).toEqual({
      passed: true,
      threshold: 'error',
      frameworks: ['soc2'],
      uncovered: { soc2: [] },
      blocking: {},
      notRequired: 2,
    });
    expect(decideGate(gaps, 'error', ['iso27001'])).toMatchObject({ passed: false, frameworks: ['iso27001'], uncovered: { iso27001: ['A.8.17', 'A.8.20'] }, notRequired: 0 });
    // The order given does not matter; the coverage's order is kept.
    expect(decideGate(gaps, 'error', ['iso27001', 'soc2']).frameworks).toEqual(['soc2', 'iso27001']);
  });

  it('still counts every other finding, whatever framework it is about', () => {
    const unknown = finding({ message: '`A.9.2.1` is ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; expected `A.5.16`.', messageId: 'legacyIso' });
    const decision = decideGate(report([unknown, regressionSoc2], { coverage: coverage() }), 'error', ['soc2']);
    expect(decision).toMatchObject({ passed: false, blocking: { 'coverage-regression': 1, 'unknown-criterion': 1 }, notRequired: 0 });
  });

  it('refuses a framework that is not enabled, and an empty list', () => {
    const soc2Only = report([], { coverage: sampleCoverage([], '{soc2: {categories: [security]}}') });
    expect(() => decideGate(soc2Only, 'error', ['iso27001'])).toThrow('The gate cannot require ISO/IEC 27001: not enabled (enabled: SOC 2).');
    expect(() => decideGate(soc2Only, 'error', [])).toThrow('The gate must require at least one framework.');
  });
});

describe('gateVerdict', () => {
  it('names each framework, and says which ones were not required', () => {
    const complete = report([], { coverage: coverage() });
    expect(gateVerdict(complete, decideGate(complete, 'error'))).toBe(
      '✔ Gate passed: every in-scope criterion covered (SOC 2 33/33; ISO/IEC 27001 93/93), no findings at or above error.',
    );
    const gaps = report([uncoveredIso], { coverage: coverage('A.8.17') });
    expect(gateVerdict(gaps, decideGate(gaps, 'error', ['soc2']))).toBe(
      '✔ Gate passed: every in-scope criterion of the required frameworks covered (SOC 2 33/33; ISO/IEC 27001 not required), no findings at or above error; 1 finding on the coverage of ISO/IEC 27001, not required.',
    );
    expect(gateVerdict(gaps, decideGate(gaps, 'error'))).toBe(
      '✖ Gate failed: 1 in-scope criterion uncovered (ISO/IEC 27001: A.8.17), 1 error (uncovered-criterion ×1).',
    );
  });
});
