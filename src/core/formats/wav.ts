import { AUDIO_UNITS } from '../dataset/sample';
import { formatError } from './formatErrors';
import { isOutsideInt16, toInt16 } from './int16';
import { baseName } from './labelFromName';
import { IMPORT_DEVICE_TYPE, type ParseResult } from './parseResult';
import { describeWavFormat, readWavFormat, type WavFormat } from './wavFormat';

/** A data chunk size of 0xFFFFFFFF means "until the end of the file" (streaming writers, RF64). */
const SIZE_UNKNOWN = 0xffffffff;

interface Chunks {
  fmt: WavFormat | null;
  /** Offset of the data chunk's body and the size its header declares. */
  data: { offset: number; declaredSize: number } | null;
}

function fourCC(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]);
}

function printable(id: string): string {
  return id.replace(/[^\x20-\x7e]/g, '?');
}

/** Walks the RIFF chunks (any order, unknown ones skipped, odd sizes padded) until `fmt ` and `data` are found. */
function locateChunks(fileName: string, bytes: Uint8Array, view: DataView): Chunks {
  const chunks: Chunks = { fmt: null, data: null };
  let offset = 12;
  // Every step advances by at least the 8-byte chunk header, so the walk ends.
  while (offset + 8 <= bytes.length && (chunks.fmt === null || chunks.data === null)) {
    const id = fourCC(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && chunks.fmt === null) {
      if (body + size > bytes.length) {
        throw formatError('truncated', fileName, "the file is cut off inside the 'fmt ' chunk");
      }
      chunks.fmt = readWavFormat(fileName, view, body, size);
    } else if (id === 'data' && chunks.data === null) {
      chunks.data = { offset: body, declaredSize: size };
    }
    offset = body + size + (size & 1);
  }
  return chunks;
}

type SampleReader = (view: DataView, offset: number) => number;

/** Reads one stored sample on the int16 scale (not yet rounded). */
function sampleReader(format: WavFormat): SampleReader {
  if (format.encoding === 'float') {
    return format.bitsPerSample === 32
      ? (view, p) => view.getFloat32(p, true) * 32768
      : (view, p) => view.getFloat64(p, true) * 32768;
  }
  switch (format.bitsPerSample) {
    case 8:
      return (view, p) => (view.getUint8(p) - 128) * 256;
    case 16:
      return (view, p) => view.getInt16(p, true);
    case 24:
      return (view, p) =>
        ((view.getUint8(p + 2) << 24) | (view.getUint8(p + 1) << 16) | (view.getUint8(p) << 8)) / 65536;
    default:
      return (view, p) => view.getInt32(p, true) / 65536;
  }
}

const LITTLE_ENDIAN_HOST = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function decodeFrames(view: DataView, offset: number, frames: number, format: WavFormat) {
  const values = new Int16Array(frames);
  if (format.encoding === 'pcm' && format.bitsPerSample === 16 && format.channels === 1) {
    // The common case, read as is: the general path below (a reader call, a mean and a rounding per sample)
    // gives the same values but takes most of the import of a long recording.
    const start = view.byteOffset + offset;
    // Aligned on a little-endian machine, the bytes are the Int16Array's own: one native copy.
    if (LITTLE_ENDIAN_HOST && format.blockAlign === 2 && start % 2 === 0)
      values.set(new Int16Array(view.buffer, start, frames));
    else for (let i = 0; i < frames; i++) values[i] = view.getInt16(offset + i * format.blockAlign, true);
    return { values, clipped: 0 };
  }
  const read = sampleReader(format);
  const bytesPerSample = format.bitsPerSample / 8;
  // Integer PCM can only round up to 32768 at the very top, which is no clipping worth reporting.
  const countClips = format.encoding === 'float';
  let clipped = 0;
  for (let i = 0; i < frames; i++) {
    const frameStart = offset + i * format.blockAlign;
    let sum = 0;
    for (let c = 0; c < format.channels; c++) sum += read(view, frameStart + c * bytesPerSample);
    const mean = sum / format.channels;
    if (countClips && isOutsideInt16(mean)) clipped++;
    values[i] = toInt16(mean);
  }
  return { values, clipped };
}

