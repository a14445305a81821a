/**
 * Editor-ready copies of the schemas, published as
 * `@trustlint/schemas/schemas/editor/<name>.schema.json`.
 *
 * The source schemas `$ref` the shared definitions relatively
 * (`common.schema.json#/$defs/…`); resolved against their `$id`s that means
 * https://trustlint.dev/schemas/v1/common.schema.json, which an editor that
 * loads a schema from disk (yaml-language-server through a modeline or
 * `yaml.schemas`) would try to fetch. An editor copy needs nothing else: the
 * shared definitions it uses (and the ones those use) are copied into its own
 * `$defs` under their own names, and its references point there
 * (`#/$defs/…`). Everything else, the stable `$id` included, is the source's.
 *
 * The files are generated from the sources, never edited by hand:
 * `npm run generate -w @trustlint/schemas` writes them, and a test fails when
 * they are out of date.
 */
import { schemas, type SchemaName } from './index.js';

/** The schemas an editor copy is published for (all but the shared definitions). */
export const EDITOR_SCHEMA_NAMES = ['config', 'control', 'policy', 'owners', 'evidence', 'baseline'] as const satisfies readonly SchemaName[];

export type EditorSchemaName = (typeof EDITOR_SCHEMA_NAMES)[number];

/** Where an editor copy is, relative to the package's root folder. */
export function editorSchemaPath(name: EditorSchemaName): string {
  return `schemas/editor/${name}.schema.json`;
}

const COMMON_REF = 'common.schema.json#/$defs/';
const LOCAL_REF = '#/$defs/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `value` with every `$ref` passed through `rewrite`. */
function mapRefs(value: Json, rewrite: (ref: string) => string): Json {
  if (Array.isArray(value)) return value.map((item) => mapRefs(item, rewrite));
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === '$ref' && typeof item === 'string' ? rewrite(item) : mapRefs(item, rewrite)]));
}

/** Every `$ref` in `value`. */
function refsIn(value: Json): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => (key === '$ref' && typeof item === 'string' ? [item] : refsIn(item)));
}

/** The schema `name` with the shared definitions it uses inlined under its own `$defs`. */
export function editorSchema(name: EditorSchemaName): Record<string, unknown> {
  const commonDefs = (schemas.common as { $defs: Record<string, Json> }).$defs;
  const source = schemas[name] as { [key: string]: Json };
  const schema = mapRefs(source, (ref) => (ref.startsWith(COMMON_REF) ? `${LOCAL_REF}${ref.slice(COMMON_REF.length)}` : ref)) as { [key: string]: Json };
  const own = isObject(schema.$defs) ? schema.$defs : {};

  // The shared definitions reached from the schema, directly or through each other.
  const needed = new Set<string>();
  const pending = refsIn(source).filter((ref) => ref.startsWith(COMMON_REF)).map((ref) => ref.slice(COMMON_REF.length));
  for (let def = pending.pop(); def !== undefined; def = pending.pop()) {
    if (needed.has(def)) continue;
    const definition = commonDefs[def];
    if (definition === undefined) throw new Error(`${name}.schema.json refers to ${COMMON_REF}${def}, which common.schema.json does not define`);
    if (own[def] !== undefined) throw new Error(`${name}.schema.json defines $defs/${def}, which would hide the shared definition of that name`);
    needed.add(def);
    for (const ref of refsIn(definition)) {
      if (!ref.startsWith(LOCAL_REF)) throw new Error(`common.schema.json#/$defs/${def} refers to ${ref}; expected only its own definitions`);
      pending.push(ref.slice(LOCAL_REF.length));
    }
  }
  const inlined = Object.fromEntries([...needed].sort().map((def) => [def, commonDefs[def] as Json]));

  const result: Record<string, unknown> = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$defs'));
  const defs = { ...own, ...inlined };
  if (Object.keys(defs).length) result.$defs = defs;
  const external = refsIn(result as Json).filter((ref) => !ref.startsWith(LOCAL_REF));
  if (external.length) throw new Error(`${name}.schema.json keeps references to other files: ${external.join(', ')}`);
  return result;
}

/** The text of an editor copy as it is published. */
export function editorSchemaText(name: EditorSchemaName): string {
  return `${JSON.stringify(editorSchema(name), null, 2)}\n`;
}
