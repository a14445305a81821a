/**
 * Text from policies and controls is untrusted: before it reaches a terminal,
 * control characters (escape sequences, carriage returns, bells) are shown as
 * visible escapes so that nothing in a file can rewrite the screen.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\n/g, '\\n');
}
