/**
 * A JUnit XML consumer's view of a document, for the tests of every JUnit
 * output: well-formedness (fast-xml-parser's validator, and what it lets
 * through), then the reading of `junit2json`, as CI systems read it.
 */
import { XMLValidator } from 'fast-xml-parser';
import { parse, type TestSuites } from 'junit2json';

/** Why a document is not well-formed JUnit XML as trustlint writes it; empty when it is. */
export function junitProblems(xml: string): string[] {
  const problems: string[] = [];
  if (!xml.endsWith('</testsuites>\n')) problems.push('does not end with `</testsuites>` and a line feed');
  // Deprecated in favour of a separate package that this repository does not install; it still validates.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(xml);
  if (valid !== true) problems.push(`not well-formed: ${JSON.stringify(valid.err)}`);
  // What that validator lets through: characters XML 1.0 forbids, `]]>` in text, `<` in attribute values.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(xml)) {
    problems.push('holds a character that XML 1.0 forbids');
  }
  if (xml.includes(']]>')) problems.push('holds `]]>` in text');
  if (/="[^"]*</.test(xml)) problems.push('holds `<` in an attribute value');
  return problems;
}

/** The document as `junit2json` reads it. */
export async function parseJunit(xml: string): Promise<TestSuites> {
  return (await parse(xml)) as TestSuites;
}
