/** The file name without any directory part (both / and \ separate directories). */
export function fileNameOnly(fileName: string): string {
  const cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return fileName.slice(cut + 1);
}

/** The lower-cased extension including its dot ('.wav'), or '' when the name has none. */
export function extensionOf(fileName: string): string {
  const name = fileNameOnly(fileName);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** The file name without directories and without its extension: 'data/idle.01.json' → 'idle.01'. */
export function baseName(fileName: string): string {
  const name = fileNameOnly(fileName);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * Edge Impulse's naming convention `<label>.<anything>.<ext>`: the label is the text before the first dot,
 * when the name has at least two dots. Otherwise null, and the caller picks the label.
 */
export function labelFromName(fileName: string): string | null {
  const parts = fileNameOnly(fileName).split('.');
  if (parts.length < 3) return null;
  const label = parts[0].trim();
  return label === '' ? null : label;
}
