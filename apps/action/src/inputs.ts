/**
 * The Action's inputs, read from the environment the runner sets and
 * checked: a misspelt value is an error that stops the run, never a default
 * that silently changes what the gate means.
 */
import * as core from '@actions/core';
import type { FrameworkId } from '@trustlint/model';

export type AnnotationMode = 'auto' | 'check-run' | 'workflow-commands' | 'off';
export type FailOn = 'error' | 'warning' | 'never';

export interface Inputs {
  path: string;
  config: string | undefined;
  failOn: FailOn;
  /** The frameworks whose coverage the gate requires; undefined for every enabled one. */
  frameworks: FrameworkId[] | undefined;
  comment: boolean;
  annotations: AnnotationMode;
  changedOnly: boolean;
  sarifFile: string | undefined;
  token: string;
}

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim();
  if (value === '') return fallback;
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new InputError(`Input \`${name}\` is "${value}"; expected one of ${allowed.map((item) => `"${item}"`).join(', ')}.`);
  return found;
}

function flag(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new InputError(`Input \`${name}\` is "${value}"; expected true or false.`);
}

function optional(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

const FRAMEWORKS: readonly FrameworkId[] = ['soc2', 'iso27001'];

/** A comma-separated list of framework ids, each once, in the order given; undefined when empty. */
function frameworks(name: string): FrameworkId[] | undefined {
  const value = core.getInput(name).trim();
  if (value === '') return undefined;
  const ids: FrameworkId[] = [];
  for (const item of value.split(',').map((part) => part.trim())) {
    const id = FRAMEWORKS.find((candidate) => candidate === item);
    if (id === undefined) {
      throw new InputError(`Input \`${name}\` is "${value}"; expected a comma-separated list of ${FRAMEWORKS.map((known) => `"${known}"`).join(' and ')}, such as "soc2,iso27001".`);
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function readInputs(): Inputs {
  return {
    path: optional('path') ?? '.',
    config: optional('config'),
    failOn: choice('fail-on', ['error', 'warning', 'never'], 'error'),
    frameworks: frameworks('frameworks'),
    comment: flag('comment', true),
    annotations: choice('annotations', ['auto', 'check-run', 'workflow-commands', 'off'], 'auto'),
    changedOnly: flag('changed-only', true),
    sarifFile: optional('sarif-file'),
    token: core.getInput('github-token').trim(),
  };
}
