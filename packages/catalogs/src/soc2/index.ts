import { defineCatalog } from '../catalog.js';
import { tsc2017 } from './tsc-2017.js';

/** Accepts a canonical SOC 2 id in any letter case: `cc6.1` → `CC6.1`. */
export function spellSoc2(raw: string): string | undefined {
  return /^[A-Za-z]{1,2}[1-9]\.[1-9]$/.test(raw) ? raw.toUpperCase() : undefined;
}

/** The AICPA Trust Services Criteria (2017, points of focus revised 2022). */
export const soc2 = defineCatalog(tsc2017, spellSoc2);
