/**
 * C string literals for generated code: printable ASCII stays as it is (with `"` and `\` escaped); anything else —
 * a label in another script, a control character — becomes octal escapes of its UTF-8 bytes, so the source file
 * is plain ASCII and the string's bytes are the label's UTF-8. Octal escapes take at most three digits, so a digit
 * after one cannot run into it (a hex escape would swallow it). `?` is escaped too, so that no trigraph (`??/`)
 * can form.
 */
export function cString(text: string): string {
  let out = '"';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (byte >= 0x20 && byte < 0x7f && ch !== '?') out += ch;
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}
