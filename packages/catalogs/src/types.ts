/**
 * The shapes shared by every criteria catalog.
 *
 * Titles and descriptions are trustlint's own short paraphrases, written to
 * identify what each criterion or control is about; they are not the
 * published text of the AICPA or ISO/IEC standards.
 */

/** The frameworks trustlint knows. */
export type FrameworkId = 'soc2' | 'iso27001';

/** One criterion (SOC 2) or control (ISO/IEC 27001 Annex A). */
export interface Criterion {
  /** Canonical id: `CC6.1`, `A1.2`, `PI1.5`, `P8.1` or `A.5.15`. */
  readonly id: string;
  readonly framework: FrameworkId;
  /** Id of the {@link Category} that holds it. */
  readonly category: string;
  /** SOC 2: the series (`CC6`, `A1`, `PI1`, `P4`); ISO/IEC 27001: the clause (`A.5` … `A.8`). */
  readonly group: string;
  /** Short name. */
  readonly title: string;
  /** One plain sentence saying what it is about. */
  readonly description: string;
}

/** A SOC 2 trust services category or an ISO/IEC 27001 Annex A theme. */
export interface Category {
  readonly id: string;
  readonly name: string;
  /** Whether every engagement or certification covers it. */
  readonly alwaysInScope: boolean;
  /** Canonical ids of its criteria, in catalog order. */
  readonly criteria: readonly string[];
}

/** A versioned catalog of criteria with lookups by id. */
export interface Catalog {
  readonly framework: FrameworkId;
  readonly name: string;
  readonly version: string;
  readonly categories: readonly Category[];
  /** Every criterion, in catalog order. */
  readonly criteria: readonly Criterion[];
  /** The criterion with this exact canonical id. */
  get(id: string): Criterion | undefined;
  /**
   * The canonical id for an accepted spelling of an existing criterion, else
   * `undefined`. No trimming and no fuzzy matching.
   */
  canonicalize(raw: string): string | undefined;
  /** The category of the criterion with this exact canonical id. */
  categoryOf(id: string): Category | undefined;
}

/** A control of a superseded edition and the controls that replace it. */
export interface LegacyControl {
  readonly id: string;
  readonly title: string;
  /** Canonical ids in the current edition. */
  readonly successors: readonly string[];
}
