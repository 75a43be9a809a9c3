/** Field splitting for one CSV line: RFC 4180 quoting ("a, b" and "" for a quote) within a single line. */

export const CSV_SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** The fields of `line`, or a sentence saying why the line cannot be split. */
export function splitFields(line: string, separator: CsvSeparator): string[] | { problem: string } {
  const fields: string[] = [];
  let i = 0;
  // Each pass consumes a field and its separator, so the loop ends.
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) return { problem: 'a quoted field is not closed' };
        value += line.slice(i, quote);
        i = quote + 1;
        if (line[i] !== '"') break;
        value += '"';
        i++;
      }
      while (line[i] === ' ') i++;
      if (i < line.length && line[i] !== separator)
        return { problem: 'a closing quote is followed by more text' };
      fields.push(value);
    } else {
      const next = line.indexOf(separator, i);
      const end = next < 0 ? line.length : next;
      fields.push(line.slice(i, end));
      i = end;
    }
    if (i >= line.length) return fields;
    i++;
  }
}

/** The separator a header line uses: a comma if it has one outside quotes, else a semicolon, else a tab. */
export function detectSeparator(header: string): CsvSeparator {
  const unquoted = header.replace(/"[^"]*"/g, '');
  return CSV_SEPARATORS.find((s) => unquoted.includes(s)) ?? ',';
}

/** A field as CSV text, quoted when it holds a separator, a quote, a line break or edge spaces. */
export function quoteField(text: string): string {
  return /[",;\t\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
