import { defineCatalog } from '../catalog.js';
import type { LegacyControl } from '../types.js';
import { annexA2013 } from './annex-a-2013.js';
import { annexA2022 } from './annex-a-2022.js';

/**
 * Accepts `A.5.15`, `a.5.15`, `A5.15` and `5.15` as spellings of `A.5.15`.
 * Numbers with leading zeros are not accepted.
 */
export function spellIso27001(raw: string): string | undefined {
  const match = /^(?:[Aa]\.?)?([1-9][0-9]*)\.([1-9][0-9]*)$/.exec(raw);
  return match === null ? undefined : `A.${match[1] ?? ''}.${match[2] ?? ''}`;
}

/** ISO/IEC 27001:2022 Annex A. */
export const iso27001 = defineCatalog(annexA2022, spellIso27001);

const legacyById = new Map<string, LegacyControl>(
  annexA2013.map((control) => [
    control.id,
    Object.freeze({ id: control.id, title: control.title, successors: Object.freeze([...control.successors]) }),
  ]),
);

/** ISO/IEC 27001:2013 Annex A, with each control's 2022 successors. */
export const iso27001_2013: {
  readonly all: readonly LegacyControl[];
  get(id: string): LegacyControl | undefined;
} = Object.freeze({
  all: Object.freeze([...legacyById.values()]),
  /** The control with this id, in any letter case (`a.9.2.1`). */
  get(id: string): LegacyControl | undefined {
    return /^[Aa](?:\.[0-9]+){3}$/.test(id) ? legacyById.get(id.toUpperCase()) : undefined;
  },
});
