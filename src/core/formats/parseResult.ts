import type { ParsedSample } from '../dataset/sample';

/** What every file parser returns: the sample and what the user should be told about the conversion. */
export interface ParseResult {
  sample: ParsedSample;
  /** Plain sentences, e.g. that a stereo file was mixed down to mono. Empty when nothing was changed. */
  notes: string[];
}

/** Device type given to samples whose file does not name one. */
export const IMPORT_DEVICE_TYPE = 'IMPORT';
