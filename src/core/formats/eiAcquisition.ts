import { Decoder, Encoder } from 'cbor-x';
import { AUDIO_UNITS, type ParsedSample, type SampleValues, type SensorInfo } from '../dataset/sample';
import { cborItemEnd } from './cborItemEnd';
import { describeValue, validateAcquisition } from './eiAcquisitionSchema';
import { formatError } from './formatErrors';
import { isOutsideInt16, toInt16 } from './int16';
import { baseName } from './labelFromName';
import { fitsFloat32, float32Short } from './numberText';
import { IMPORT_DEVICE_TYPE, type ParseResult } from './parseResult';
import { decodeUtf8 } from './text';

/** An Edge Impulse data acquisition document as this studio writes it (DESIGN.md §4). */
export interface AcquisitionDocument {
  protected: { ver: 'v1'; alg: 'none' | 'HS256'; iat: number };
  signature: string;
  payload: {
    device_name?: string;
    device_type: string;
    interval_ms: number;
    sensors: SensorInfo[];
    /** Frames of one number per sensor; audio as a flat list (JSON) or ['Ref-Binary-i16'] (CBOR). */
    values: number[] | number[][] | string[];
  };
}

/** The parts of a sample an acquisition file carries. */
export type AcquisitionSource = Pick<
  ParsedSample,
  'sensors' | 'intervalMs' | 'values' | 'deviceName' | 'deviceType'
>;

export interface AcquisitionWriteOptions {
  /** Issued-at time in seconds since the epoch; now by default. */
  iat?: number;
}

/** The signature field of an unsigned file, and the placeholder HMAC signing hashes over. */
export const EMPTY_SIGNATURE = '0'.repeat(64);

type BinaryType = 'i16' | 'u16' | 'f32';
const REF_BINARY = /^Ref-Binary-(i16|u16|f32)$/i;

const cborDecoder = new Decoder({ mapsAsObjects: true, useRecords: false });
const cborEncoder = new Encoder({ mapsAsObjects: true, useRecords: false, variableMapSize: true });

/** Typed storage for the sample's values: audio is rounded and clipped to int16, the rest kept as float32. */
class ValueStore {
  readonly values: SampleValues;
  readonly audio: boolean;
  clipped = 0;
  constructor(count: number, audio: boolean) {
    this.audio = audio;
    this.values = audio ? new Int16Array(count) : new Float32Array(count);
  }
  set(index: number, x: number) {
    if (this.audio) {
      if (isOutsideInt16(x)) this.clipped++;
      this.values[index] = toInt16(x);
    } else {
      this.values[index] = x;
    }
  }
}

/** Why `x` cannot be a value of `store`, or null when it can. */
function valueProblem(x: unknown, store: ValueStore): string | null {
  if (typeof x !== 'number' || !Number.isFinite(x))
    return `must be a finite number, but it is ${describeValue(x)}`;
  if (!store.audio && !fitsFloat32(x)) return `is ${x}, beyond the float32 range (±3.4e38)`;
  return null;
}

function valuesFromList(
  fileName: string,
  raw: unknown[],
  axes: number,
  store: (count: number) => ValueStore,
) {
  const fail = (problem: string) => formatError('invalid-acquisition', fileName, problem);
  if (!Array.isArray(raw[0])) {
    if (axes !== 1) {
      throw fail(
        `payload.values is a flat list, but there are ${axes} sensors; give each frame as an array of ${axes} numbers`,
      );
    }
    const out = store(raw.length);
    raw.forEach((v, i) => {
      const problem = valueProblem(v, out);
      if (problem !== null) throw fail(`payload.values[${i}] ${problem}`);
      out.set(i, v as number);
    });
    return out;
  }
  const out = store(raw.length * axes);
  raw.forEach((frame, i) => {
    if (!Array.isArray(frame)) {
      throw fail(
        `frame ${i} (payload.values[${i}]) is ${describeValue(frame)}, not an array of ${axes} numbers`,
      );
    }
    if (frame.length !== axes) {
      throw fail(`frame ${i} has ${frame.length} values but there are ${axes} sensors`);
    }
    frame.forEach((v: unknown, a) => {
      const problem = valueProblem(v, out);
      if (problem !== null) throw fail(`frame ${i} value ${a} (payload.values[${i}][${a}]) ${problem}`);
      out.set(i * axes + a, v as number);
    });
  });
  return out;
}

