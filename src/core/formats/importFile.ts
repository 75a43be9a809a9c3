import type { ParsedSample } from '../dataset/sample';
import { FormatError, describeError } from '../errors';
import { parseCsv } from './csv';
import { parseAcquisitionCbor, parseAcquisitionJson } from './eiAcquisition';
import { formatError } from './formatErrors';
import { extensionOf, labelFromName } from './labelFromName';
import type { ParseResult } from './parseResult';
import { parseWav } from './wav';

/** Label of a sample when neither the user, the file name nor the file gives one. */
export const DEFAULT_LABEL = 'unlabeled';

type Parser = (fileName: string, bytes: Uint8Array) => ParseResult;

const PARSERS: Record<string, Parser> = {
  '.wav': parseWav,
  '.json': parseAcquisitionJson,
  '.cbor': parseAcquisitionCbor,
  '.csv': parseCsv,
};

/** Extensions importFile reads, with their dots. */
export const SUPPORTED_EXTENSIONS = Object.keys(PARSERS);

export interface ImportOptions {
  /** Label for every imported sample; empty or blank means "decide from the file". */
  label?: string;
}

export interface ImportResult {
  /** Every sample has a label (never null) and its name is the file's base name. */
  samples: ParsedSample[];
  notes: string[];
}

export type ImportFileResult =
  | { fileName: string; ok: true; samples: ParsedSample[]; notes: string[] }
  | { fileName: string; ok: false; error: FormatError };

/**
 * Reads one file, choosing the parser by extension. The label is, in order: `options.label` when not blank,
 * the file name's `<label>.<anything>.<ext>` prefix, the label stored in the file, else 'unlabeled'.
 */
export function importFile(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const extension = extensionOf(fileName);
  const parser = Object.hasOwn(PARSERS, extension) ? PARSERS[extension] : undefined;
  if (parser === undefined) {
    const what = extension === '' ? 'has no extension' : `has the unsupported extension '${extension}'`;
    throw formatError(
      'unsupported-type',
      fileName,
      `the file ${what}; supported are ${SUPPORTED_EXTENSIONS.join(', ')} (WAV audio, Edge Impulse JSON/CBOR, Edge Impulse CSV)`,
    );
  }
  if (bytes.length === 0) throw formatError('empty-file', fileName, 'the file is empty (0 bytes)');
  const { sample, notes } = parser(fileName, bytes);
  const chosen = options.label?.trim();
  const label = chosen ? chosen : (labelFromName(fileName) ?? sample.label ?? DEFAULT_LABEL);
  return { samples: [{ ...sample, label }], notes };
}

/**
 * Imports many files; each gets its own result so one bad file never affects the others. A parser bug
 * (anything but a FormatError) is reported as a FormatError 'internal' so the UI always has a message.
 */
export function importFiles(
  files: { name: string; bytes: Uint8Array }[],
  options: ImportOptions = {},
): ImportFileResult[] {
  return files.map(({ name, bytes }) => {
    try {
      return { fileName: name, ok: true, ...importFile(name, bytes, options) };
    } catch (e) {
      const error =
        e instanceof FormatError
          ? e
          : formatError('internal', name, `could not be read (a bug): ${describeError(e)}`, e);
      return { fileName: name, ok: false, error };
    }
  });
}
