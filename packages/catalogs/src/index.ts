import { iso27001 } from './iso27001/index.js';
import { soc2 } from './soc2/index.js';
import type { Catalog, FrameworkId } from './types.js';

export type { Catalog, Category, Criterion, FrameworkId, LegacyControl } from './types.js';
export { defineCatalog, type CatalogData, type CategoryData, type CriterionData, type Speller } from './catalog.js';
export { soc2 } from './soc2/index.js';
export { iso27001, iso27001_2013 } from './iso27001/index.js';

/** Every current catalog, by framework. */
export const catalogs: Readonly<Record<FrameworkId, Catalog>> = Object.freeze({ soc2, iso27001 });