function valuesFromBinary(
  fileName: string,
  type: BinaryType,
  tail: Uint8Array,
  axes: number,
  store: (count: number) => ValueStore,
  notes: string[],
) {
  const size = type === 'f32' ? 4 : 2;
  const frames = Math.floor(tail.length / size / axes);
  if (frames === 0) {
    throw formatError(
      'truncated',
      fileName,
      `payload.values is "Ref-Binary-${type}" but ${tail.length} bytes follow the CBOR object, less than one frame (${axes * size} bytes)`,
    );
  }
  const leftover = tail.length - frames * axes * size;
  if (leftover > 0) notes.push(`ignored ${leftover} bytes after the last complete frame of binary samples`);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const read =
    type === 'i16'
      ? (i: number) => view.getInt16(i * 2, true)
      : type === 'u16'
        ? (i: number) => view.getUint16(i * 2, true)
        : (i: number) => view.getFloat32(i * 4, true);
  const out = store(frames * axes);
  for (let i = 0; i < frames * axes; i++) {
    const x = read(i);
    if (!Number.isFinite(x)) throw formatError('invalid-acquisition', fileName, `binary sample ${i} is ${x}`);
    out.set(i, x);
  }
  return out;
}

function refBinaryType(values: unknown[]): BinaryType | null {
  if (values.length !== 1 || typeof values[0] !== 'string') return null;
  const match = REF_BINARY.exec(values[0]);
  return match === null ? null : (match[1].toLowerCase() as BinaryType);
}

/** `tail`: the bytes after a CBOR object (null for JSON, which cannot carry binary samples). */
function sampleFromDocument(
  fileName: string,
  container: 'JSON' | 'CBOR',
  document: unknown,
  tail: Uint8Array | null,
): ParseResult {
  const { label, payload } = validateAcquisition(fileName, container, document);
  const sensors = payload.sensors.map(({ name, units }) => ({ name, units }));
  const audio = sensors.length === 1 && sensors[0].units === AUDIO_UNITS;
  const store = (count: number) => new ValueStore(count, audio);
  const notes: string[] = [];
  const binary = refBinaryType(payload.values);
  let stored: ValueStore;
  if (binary !== null) {
    if (tail === null) {
      throw formatError(
        'invalid-acquisition',
        fileName,
        `payload.values is "${String(payload.values[0])}", which refers to binary samples after a CBOR object; a JSON file cannot carry them`,
      );
    }
    stored = valuesFromBinary(fileName, binary, tail, sensors.length, store, notes);
  } else {
    if (tail !== null && tail.length > 0) notes.push(`ignored ${tail.length} bytes after the CBOR object`);
    stored = valuesFromList(fileName, payload.values, sensors.length, store);
  }
  if (stored.clipped > 0) notes.push(`${stored.clipped} audio values outside the 16-bit range were clipped`);
  const fileLabel = payload.label ?? label ?? '';
  return {
    sample: {
      name: baseName(fileName),
      label: fileLabel.trim() === '' ? null : fileLabel.trim(),
      sensors,
      intervalMs: payload.interval_ms,
      values: stored.values,
      deviceName: payload.device_name ?? '',
      deviceType: payload.device_type ?? IMPORT_DEVICE_TYPE,
    },
    notes,
  };
}

