/**
 * Builds a {@link Catalog} from a versioned data module. Both frameworks go
 * through this one factory; only the data and the accepted spellings differ.
 */
import type { Catalog, Category, Criterion, FrameworkId } from './types.js';

/** A criterion as written in a data module. */
export interface CriterionData {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** A category as written in a data module, holding its criteria in order. */
export interface CategoryData {
  readonly id: string;
  readonly name: string;
  readonly alwaysInScope: boolean;
  readonly criteria: readonly CriterionData[];
}

/** The content of one edition of a framework's catalog. */
export interface CatalogData {
  readonly framework: FrameworkId;
  readonly name: string;
  readonly version: string;
  readonly categories: readonly CategoryData[];
}

/**
 * Maps a raw spelling to the canonical form it would have, or `undefined`
 * when the spelling is not accepted. It need not check that the id exists.
 */
export type Speller = (raw: string) => string | undefined;

/**
 * Creates a frozen catalog. The group of a criterion is its id without the
 * last dot-separated segment (`CC6.1` → `CC6`, `A.5.15` → `A.5`).
 *
 * @throws Error when an id repeats or is not in its own canonical spelling.
 */
export function defineCatalog(data: CatalogData, spell: Speller): Catalog {
  const byId = new Map<string, Criterion>();
  const categoryById = new Map<string, Category>();
  const categories: Category[] = [];

  for (const categoryData of data.categories) {
    const category: Category = Object.freeze({
      id: categoryData.id,
      name: categoryData.name,
      alwaysInScope: categoryData.alwaysInScope,
      criteria: Object.freeze(categoryData.criteria.map((c) => c.id)),
    });
    categories.push(category);
    for (const { id, title, description } of categoryData.criteria) {
      if (byId.has(id)) throw new Error(`${data.framework}: duplicate criterion id ${id}`);
      if (spell(id) !== id) throw new Error(`${data.framework}: ${id} is not a canonical id`);
      byId.set(id, Object.freeze({ id, framework: data.framework, category: category.id, group: groupOf(id), title, description }));
      categoryById.set(id, category);
    }
  }

  return Object.freeze({
    framework: data.framework,
    name: data.name,
    version: data.version,
    categories: Object.freeze(categories),
    criteria: Object.freeze([...byId.values()]),
    get: (id: string) => byId.get(id),
    canonicalize(raw: string) {
      const id = spell(raw);
      return id !== undefined && byId.has(id) ? id : undefined;
    },
    categoryOf: (id: string) => categoryById.get(id),
  });
}

function groupOf(id: string): string {
  return id.slice(0, id.lastIndexOf('.'));
}
