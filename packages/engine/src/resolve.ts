/**
 * From the config's `rules` section to the rules that run, each with its
 * severity and validated options. Any unknown rule or bad option is a config
 * error with its place in the file.
 */
import {
  compileSchema,
  ConfigError,
  describeErrors,
  orList,
  suggest,
  type Config,
  type ConfigProblem,
} from '@trustlint/model';
import type { AnyRule, Severity } from './rule.js';

export interface ResolvedRule {
  rule: AnyRule;
  severity: Severity;
  options: object;
}

export function resolveRules(registry: readonly AnyRule[], config: Config): ResolvedRule[] {
  const byName = new Map(registry.map((rule) => [rule.name, rule]));
  const problems: ConfigProblem[] = [];
  const place = (path: (string | number)[], target: 'key' | 'value' = 'value') => {
    const location = config.locate(path, target);
    return location ? location.file.rangeOf(location.span) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  };
  for (const [id, setting] of config.rules) {
    if (byName.has(id)) continue;
    const close = suggest(id, byName.keys());
    problems.push({
      message: `Unknown rule \`${id}\`${close.length ? `; did you mean ${orList(close)}?` : '.'} \`trustlint rules\` lists every rule.`,
      range: place([...setting.path], 'key'),
    });
  }
  const resolved: ResolvedRule[] = [];
  for (const rule of registry) {
    const setting = config.rules.get(rule.name);
    const severity = setting ? setting.severity : rule.meta.severity;
    let options: object = rule.meta.defaultOptions;
    if (setting?.options !== undefined) {
      if (rule.meta.schema === undefined) {
        problems.push({ message: `Rule \`${rule.name}\` takes no options.`, range: place(['rules', rule.name, 1]) });
        continue;
      }
      options = { ...rule.meta.defaultOptions, ...(setting.options as object) };
      const validate = compileSchema(rule.meta.schema);
      if (!validate(options)) {
        for (const violation of describeErrors(validate.errors ?? [])) {
          const optionPath = violation.path.filter((_, index) => !(index === violation.path.length - 1 && violation.target === 'key' && violation.keyword === 'required'));
          problems.push({
            message: `Rule \`${rule.name}\` option: ${violation.message.replace(/^The document/, 'The options')}`,
            range: place(['rules', rule.name, 1, ...optionPath], violation.target),
          });
        }
        continue;
      }
    }
    if (severity === 'off') continue;
    resolved.push({ rule, severity, options });
  }
  if (problems.length) throw new ConfigError(config.file?.path ?? 'trustlint.config.yaml', problems);
  return resolved;
}
