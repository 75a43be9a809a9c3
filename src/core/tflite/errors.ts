import { FormatError, StudioError } from '../errors';

/**
 * Codes for `.tflite` files the reader refuses, and graphs the writer cannot encode.
 * - not-a-model: no `TFL3` identifier (or too short to hold one); version: a schema version other than 3
 * - malformed: the flatbuffer or the graph it encodes is damaged (offsets, lengths, indices, shapes)
 * - multiple-subgraphs: control flow or several entry points, which the studio does not run
 * - unsupported-op / -type / -activation / -option / -feature: valid TFLite the studio cannot run
 * - cannot-write: the writer was given a graph it cannot represent as a `.tflite`
 */
export type TfliteErrorCode =
  | 'tflite-not-a-model'
  | 'tflite-version'
  | 'tflite-malformed'
  | 'tflite-multiple-subgraphs'
  | 'tflite-unsupported-op'
  | 'tflite-unsupported-type'
  | 'tflite-unsupported-activation'
  | 'tflite-unsupported-option'
  | 'tflite-unsupported-feature'
  | 'tflite-cannot-write';

export function tfliteError(code: TfliteErrorCode, fileName: string, problem: string): FormatError {
  return new FormatError(code, fileName, problem);
}

export function malformed(fileName: string, problem: string): FormatError {
  return new FormatError('tflite-malformed', fileName, `the model file is damaged: ${problem}`);
}

export function cannotWrite(problem: string): StudioError {
  const code: TfliteErrorCode = 'tflite-cannot-write';
  return new StudioError(code, `Cannot save the model as .tflite: ${problem}`);
}

/** "tensor N ("name")" for messages; converter names can run to hundreds of characters, so long ones are cut. */
export function tensorLabel(index: number, name: string): string {
  return `tensor ${index} ("${name.length > 80 ? `${name.slice(0, 79)}…` : name}")`;
}