/**
 * Reads a RIFF/WAVE file into a mono 16-bit audio sample. Other depths are rounded to 16 bits, stereo is mixed
 * down to the mean of its channels; `notes` says when either happened or when a cut-off file was partly read.
 */
export function parseWav(fileName: string, bytes: Uint8Array): ParseResult {
  if (bytes.length === 0) throw formatError('empty-file', fileName, 'the file is empty (0 bytes)');
  if (bytes.length < 12) {
    throw formatError(
      'invalid-wav',
      fileName,
      `the file is ${bytes.length} bytes long, too short for a RIFF/WAVE header (12 bytes)`,
    );
  }
  const riff = fourCC(bytes, 0);
  if (riff === 'RIFX') {
    throw formatError(
      'unsupported-wav',
      fileName,
      'WAV is big-endian (RIFX); only little-endian RIFF is supported',
    );
  }
  if (riff !== 'RIFF' && riff !== 'RF64') {
    throw formatError('invalid-wav', fileName, 'not a WAV file: it does not start with "RIFF"');
  }
  const form = fourCC(bytes, 8);
  if (form !== 'WAVE') {
    throw formatError('invalid-wav', fileName, `a RIFF file of type '${printable(form)}', not 'WAVE'`);
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { fmt, data } = locateChunks(fileName, bytes, view);
  if (fmt === null) throw formatError('invalid-wav', fileName, "WAV has no 'fmt ' chunk");
  if (data === null) throw formatError('invalid-wav', fileName, "WAV has no 'data' chunk");

  const available = bytes.length - data.offset;
  const cutOff = data.declaredSize !== SIZE_UNKNOWN && data.declaredSize > available;
  const size = data.declaredSize === SIZE_UNKNOWN ? available : Math.min(data.declaredSize, available);
  const frames = Math.floor(size / fmt.blockAlign);
  if (frames === 0) {
    if (data.declaredSize === 0)
      throw formatError('invalid-wav', fileName, 'the data chunk is empty: WAV holds no audio');
    const declared = cutOff ? ` (it declares ${data.declaredSize}; the file is cut off)` : '';
    throw formatError(
      'truncated',
      fileName,
      `the data chunk holds ${size} bytes, less than one frame (${fmt.blockAlign} bytes)${declared}`,
    );
  }

  const notes: string[] = [];
  if (cutOff) {
    notes.push(
      `the file is cut off: the data chunk declares ${data.declaredSize} bytes but ${available} are present; imported the ${frames} complete frames`,
    );
  } else if (size % fmt.blockAlign !== 0) {
    notes.push(`ignored ${size % fmt.blockAlign} bytes after the last complete frame`);
  }
  if (fmt.channels === 2) notes.push('stereo WAV mixed down to mono (mean of the 2 channels)');
  if (fmt.encoding !== 'pcm' || fmt.bitsPerSample !== 16) {
    notes.push(`converted ${describeWavFormat(fmt)} to 16-bit PCM`);
  }

  const { values, clipped } = decodeFrames(view, data.offset, frames, fmt);
  if (clipped > 0) notes.push(`${clipped} samples beyond full scale (±1.0) were clipped`);

  return {
    sample: {
      name: baseName(fileName),
      label: null,
      sensors: [{ name: 'audio', units: AUDIO_UNITS }],
      intervalMs: 1000 / fmt.sampleRate,
      values,
      deviceName: '',
      deviceType: IMPORT_DEVICE_TYPE,
    },
    notes,
  };
}

/** The byte rate (2 × sample rate) must fit the header's 32-bit field. */
export const MAX_WAV_SAMPLE_RATE = 0x7fffffff;

/** A canonical 44-byte-header WAV: 16-bit PCM, mono. `sampleRate` must be a whole number of Hz. */
export function writeWav(values: Int16Array, sampleRate: number): Uint8Array {
  if (!Number.isInteger(sampleRate) || sampleRate < 1 || sampleRate > MAX_WAV_SAMPLE_RATE) {
    throw new RangeError(`WAV sample rate must be a whole number of Hz, got ${sampleRate}`);
  }
  const dataBytes = values.length * 2;
  if (dataBytes > 0xffffffff - 36) throw new RangeError('audio too long for a WAV file (4 GiB)');
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < values.length; i++) view.setInt16(44 + i * 2, values[i], true);
  return out;
}
