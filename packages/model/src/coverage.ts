/**
 * Coverage: which in-scope criteria have an implemented control.
 *
 * Only controls whose status is `implemented` cover a criterion; a criterion
 * whose best control is `partially-implemented` is partial, and partial
 * criteria are uncovered as far as a gate is concerned. A criterion listed in
 * the config's exclusions does not need a control.
 */
import { catalogs, type Catalog, type Category, type Criterion } from '@trustlint/catalogs';
import type { Config, Exclusion, FrameworkId } from './config.js';
import type { Control, CriterionRef, MarkdownDocument } from './entities.js';

export type CriterionState = 'covered' | 'partial' | 'uncovered' | 'excluded';

export interface CriterionCoverage {
  criterion: Criterion;
  state: CriterionState;
  /** Implemented controls that cover it. */
  controls: Control[];
  /** Controls that map to it but do not cover it (partial, planned, not applicable). */
  otherControls: Control[];
  /** Policies and other documents that list it (which state intent; they do not cover it). */
  documents: MarkdownDocument[];
  exclusion: Exclusion | undefined;
}

export interface CategoryCoverage {
  category: Category;
  total: number;
  covered: number;
  partial: number;
  uncovered: number;
  excluded: number;
}

export interface FrameworkCoverage {
  framework: FrameworkId;
  catalog: Catalog;
  /** In-scope criterion ids, in catalog order. */
  inScope: string[];
  covered: string[];
  /** Uncovered criteria that have a partially implemented control (a subset of `uncovered`). */
  partial: string[];
  uncovered: string[];
  excluded: string[];
  /** Each in-scope criterion, in catalog order. */
  criteria: CriterionCoverage[];
  /** Totals per in-scope category. */
  categories: CategoryCoverage[];
}

export interface Coverage {
  frameworks: FrameworkCoverage[];
  framework(id: FrameworkId): FrameworkCoverage | undefined;
}

/** The criteria ids of a framework that the config puts in scope. */
export function inScopeCategories(config: Config, framework: FrameworkId): Category[] {
  const catalog = catalogs[framework];
  if (framework === 'soc2') {
    const settings = config.frameworks.soc2;
    if (!settings) return [];
    return catalog.categories.filter((category) => category.alwaysInScope || settings.categories.includes(category.id));
  }
  return config.frameworks.iso27001 ? [...catalog.categories] : [];
}

/** The canonical criterion a control's reference names, if it names one. */
export function canonicalCriterion(framework: FrameworkId | undefined, id: string): string | undefined {
  return framework ? catalogs[framework].canonicalize(id) : undefined;
}

/** Which of `items` list each canonical criterion of `framework`. */
function listing<T extends { satisfies: readonly CriterionRef[] }>(items: readonly T[], framework: FrameworkId): Map<string, T[]> {
  const byCriterion = new Map<string, T[]>();
  for (const item of items) {
    for (const ref of item.satisfies) {
      const id = canonicalCriterion(ref.framework, ref.id);
      if (id === undefined || ref.framework !== framework) continue;
      const list = byCriterion.get(id) ?? [];
      if (!list.includes(item)) list.push(item);
      byCriterion.set(id, list);
    }
  }
  return byCriterion;
}

export function computeCoverage(config: Config, controls: readonly Control[], documents: readonly MarkdownDocument[] = []): Coverage {
  const frameworks: FrameworkCoverage[] = [];
  for (const framework of ['soc2', 'iso27001'] as const) {
    const categories = inScopeCategories(config, framework);
    if (categories.length === 0) continue;
    const catalog = catalogs[framework];
    const mapped = listing(controls, framework);
    const documented = listing(documents, framework);
    const exclusions = new Map(
      config.exclusions
        .filter((exclusion) => exclusion.framework === framework)
        .flatMap((exclusion) => {
          const id = catalog.canonicalize(exclusion.criterion.trim());
          return id ? [[id, exclusion] as const] : [];
        }),
    );
    const result: FrameworkCoverage = {
      framework,
      catalog,
      inScope: [],
      covered: [],
      partial: [],
      uncovered: [],
      excluded: [],
      criteria: [],
      categories: [],
    };
    for (const category of categories) {
      const totals: CategoryCoverage = { category, total: 0, covered: 0, partial: 0, uncovered: 0, excluded: 0 };
      for (const id of category.criteria) {
        const criterion = catalog.get(id);
        if (!criterion) continue;
        const all = mapped.get(id) ?? [];
        const implemented = all.filter((control) => control.status === 'implemented');
        const others = all.filter((control) => control.status !== 'implemented');
        const exclusion = exclusions.get(id);
        let state: CriterionState;
        if (implemented.length) state = 'covered';
        else if (exclusion) state = 'excluded';
        else if (others.some((control) => control.status === 'partially-implemented')) state = 'partial';
        else state = 'uncovered';
        result.inScope.push(id);
        totals.total++;
        if (state === 'covered') {
          result.covered.push(id);
          totals.covered++;
        } else if (state === 'excluded') {
          result.excluded.push(id);
          totals.excluded++;
        } else {
          result.uncovered.push(id);
          totals.uncovered++;
          if (state === 'partial') {
            result.partial.push(id);
            totals.partial++;
          }
        }
        result.criteria.push({ criterion, state, controls: implemented, otherControls: others, documents: documented.get(id) ?? [], exclusion });
      }
      result.categories.push(totals);
    }
    frameworks.push(result);
  }
  return { frameworks, framework: (id) => frameworks.find((entry) => entry.framework === id) };
}
