/**
 * A processing block's parameters read from a JSON file (Edge Impulse's parameters.json names, or the
 * reference's Python keyword spellings), checked by the block, with what it will not use said in words.
 */
import { FormatError, describeError } from '../errors';
import type { BlockParams, DspBlock } from './block';
import { describeParamNote } from './params';

export interface ParamsFile {
  /** Every parameter of the block as stored: given values, defaults for the rest. */
  params: BlockParams;
  /** One line per given key that is read under another name, ignored, or unused by these settings. */
  notes: string[];
}

/**
 * Throws a FormatError ('params-json') naming the file when it is not JSON, and the block's StudioError
 * ('dsp-params') when a key or value is wrong.
 */
export function readParamsFile(fileName: string, bytes: Uint8Array, block: DspBlock): ParamsFile {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new FormatError('params-json', fileName, `not valid JSON (${describeError(e)})`);
  }
  const params = block.parseParams(json);
  return { params, notes: (block.paramNotes?.(json) ?? []).map(describeParamNote) };
}
