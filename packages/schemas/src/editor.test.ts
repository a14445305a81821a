import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITOR_SCHEMA_NAMES, editorSchema, editorSchemaPath, editorSchemaText } from './editor.js';
import { schemaId, schemas } from './index.js';

const PACKAGE = join(import.meta.dirname, '..');
/** `npm run generate -w @trustlint/schemas` sets it to write the files instead of checking them. */
const UPDATE = process.env.TRUSTLINT_UPDATE_SCHEMAS === '1';

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON Pointer `pointer` (after `#`) in `root`. */
function pointTo(root: Node, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, part) => (isNode(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), root);
}

/**
 * A schema with every `$ref` replaced by what it points at (and `$defs` left
 * out), so that two schemas can be compared by what they require.
 */
function expand(value: unknown, root: Node, files: Readonly<Record<string, Node>>): unknown {
  if (Array.isArray(value)) return value.map((item) => expand(item, root, files));
  if (!isNode(value)) return value;
  const result: Node = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$defs') continue;
    if (key === '$ref' && typeof item === 'string') {
      const [file, pointer = ''] = item.split('#');
      const target = file ? files[file] : root;
      if (target === undefined) throw new Error(`Unresolvable $ref ${item}`);
      const found = pointTo(target, pointer);
      if (found === undefined) throw new Error(`Unresolvable $ref ${item}`);
      result.$ref = expand(found, target, files);
    } else {
      result[key] = expand(item, root, files);
    }
  }
  return result;
}

describe('editor schemas', () => {
  it('are up to date with the sources (regenerate with `npm run generate -w @trustlint/schemas`)', () => {
    for (const name of EDITOR_SCHEMA_NAMES) {
      const path = join(PACKAGE, editorSchemaPath(name));
      const expected = editorSchemaText(name);
      if (UPDATE) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, expected);
      }
      expect(existsSync(path), `${editorSchemaPath(name)} is missing`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${editorSchemaPath(name)} is out of date`).toBe(expected);
    }
    const published = readdirSync(join(PACKAGE, 'schemas/editor')).sort();
    expect(published).toEqual(EDITOR_SCHEMA_NAMES.map((name) => `${name}.schema.json`).sort());
  });

  it('keep the stable $ids and need no other file', () => {
    for (const name of EDITOR_SCHEMA_NAMES) {
      const schema = editorSchema(name);
      expect(schema.$id).toBe(schemaId(name));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"([^"]*)"/g)].map((match) => match[1] ?? '');
      for (const ref of refs) {
        expect(ref).toMatch(/^#\/\$defs\/[\w-]+$/);
        expect(pointTo(schema, ref.slice(1)), ref).toBeDefined();
      }
    }
    expect(Object.keys(editorSchema('control').$defs as Node).sort()).toEqual(['control', 'criteria', 'date', 'evidenceRecord', 'id', 'ownerRef', 'satisfies', 'text']);
  });

  it('require exactly what the sources require', () => {
    const files = { 'common.schema.json': schemas.common as Node };
    for (const name of EDITOR_SCHEMA_NAMES) {
      const source = schemas[name] as Node;
      const copy = editorSchema(name);
      expect(expand(copy, copy, {}), name).toEqual(expand(source, source, files));
    }
  });
});
