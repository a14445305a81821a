import { describe, expect, it } from 'vitest';
import { schemaId, schemas, type SchemaName } from './index.js';

describe('schemas', () => {
  it('publishes every schema under its stable $id, in the 2020-12 dialect', () => {
    for (const name of Object.keys(schemas) as SchemaName[]) {
      expect(schemas[name].$id).toBe(schemaId(name));
      expect(schemas[name].$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });
});
