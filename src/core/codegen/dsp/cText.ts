/**
 * C text for generated DSP code: double literals (float32 ones are codegen/c's cFloat), initialiser lists
 * wrapped to a readable width, comments, and checked identifiers.
 */
import { StudioError } from '../../errors';

const LINE_WIDTH = 110;

/** A C double literal that reads back to exactly `value` (JavaScript's shortest round-trip digits). */
export function cDouble(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} has no finite double literal`);
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value).replace('e+', 'e');
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** Values as C initialiser text, wrapped to the line width, every line indented by `indent`. */
export function cList(values: readonly string[], indent = '    '): string {
  const lines: string[] = [];
  let line = '';
  for (const v of values) {
    const item = `${v},`;
    if (line && indent.length + line.length + 1 + item.length > LINE_WIDTH) {
      lines.push(indent + line);
      line = item;
    } else line = line ? `${line} ${item}` : item;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/**
 * A block comment of `text`: each line of it is wrapped on its own (so lists keep their lines), a blank line
 * stays a blank comment line, and a `*\/` inside is made harmless.
 */
export function cComment(text: string, indent = ''): string {
  const out: string[] = [`${indent}/*`];
  for (const raw of text.replace(/\*\//g, '* /').split('\n')) {
    const words = raw.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      out.push(`${indent} *`);
      continue;
    }
    // A continued list item lines up under its text.
    const hang = raw.trimStart().startsWith('- ') ? '  ' : '';
    let line = '';
    for (const word of words) {
      if (line && indent.length + 3 + line.length + 1 + word.length > LINE_WIDTH) {
        out.push(`${indent} * ${line}`);
        line = hang + word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(`${indent} * ${line}`);
  }
  out.push(`${indent} */`);
  return out.join('\n');
}

/** A one-line comment when `text` fits on one line after `indent`, else a block comment. */
export function cNote(text: string, indent = ''): string {
  const line = `${indent}/* ${text.replace(/\*\//g, '* /')} */`;
  return line.length <= LINE_WIDTH && !text.includes('\n') ? line : cComment(text, indent);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The prefix of every public name of generated code (`<prefix>_dsp_run`, `<PREFIX>_DSP_…`): a C identifier.
 * Throws StudioError('codegen-prefix') naming the bad prefix and what is allowed.
 */
export function checkPrefix(prefix: string): string {
  if (!IDENTIFIER.test(prefix) || prefix.length > 40)
    throw new StudioError(
      'codegen-prefix',
      `"${prefix}" cannot prefix C names: use 1 to 40 letters, digits and underscores, not starting with a ` +
        'digit (e.g. "gesture").',
    );
  return prefix;
}
