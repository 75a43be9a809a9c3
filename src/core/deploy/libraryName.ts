/**
 * Names of a generated library: the Arduino library name and folder (Arduino library specification 1.5: letters,
 * digits, underscores; its main header is `src/<name>.h`, so the name is also a C file name) and the file names of
 * downloads.
 */

/** Words of `text` joined by underscores, ASCII letters and digits only ("Gestures 2 (Nano)" → "Gestures_2_Nano"). */
function words(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Longest library name kept: the Arduino IDE shows the name in menus, and some file systems limit paths. */
const MAX_NAME = 48;

/**
 * The library's name from the project's and impulse's names, e.g. "Gestures" + "Impulse 1" →
 * "Gestures_Impulse_1". It starts with a letter (a leading digit gets "tinyml_" before it) and is never empty.
 */
export function libraryName(...parts: string[]): string {
  const joined = parts.map(words).filter(Boolean).join('_').slice(0, MAX_NAME).replace(/_+$/, '');
  if (joined === '') return 'tinyml_model';
  return /^[A-Za-z]/.test(joined) ? joined : `tinyml_${joined}`;
}

/** The base of a dropped model file's name, as a library name ("kws_ref_model.tflite" → "kws_ref_model"). */
export function modelFileLibraryName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.tflite$/i, '');
  return libraryName(base);
}
