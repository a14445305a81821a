/**
 * Coverage for the tests of the coverage displays: SOC 2 Security and
 * Availability plus ISO/IEC 27001 in scope, A1.3 excluded, and controls of
 * every kind (implemented, planned, partially implemented, without an id).
 */
import { buildControl, computeCoverage, parseConfig, type Control, type Coverage } from '@trustlint/model';
import { SourceFile, parseYaml } from '@trustlint/parser';

export function control(path: string, text: string): Control {
  const file = new SourceFile(path, text);
  const [document] = parseYaml(file).documents;
  return buildControl(file, document?.root ?? null, document?.value, 0);
}

/** The config of `sampleCoverage`: the frameworks given (YAML flow mapping), and the exclusion of A1.3. */
export function sampleConfig(frameworks = '{soc2: {categories: [security, availability]}, iso27001: {}}') {
  return parseConfig(
    [`frameworks: ${frameworks}`, 'exclusions:', '  - {criterion: A1.3, reason: Done by the hosting provider., approver: erin}', ''].join('\n'),
    '/r/trustlint.config.yaml',
  );
}

export function sampleCoverage(controls: readonly Control[] = sampleControls(), frameworks?: string): Coverage {
  return computeCoverage(sampleConfig(frameworks), controls);
}

export function sampleControls(): Control[] {
  return [
    control('controls/b.yaml', 'id: PLAN-01\nowner: sre\nstatus: planned\nsatisfies: {soc2: [CC1.2, CC1.1]}\n'),
    control('controls/a.yaml', 'id: AC-01\ntitle: Access review\nowner: security\nstatus: implemented\nsatisfies: {soc2: [CC1.1, CC6.1, A1.1]}\n'),
    control('controls/c.yaml', 'status: partially-implemented\nsatisfies: {soc2: [CC2.1, A1.2], iso27001: [A.5.1]}\n'),
  ];
}
