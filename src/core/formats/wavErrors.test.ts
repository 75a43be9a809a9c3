import { describe, it } from 'vitest';
import { buildWav, mono16 } from './testUtils/wavBuilder';
import { expectFormatError } from './testUtils/expectFormatError';
import { parseWav } from './wav';

describe('parseWav: errors', () => {
  const cases: [string, () => Uint8Array, string, string][] = [
    ['empty file', () => new Uint8Array(0), 'empty-file', 'x.wav: the file is empty (0 bytes)'],
    [
      'short file',
      () => new Uint8Array(5),
      'invalid-wav',
      'x.wav: the file is 5 bytes long, too short for a RIFF/WAVE header (12 bytes)',
    ],
    [
      'not RIFF',
      () => new TextEncoder().encode('hello world, not a wav'),
      'invalid-wav',
      'x.wav: not a WAV file: it does not start with "RIFF"',
    ],
    [
      'RIFX',
      () => {
        const w = mono16([1]);
        w.set([0x52, 0x49, 0x46, 0x58]);
        return w;
      },
      'unsupported-wav',
      'x.wav: WAV is big-endian (RIFX); only little-endian RIFF is supported',
    ],
    [
      'not WAVE',
      () => {
        const w = mono16([1]);
        w.set([0x41, 0x56, 0x49, 0x20], 8);
        return w;
      },
      'invalid-wav',
      "x.wav: a RIFF file of type 'AVI ', not 'WAVE'",
    ],
    [
      'A-law',
      () =>
        buildWav({ formatTag: 6, channels: 1, sampleRate: 8000, bitsPerSample: 8, data: new Uint8Array(4) }),
      'unsupported-wav',
      "x.wav: WAV uses encoding 'A-law' (format 6); only PCM 8/16/24/32-bit and IEEE float 32/64-bit are supported",
    ],
    [
      'MP3',
      () =>
        buildWav({
          formatTag: 0x55,
          channels: 1,
          sampleRate: 8000,
          bitsPerSample: 16,
          data: new Uint8Array(4),
        }),
      'unsupported-wav',
      "x.wav: WAV uses encoding 'MPEG Layer 3' (format 85); only PCM 8/16/24/32-bit and IEEE float 32/64-bit are supported",
    ],
    [
      'unknown code',
      () =>
        buildWav({
          formatTag: 0x1234,
          channels: 1,
          sampleRate: 8000,
          bitsPerSample: 16,
          data: new Uint8Array(4),
        }),
      'unsupported-wav',
      'x.wav: WAV uses encoding format 4660; only PCM 8/16/24/32-bit and IEEE float 32/64-bit are supported',
    ],
    [
      '12-bit PCM',
      () =>
        buildWav({
          channels: 1,
          sampleRate: 8000,
          bitsPerSample: 12,
          blockAlign: 2,
          data: new Uint8Array(4),
        }),
      'unsupported-wav',
      'x.wav: WAV uses 12-bit PCM; only PCM 8/16/24/32-bit and IEEE float 32/64-bit are supported',
    ],
    [
      '16-bit float',
      () =>
        buildWav({ formatTag: 3, channels: 1, sampleRate: 8000, bitsPerSample: 16, data: new Uint8Array(4) }),
      'unsupported-wav',
      'x.wav: WAV uses 16-bit IEEE float; only PCM 8/16/24/32-bit and IEEE float 32/64-bit are supported',
    ],
    [
      'extensible with an unknown GUID',
      () =>
        buildWav({
          extensibleSubFormat: 1,
          guidTail: new Array(14).fill(1),
          channels: 1,
          sampleRate: 8000,
          bitsPerSample: 16,
          data: new Uint8Array(4),
        }),
      'unsupported-wav',
      'x.wav: WAV uses an unknown sub-format GUID; only PCM 8/16/24/32-bit and IEEE float 32/64-bit are supported',
    ],
    [
      'extensible with a-law sub-format',
      () =>
        buildWav({
          extensibleSubFormat: 6,
          channels: 1,
          sampleRate: 8000,
          bitsPerSample: 8,
          data: new Uint8Array(4),
        }),
      'unsupported-wav',
      "x.wav: WAV uses encoding 'A-law' (format 6); only PCM 8/16/24/32-bit and IEEE float 32/64-bit are supported",
    ],
    [
      '6 channels',
      () => buildWav({ channels: 6, sampleRate: 48000, bitsPerSample: 16, data: new Uint8Array(24) }),
      'unsupported-wav',
      'x.wav: WAV has 6 channels; only mono and stereo are supported',
    ],
    [
      '0 channels',
      () => buildWav({ channels: 0, sampleRate: 48000, bitsPerSample: 16, data: new Uint8Array(24) }),
      'invalid-wav',
      'x.wav: WAV declares 0 channels',
    ],
    [
      '0 Hz',
      () => buildWav({ channels: 1, sampleRate: 0, bitsPerSample: 16, data: new Uint8Array(2) }),
      'invalid-wav',
      'x.wav: WAV declares a sample rate of 0 Hz',
    ],
    [
      'bad block align',
      () =>
        buildWav({
          channels: 2,
          sampleRate: 8000,
          bitsPerSample: 16,
          blockAlign: 2,
          data: new Uint8Array(8),
        }),
      'invalid-wav',
      'x.wav: WAV block align is 2 bytes, but 2 channel(s) of 16-bit samples take 4',
    ],
    ['no data chunk', () => mono16([1]).subarray(0, 36), 'invalid-wav', "x.wav: WAV has no 'data' chunk"],
    [
      'no fmt chunk',
      () => {
        const w = mono16([1]);
        w.set([0x66, 0x61, 0x63, 0x74], 12);
        return w;
      },
      'invalid-wav',
      "x.wav: WAV has no 'fmt ' chunk",
    ],
    [
      'fmt cut off',
      () => mono16([1]).subarray(0, 30),
      'truncated',
      "x.wav: the file is cut off inside the 'fmt ' chunk",
    ],
    [
      'fmt too small',
      () => {
        const w = mono16([1]);
        new DataView(w.buffer).setUint32(16, 14, true);
        return w;
      },
      'invalid-wav',
      "x.wav: the 'fmt ' chunk is 14 bytes long; it needs at least 16",
    ],
    ['empty data', () => mono16([]), 'invalid-wav', 'x.wav: the data chunk is empty: WAV holds no audio'],
    [
      'less than a frame',
      () => mono16([1, 2]).subarray(0, 45),
      'truncated',
      'x.wav: the data chunk holds 1 bytes, less than one frame (2 bytes) (it declares 4; the file is cut off)',
    ],
  ];
  it.each(cases)('%s', (_, build, code, message) =>
    expectFormatError(() => parseWav('x.wav', build()), code, message),
  );
});