/** Reads an Edge Impulse data acquisition JSON file (bytes as UTF-8, or text already decoded). */
export function parseAcquisitionJson(fileName: string, input: Uint8Array | string): ParseResult {
  if (input.length === 0) throw formatError('empty-file', fileName, 'the file is empty (0 bytes)');
  const text = typeof input === 'string' ? input : decodeUtf8(fileName, input);
  if (text.trim() === '')
    throw formatError('invalid-json', fileName, 'the file holds only whitespace, no JSON');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    throw formatError(
      'invalid-json',
      fileName,
      `not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
      e,
    );
  }
  return sampleFromDocument(fileName, 'JSON', document, null);
}

/** Reads an Edge Impulse data acquisition CBOR file, with inline values or raw samples after the object. */
export function parseAcquisitionCbor(fileName: string, bytes: Uint8Array): ParseResult {
  if (bytes.length === 0) throw formatError('empty-file', fileName, 'the file is empty (0 bytes)');
  // '{' would start a 27-byte CBOR text string, never an acquisition document: it is JSON with the wrong name.
  if (bytes[0] === 0x7b) {
    throw formatError(
      'invalid-cbor',
      fileName,
      'the file holds JSON text, not CBOR; give it a .json extension',
    );
  }
  const end = cborItemEnd(fileName, bytes);
  let document: unknown;
  try {
    document = cborDecoder.decode(bytes.subarray(0, end));
  } catch (e) {
    throw formatError(
      'invalid-cbor',
      fileName,
      `not valid CBOR: ${e instanceof Error ? e.message : String(e)}`,
      e,
    );
  }
  return sampleFromDocument(fileName, 'CBOR', document, bytes.subarray(end));
}

function isAudioSource(sample: AcquisitionSource): boolean {
  return (
    sample.sensors.length === 1 &&
    sample.sensors[0].units === AUDIO_UNITS &&
    sample.values instanceof Int16Array
  );
}

function frames(sample: AcquisitionSource, number: (x: number) => number): number[][] {
  const axes = sample.sensors.length;
  const count = Math.floor(sample.values.length / axes);
  return Array.from({ length: count }, (_, i) =>
    Array.from(sample.values.subarray(i * axes, (i + 1) * axes), number),
  );
}

function document(
  sample: AcquisitionSource,
  values: AcquisitionDocument['payload']['values'],
  options: AcquisitionWriteOptions,
): AcquisitionDocument {
  return {
    protected: { ver: 'v1', alg: 'none', iat: options.iat ?? Math.floor(Date.now() / 1000) },
    signature: EMPTY_SIGNATURE,
    payload: {
      ...(sample.deviceName === '' ? {} : { device_name: sample.deviceName }),
      device_type: sample.deviceType,
      interval_ms: sample.intervalMs,
      sensors: sample.sensors.map(({ name, units }) => ({ name, units })),
      values,
    },
  };
}

/**
 * The unsigned JSON document: audio values as a flat list, other sensors as frames. Float32 values are written
 * as the shortest decimal that reads back as the same float32.
 */
export function toAcquisitionDocument(
  sample: AcquisitionSource,
  options: AcquisitionWriteOptions = {},
): AcquisitionDocument {
  const values = isAudioSource(sample) ? Array.from(sample.values) : frames(sample, float32Short);
  return document(sample, values, options);
}

export function toAcquisitionJson(sample: AcquisitionSource, options: AcquisitionWriteOptions = {}): string {
  return JSON.stringify(toAcquisitionDocument(sample, options));
}

/** CBOR: audio as "Ref-Binary-i16" with the raw little-endian samples after the object; other sensors inline. */
export function toAcquisitionCbor(
  sample: AcquisitionSource,
  options: AcquisitionWriteOptions = {},
): Uint8Array {
  const audio = isAudioSource(sample);
  const head = cborEncoder.encode(
    document(sample, audio ? ['Ref-Binary-i16'] : frames(sample, Number), options),
  );
  const tailBytes = audio ? sample.values.length * 2 : 0;
  const out = new Uint8Array(head.length + tailBytes);
  out.set(head, 0);
  if (audio) {
    const view = new DataView(out.buffer, head.length);
    sample.values.forEach((x, i) => view.setInt16(i * 2, x, true));
  }
  return out;
}
