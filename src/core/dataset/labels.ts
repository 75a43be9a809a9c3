/**
 * The one order labels are shown in: natural ("class2" before "class10"), the same in every locale the
 * page runs in, with a code-unit tie-break so distinct labels never compare equal.
 */
const collator = new Intl.Collator('en', { numeric: true });

export function compareLabels(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
