/** Fills `{{name}}` placeholders; a placeholder without data is a bug in the caller. */
export function interpolate(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`Message placeholder {{${key}}} has no data`);
    return String(value);
  });
}
