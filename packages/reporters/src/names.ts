/**
 * The names of the output formats, in the order `--help` lists them: a module
 * that imports nothing (`@trustlint/reporters/names`), so that a command line
 * can offer the choices without loading a formatter.
 */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'markdown', 'junit'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

/** The formats of the Statement of Applicability (`trustlint soa`). */
export const SOA_FORMATS = ['markdown', 'csv', 'json'] as const;

export type SoaFormat = (typeof SOA_FORMATS)[number];
