import { formatError } from './formatErrors';

/** How the samples of a WAV data chunk are stored. */
export interface WavFormat {
  encoding: 'pcm' | 'float';
  channels: number;
  sampleRate: number;
  /** Bits per stored sample (the container size, a multiple of 8). */
  bitsPerSample: number;
  /** Bytes per frame: one sample of every channel. */
  blockAlign: number;
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

const FORMAT_NAMES: Record<number, string> = {
  2: 'Microsoft ADPCM',
  6: 'A-law',
  7: 'µ-law',
  0x11: 'IMA ADPCM',
  0x31: 'GSM 6.10',
  0x50: 'MPEG',
  0x55: 'MPEG Layer 3',
};

/** Bytes 2…15 of KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT; bytes 0–1 hold the format code. */
const SUBFORMAT_GUID_TAIL = [
  0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
];

const SUPPORTED = 'only PCM 8/16/24/32-bit and IEEE float 32/64-bit are supported';

function encodingName(code: number): string {
  const name = FORMAT_NAMES[code];
  return name === undefined ? `format ${code}` : `'${name}' (format ${code})`;
}

/** Reads a `fmt ` chunk whose body starts at `offset` and is `size` bytes long (both within the file). */
export function readWavFormat(fileName: string, view: DataView, offset: number, size: number): WavFormat {
  if (size < 16) {
    throw formatError(
      'invalid-wav',
      fileName,
      `the 'fmt ' chunk is ${size} bytes long; it needs at least 16`,
    );
  }
  let code = view.getUint16(offset, true);
  const channels = view.getUint16(offset + 2, true);
  const sampleRate = view.getUint32(offset + 4, true);
  const blockAlign = view.getUint16(offset + 12, true);
  const bitsPerSample = view.getUint16(offset + 14, true);

  if (code === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40) {
      throw formatError(
        'invalid-wav',
        fileName,
        `the 'fmt ' chunk says WAVE_FORMAT_EXTENSIBLE but is ${size} bytes long; it needs 40`,
      );
    }
    const guidTailMatches = SUBFORMAT_GUID_TAIL.every((b, i) => view.getUint8(offset + 26 + i) === b);
    code = view.getUint16(offset + 24, true);
    if (!guidTailMatches) {
      throw formatError('unsupported-wav', fileName, `WAV uses an unknown sub-format GUID; ${SUPPORTED}`);
    }
  }

  const encoding = code === WAVE_FORMAT_PCM ? 'pcm' : code === WAVE_FORMAT_IEEE_FLOAT ? 'float' : null;
  if (encoding === null) {
    throw formatError('unsupported-wav', fileName, `WAV uses encoding ${encodingName(code)}; ${SUPPORTED}`);
  }
  const depthOk =
    encoding === 'pcm' ? [8, 16, 24, 32].includes(bitsPerSample) : [32, 64].includes(bitsPerSample);
  if (!depthOk) {
    const kind = encoding === 'pcm' ? 'PCM' : 'IEEE float';
    throw formatError('unsupported-wav', fileName, `WAV uses ${bitsPerSample}-bit ${kind}; ${SUPPORTED}`);
  }
  if (channels === 0) throw formatError('invalid-wav', fileName, 'WAV declares 0 channels');
  if (channels > 2) {
    throw formatError(
      'unsupported-wav',
      fileName,
      `WAV has ${channels} channels; only mono and stereo are supported`,
    );
  }
  if (sampleRate === 0) throw formatError('invalid-wav', fileName, 'WAV declares a sample rate of 0 Hz');
  const frameBytes = (channels * bitsPerSample) / 8;
  if (blockAlign !== frameBytes) {
    throw formatError(
      'invalid-wav',
      fileName,
      `WAV block align is ${blockAlign} bytes, but ${channels} channel(s) of ${bitsPerSample}-bit samples take ${frameBytes}`,
    );
  }
  return { encoding, channels, sampleRate, bitsPerSample, blockAlign };
}

export function describeWavFormat(format: WavFormat): string {
  return format.encoding === 'pcm'
    ? `${format.bitsPerSample}-bit PCM`
    : `${format.bitsPerSample}-bit IEEE float`;
}
