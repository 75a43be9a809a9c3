/** Builds WAV files of any layout for tests: chunk order, extra chunks, lying sizes, extensible headers. */

export interface WavSpec {
  formatTag?: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  blockAlign?: number;
  /** Writes WAVE_FORMAT_EXTENSIBLE with this sub-format code (1 PCM, 3 float). */
  extensibleSubFormat?: number;
  /** Replaces the standard GUID tail after the sub-format code. */
  guidTail?: number[];
  data: Uint8Array;
  /** Overrides the size in the data chunk header (e.g. 0xFFFFFFFF or more than is written). */
  dataSize?: number;
  /** Chunks placed before fmt. */
  before?: { id: string; body: Uint8Array }[];
  /** Put the data chunk before the fmt chunk. */
  dataFirst?: boolean;
  riffId?: string;
}

const GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

function chunk(id: string, body: Uint8Array, declaredSize = body.length): Uint8Array {
  const out = new Uint8Array(8 + body.length + (body.length & 1));
  for (let i = 0; i < 4; i++) out[i] = id.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, declaredSize, true);
  out.set(body, 8);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function buildWav(spec: WavSpec): Uint8Array {
  const extensible = spec.extensibleSubFormat !== undefined;
  const fmt = new Uint8Array(extensible ? 40 : 16);
  const v = new DataView(fmt.buffer);
  const blockAlign = spec.blockAlign ?? (spec.channels * spec.bitsPerSample) / 8;
  v.setUint16(0, extensible ? 0xfffe : (spec.formatTag ?? 1), true);
  v.setUint16(2, spec.channels, true);
  v.setUint32(4, spec.sampleRate, true);
  v.setUint32(8, spec.sampleRate * blockAlign, true);
  v.setUint16(12, blockAlign, true);
  v.setUint16(14, spec.bitsPerSample, true);
  if (extensible) {
    v.setUint16(16, 22, true);
    v.setUint16(18, spec.bitsPerSample, true);
    v.setUint32(20, spec.channels === 2 ? 3 : 4, true);
    v.setUint16(24, spec.extensibleSubFormat ?? 1, true);
    fmt.set(spec.guidTail ?? GUID_TAIL, 26);
  }
  const fmtChunk = chunk('fmt ', fmt);
  const dataChunk = chunk('data', spec.data, spec.dataSize);
  const middle = spec.dataFirst ? [dataChunk, fmtChunk] : [fmtChunk, dataChunk];
  const body = concat([...(spec.before ?? []).map((c) => chunk(c.id, c.body)), ...middle]);
  const header = new Uint8Array(12);
  const riff = spec.riffId ?? 'RIFF';
  for (let i = 0; i < 4; i++) {
    header[i] = riff.charCodeAt(i);
    header[8 + i] = 'WAVE'.charCodeAt(i);
  }
  new DataView(header.buffer).setUint32(4, 4 + body.length, true);
  return concat([header, body]);
}

/** Little-endian sample bytes for `values` (already in the target integer or float domain). */
export function sampleBytes(
  values: number[],
  kind: 'u8' | 'i16' | 'i24' | 'i32' | 'f32' | 'f64',
): Uint8Array {
  const size = { u8: 1, i16: 2, i24: 3, i32: 4, f32: 4, f64: 8 }[kind];
  const out = new Uint8Array(values.length * size);
  const v = new DataView(out.buffer);
  values.forEach((x, i) => {
    const at = i * size;
    if (kind === 'u8') v.setUint8(at, x);
    else if (kind === 'i16') v.setInt16(at, x, true);
    else if (kind === 'i24') {
      v.setUint8(at, x & 0xff);
      v.setUint8(at + 1, (x >> 8) & 0xff);
      v.setUint8(at + 2, (x >> 16) & 0xff);
    } else if (kind === 'i32') v.setInt32(at, x, true);
    else if (kind === 'f32') v.setFloat32(at, x, true);
    else v.setFloat64(at, x, true);
  });
  return out;
}

/** A mono 16-bit PCM WAV of `values`. */
export const mono16 = (values: number[], sampleRate = 16000) =>
  buildWav({ channels: 1, sampleRate, bitsPerSample: 16, data: sampleBytes(values, 'i16') });
