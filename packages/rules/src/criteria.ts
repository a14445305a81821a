/**
 * What rules say about criteria: whether one is in the program's scope (and
 * if not, what it belongs to and how to put it in scope), where a program-wide
 * finding about one belongs, and which ids a mistyped one probably meant.
 */
import { join } from 'node:path';
import { catalogs, iso27001, iso27001_2013, type Criterion } from '@trustlint/catalogs';
import { fileStart, inScopeCategories, suggest, type Config, type FrameworkId, type Location } from '@trustlint/model';
import { SourceFile, type DataPath } from '@trustlint/parser';
import { andList } from './wording.js';

/** Framework names as messages say them. */
export const FRAMEWORK_TITLES: Readonly<Record<FrameworkId, string>> = { soc2: 'SOC 2', iso27001: 'ISO/IEC 27001' };

const FRAMEWORKS: readonly FrameworkId[] = ['soc2', 'iso27001'];

export interface OutOfScope {
  /** `category`: a SOC 2 category the config does not choose; `framework`: a framework it does not enable. */
  reason: 'category' | 'framework';
  /** What the criterion belongs to: `SOC 2 Availability`, `ISO/IEC 27001`. */
  belongsTo: string;
  /** What is in scope instead: `Security and Confidentiality`, `SOC 2`. */
  inScope: string;
  /** How to put it in scope: ``add `availability` to `frameworks.soc2.categories` in trustlint.config.yaml``. */
  fix: string;
  /** The config setting that decides, and what to say about it there. */
  setting: { path: DataPath; note: string };
}

/** The config file's path as findings name it (its default name when there is none). */
export function configPath(config: Config): string {
  return config.file?.path ?? 'trustlint.config.yaml';
}

/** Where a path of the config is; the start of the config file when there is none. */
export function locateInConfig(config: Config, path: DataPath, target?: 'key' | 'value'): Location {
  const found = config.locate(path, target);
  if (found) return found;
  const name = configPath(config);
  return fileStart(new SourceFile(name, '', join(config.root, name)));
}

/**
 * Why a criterion (a canonical id of `framework`'s catalog) is out of scope,
 * or undefined when it is in scope.
 */
export function outOfScope(config: Config, framework: FrameworkId, id: string): OutOfScope | undefined {
  const category = catalogs[framework].categoryOf(id);
  if (category === undefined) return undefined;
  const categories = inScopeCategories(config, framework);
  if (categories.length === 0) {
    const enabled = FRAMEWORKS.filter((other) => inScopeCategories(config, other).length > 0).map((other) => FRAMEWORK_TITLES[other]);
    const value = framework === 'soc2' && !category.alwaysInScope ? `{categories: [${category.id}]}` : '{}';
    return {
      reason: 'framework',
      belongsTo: FRAMEWORK_TITLES[framework],
      inScope: enabled.length ? andList(enabled) : 'nothing',
      fix: `add \`${framework}: ${value}\` under \`frameworks\` in ${configPath(config)}`,
      setting: { path: ['frameworks'], note: 'The frameworks in scope are set here.' },
    };
  }
  if (categories.some((inScope) => inScope.id === category.id)) return undefined;
  return {
    reason: 'category',
    belongsTo: `${FRAMEWORK_TITLES[framework]} ${category.name}`,
    inScope: andList(categories.map((inScope) => inScope.name)),
    fix: `add \`${category.id}\` to \`frameworks.${framework}.categories\` in ${configPath(config)}`,
    setting: { path: ['frameworks', framework, 'categories'], note: `The ${FRAMEWORK_TITLES[framework]} categories in scope are set here.` },
  };
}

/**
 * Where a program-wide finding about a criterion belongs: the config line
 * that puts its category in scope (Security is always in scope, so its
 * criteria point at the framework's key, as do all of ISO/IEC 27001's), or
 * the config's first line.
 */
export function scopeLocation(config: Config, framework: FrameworkId, criterion: Criterion): Location {
  const categories = config.frameworks.soc2?.categories ?? [];
  const index = framework === 'soc2' ? categories.indexOf(criterion.category) : -1;
  if (index >= 0 && criterion.category !== 'security') return locateInConfig(config, ['frameworks', 'soc2', 'categories', index]);
  return locateInConfig(config, ['frameworks', framework], 'key');
}

/**
 * The ids a mistyped criterion id probably meant: the closest by edit
 * distance; among many equally close, those of the same group nearest by
 * number (`PI1.6` → `PI1.5`, not all five PI1 criteria).
 */
export function closestCriteria(id: string, candidates: readonly string[]): string[] {
  const close = suggest(id, candidates);
  if (close.length <= 2) return close;
  const split = (value: string) => {
    const dot = value.lastIndexOf('.');
    return { group: value.slice(0, dot).toUpperCase(), number: Number(value.slice(dot + 1)) };
  };
  const wanted = split(id);
  const sameGroup = close.filter((candidate) => split(candidate).group === wanted.group && Number.isFinite(wanted.number));
  if (sameGroup.length === 0) return close.slice(0, 3);
  const gap = (candidate: string) => Math.abs(split(candidate).number - wanted.number);
  const best = Math.min(...sameGroup.map(gap));
  return sameGroup.filter((candidate) => gap(candidate) === best);
}

/**
 * The id to compare with a catalog's canonical ids when looking for what a
 * mistyped one meant: an Annex A id gets the `A.` its canonical form has
 * (`8.35` → `A.8.35`), so that a missing prefix does not count as a typo.
 */
export function suggestionProbe(framework: FrameworkId, id: string): string {
  const trimmed = id.trim();
  return framework === 'iso27001' ? trimmed.replace(/^(?:a\.?)?(?=[0-9])/i, 'A.') : trimmed;
}

/** How many 2022 successors a message names before it only counts them. */
export const LEGACY_SUCCESSORS_NAMED = 4;

/**
 * The ISO/IEC 27001:2022 controls that a 2013-numbered id became, in catalog
 * order: those of one control (`A.9.2.1` → `A.5.16`), or of every control of
 * a 2013 objective or clause (`A.9.2`, `A.12`). The `A.` prefix may be left
 * out or written in any case (`9.2.1`, `a.9.2.1`). Undefined when the id is
 * not 2013 numbering; a bare clause is 2013 numbering only from `A.9` on,
 * since `A.5` to `A.8` are themes of the 2022 edition too.
 */
export function legacyIsoSuccessors(id: string): string[] | undefined {
  const match = /^(?:a\.?)?([1-9][0-9]*(?:\.[1-9][0-9]*){0,2})$/i.exec(id.trim());
  if (match === null) return undefined;
  const numbers = match[1] ?? '';
  if (!numbers.includes('.') && Number(numbers) < 9) return undefined;
  const normalized = `A.${numbers}`;
  const exact = iso27001_2013.get(normalized);
  const controls = exact ? [exact] : iso27001_2013.all.filter((control) => control.id.startsWith(`${normalized}.`));
  if (controls.length === 0) return undefined;
  const successors = new Set(controls.flatMap((control) => control.successors));
  return iso27001.criteria.map((criterion) => criterion.id).filter((successor) => successors.has(successor));
}
