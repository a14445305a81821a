/**
 * The JSON Schemas of every file trustlint reads. They are published as JSON
 * files (`@trustlint/schemas/schemas/<name>.schema.json`) for editors, and
 * exported here as objects for validators. Their `$id`s are stable.
 */
import baseline from '../schemas/baseline.schema.json' with { type: 'json' };
import common from '../schemas/common.schema.json' with { type: 'json' };
import config from '../schemas/config.schema.json' with { type: 'json' };
import control from '../schemas/control.schema.json' with { type: 'json' };
import evidence from '../schemas/evidence.schema.json' with { type: 'json' };
import owners from '../schemas/owners.schema.json' with { type: 'json' };
import policy from '../schemas/policy.schema.json' with { type: 'json' };

export type SchemaName = 'baseline' | 'common' | 'config' | 'control' | 'evidence' | 'owners' | 'policy';

/** Every schema by name; each is a JSON Schema 2020-12 document. */
export const schemas: Readonly<Record<SchemaName, Readonly<Record<string, unknown>>>> = {
  baseline,
  common,
  config,
  control,
  evidence,
  owners,
  policy,
};

/** The `$id` every schema is published under. */
export function schemaId(name: SchemaName): string {
  return `https://trustlint.dev/schemas/v1/${name}.schema.json`;
}

export { EDITOR_SCHEMA_NAMES, editorSchema, editorSchemaPath, editorSchemaText, type EditorSchemaName } from './editor.js';
