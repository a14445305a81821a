/**
 * What rules say about criteria: whether one is in the program's scope (and
 * if not, what it belongs to and how to put it in scope), where a program-wide
 * finding about one belongs, and which ids a mistyped one probably meant.
 */
import { join } from 'node:path';
import { catalogs, type Criterion } from '@trustlint/catalogs';
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
 * criteria point at the framework's key), or the config's first line.
 */
export function scopeLocation(config: Config, framework: FrameworkId, criterion: Criterion): Location {
  const categories = config.frameworks.soc2?.categories ?? [];
  const index = framework === 'soc2' ? categories.indexOf(criterion.category) : -1;
  return locateInConfig(config, index >= 0 && criterion.category !== 'security' ? ['frameworks', 'soc2', 'categories', index] : ['frameworks', framework]);
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
