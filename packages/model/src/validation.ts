/**
 * Schema validation with ajv, and ajv's errors said in plain words.
 *
 * Each error becomes a message that names what was found and what was
 * expected, and a data path that the YAML layer maps to an exact range.
 */
import { Ajv2020, type ErrorObject, type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { formatPath, pointerToPath, type DataPath } from '@trustlint/parser';
import { schemaId, schemas, type SchemaName } from '@trustlint/schemas';
import { interpolate } from './messages.js';
import { orList, suggest } from './suggest.js';
import * as precompiled from './validators.generated.js';

export type ValidatorName = 'config' | 'control' | 'policy' | 'owners' | 'evidence' | 'baseline';

/** Where in the schemas each of trustlint's file shapes is defined. */
export const VALIDATOR_REFS: Readonly<Record<ValidatorName, string>> = {
  config: schemaId('config'),
  control: `${schemaId('control')}#/$defs/control`,
  policy: schemaId('policy'),
  owners: schemaId('owners'),
  evidence: schemaId('evidence'),
  baseline: schemaId('baseline'),
};

/** The ajv options of every validator, precompiled or compiled at run time. */
export const AJV_OPTIONS = { allErrors: true, strict: true, strictTuples: false, verbose: true, allowUnionTypes: true } as const satisfies Options;

/** The formats the schemas use. */
export const SCHEMA_FORMATS = ['date', 'email'] as const;

/**
 * An ajv instance that knows every schema: for rule options, whose schemas
 * are only known at run time. The file shapes use the validators generated
 * from the same schemas with the same options (validators.generated.ts),
 * so a run compiles no schema unless a config sets a rule's options.
 */
let ajv: Ajv2020 | undefined;

/** An ajv instance with trustlint's options, formats and schemas. */
export function schemaAjv(options: Options = {}): Ajv2020 {
  const instance = new Ajv2020({ ...AJV_OPTIONS, ...options });
  for (const format of SCHEMA_FORMATS) instance.addFormat(format, fullFormats[format]);
  for (const name of Object.keys(schemas) as SchemaName[]) instance.addSchema(schemas[name]);
  return instance;
}

/** The validator of one of trustlint's file shapes, precompiled from its schema. */
export function validator(name: ValidatorName): ValidateFunction {
  return (precompiled as unknown as Record<ValidatorName, ValidateFunction>)[name];
}

/** A compiled validator for a rule's options schema (cached by schema object). */
const optionValidators = new WeakMap<object, ValidateFunction>();
export function compileSchema(schema: object): ValidateFunction {
  let validate = optionValidators.get(schema);
  if (validate === undefined) {
    ajv ??= schemaAjv();
    validate = ajv.compile(schema);
    optionValidators.set(schema, validate);
  }
  return validate;
}

/** Message templates for schema violations, by id; `{{…}}` are filled from `data`. */
export const SCHEMA_MESSAGES = {
  required: 'Missing required key `{{key}}`{{context}}{{hint}}.',
  additionalProperties: 'Unexpected key `{{key}}`{{context}}; expected one of {{allowed}}.{{suggestion}}',
  enum: 'Unexpected value {{found}} for {{where}}; expected one of {{allowed}}.{{suggestion}}',
  const: 'Unexpected value {{found}} for {{where}}; expected {{expected}}.',
  type: '{{Where}} should be {{expected}}, found {{found}}.',
  format: '{{Where}} should be {{expected}}, found {{found}}.',
  minLength: '{{Where}} should not be empty.',
  pattern: '{{Where}} {{requirement}}, found {{found}}.',
  size: '{{Where}} should have {{bound}} {{limit}} {{unit}}.',
  uniqueItems: '{{Where}} lists the same value twice (items {{first}} and {{second}}).',
  range: '{{Where}} should be {{comparison}} {{limit}}, found {{found}}.',
  other: '{{Where}} {{reason}}.',
} as const;

export type SchemaMessageId = keyof typeof SCHEMA_MESSAGES;

export interface SchemaViolation {
  /** Path of the offending value (or of the object missing a key). */
  path: DataPath;
  /** Whether the finding belongs on the key rather than on the value. */
  target: 'key' | 'value';
  messageId: SchemaMessageId;
  data: Record<string, string>;
  /** Plain words: what was found and what was expected. */
  message: string;
  /** The ajv keyword, for callers that want to group or filter. */
  keyword: string;
}

/** Validates `value` and returns its violations in plain words. */
export function validate(name: ValidatorName, value: unknown): SchemaViolation[] {
  const fn = validator(name);
  return fn(value) ? [] : describeErrors(fn.errors ?? []);
}

/**
 * Turns ajv errors into plain-word violations: one per place, without the
 * noise of `oneOf`/`anyOf` branches when a more specific error exists.
 */
export function describeErrors(errors: readonly ErrorObject[]): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  const seen = new Set<string>();
  const failedPaths = errors.filter((e) => !isComposite(e.keyword)).map((e) => e.instancePath);
  for (const error of errors) {
    if (isComposite(error.keyword) && failedPaths.some((p) => p.startsWith(error.instancePath))) continue;
    const violation = describe(error);
    const key = `${violation.path.join('\u0000')}\u0001${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
  }
  return violations;
}

function isComposite(keyword: string): boolean {
  return keyword === 'oneOf' || keyword === 'anyOf' || keyword === 'if' || keyword === 'not';
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const close = suggest(word, candidates);
  return close.length ? ` Did you mean ${orList(close)}?` : '';
}

function violation(
  path: DataPath,
  target: 'key' | 'value',
  keyword: string,
  messageId: SchemaMessageId,
  data: Record<string, string>,
): SchemaViolation {
  return { path, target, keyword, messageId, data, message: interpolate(SCHEMA_MESSAGES[messageId], data) };
}

function describe(error: ErrorObject): SchemaViolation {
  const path = pointerToPath(error.instancePath);
  const where = path.length === 0 ? 'the document' : `\`${formatPath(path)}\``;
  const Where = path.length === 0 ? 'The document' : where;
  const context = path.length ? ` in ${where}` : '';
  const found = describeValue(error.data);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const { keyword } = error;
  switch (keyword) {
    case 'required': {
      const key = String(params.missingProperty);
      const properties = (parent.properties ?? {}) as Record<string, { description?: string }>;
      const description = properties[key]?.description;
      const hint = description ? ` (${lowerFirst(description.replace(/\.$/, ''))})` : '';
      return violation(path, 'key', keyword, 'required', { key, context, hint });
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      return violation([...path, key], 'key', keyword, 'additionalProperties', {
        key,
        context,
        allowed: listOf(allowed),
        suggestion: didYouMean(key, allowed),
      });
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => String(v));
      const suggestion = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
      return violation(path, 'value', keyword, 'enum', { found, where, allowed: listOf(allowed), suggestion });
    }
    case 'const':
      return violation(path, 'value', keyword, 'const', { found, where, expected: describeValue(params.allowedValue) });
    case 'type': {
      const expected = String(params.type).split(',').map(article).join(' or ');
      return violation(path, 'value', keyword, 'type', { Where, expected, found });
    }
    case 'format': {
      const formats: Record<string, string> = { date: 'a date written YYYY-MM-DD', email: 'an email address' };
      const expected = formats[String(params.format)] ?? `a valid ${String(params.format)}`;
      return violation(path, 'value', keyword, 'format', { Where, expected, found });
    }
    case 'minLength':
      return violation(path, 'value', keyword, 'minLength', { Where });
    case 'pattern': {
      const pattern = String(params.pattern);
      const requirement =
        pattern === '\\S'
          ? 'should contain text'
          : pattern.startsWith('^\\S')
            ? 'should not start or end with spaces'
            : `should match the pattern ${pattern}`;
      return violation(path, 'value', keyword, 'pattern', { Where, requirement, found });
    }
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      return violation(path, 'value', keyword, 'size', {
        Where,
        bound: keyword.startsWith('min') ? 'at least' : 'at most',
        limit: String(params.limit),
        unit: `${keyword.endsWith('Items') ? 'item' : 'key'}${Number(params.limit) === 1 ? '' : 's'}`,
      });
    case 'uniqueItems':
      return violation(path, 'value', keyword, 'uniqueItems', { Where, first: String(params.j), second: String(params.i) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return violation(path, 'value', keyword, 'range', { Where, comparison: String(params.comparison), limit: String(params.limit), found });
    default:
      return violation(path, 'value', keyword, 'other', { Where, reason: error.message ?? 'is invalid' });
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    null: 'empty',
  };
  return names[type] ?? type;
}

/** Describes a value for a message: `text`, 12, a list, a mapping, empty. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `\`${truncate(value)}\``;
  if (typeof value === 'number' || typeof value === 'boolean') return `\`${String(value)}\``;
  return `a value of type ${typeof value}`;
}

function truncate(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function listOf(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
