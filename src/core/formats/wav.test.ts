import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWav, mono16, sampleBytes } from './testUtils/wavBuilder';
import { fuzz } from './testUtils/fuzz';
import { parseWav, writeWav } from './wav';

describe('parseWav: encodings', () => {
  it('reads 16-bit PCM mono as is', () => {
    const { sample, notes } = parseWav('a/yes.1.wav', mono16([0, 1, -1, 32767, -32768]));
    expect(Array.from(sample.values)).toEqual([0, 1, -1, 32767, -32768]);
    expect(sample.values).toBeInstanceOf(Int16Array);
    expect(sample.sensors).toEqual([{ name: 'audio', units: 'wav' }]);
    expect(sample.intervalMs).toBe(0.0625);
    expect(sample.name).toBe('yes.1');
    expect(sample.label).toBeNull();
    expect(sample.deviceType).toBe('IMPORT');
    expect(notes).toEqual([]);
  });

  it('widens 8-bit unsigned PCM', () => {
    const wav = buildWav({
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 8,
      data: sampleBytes([128, 0, 255, 129], 'u8'),
    });
    const { sample, notes } = parseWav('x.wav', wav);
    expect(Array.from(sample.values)).toEqual([0, -32768, 32512, 256]);
    expect(sample.intervalMs).toBe(0.125);
    expect(notes).toEqual(['converted 8-bit PCM to 16-bit PCM']);
  });

  it('rounds 24-bit PCM half away from zero', () => {
    const wav = buildWav({
      channels: 1,
      sampleRate: 44100,
      bitsPerSample: 24,
      data: sampleBytes([0x7fffff, -0x800000, 128, -128, 127, 256 * 100 + 200], 'i24'),
    });
    const { sample, notes } = parseWav('x.wav', wav);
    expect(Array.from(sample.values)).toEqual([32767, -32768, 1, -1, 0, 101]);
    expect(sample.intervalMs).toBe(1000 / 44100);
    expect(notes).toEqual(['converted 24-bit PCM to 16-bit PCM']);
  });

  it('reads 32-bit integer PCM', () => {
    const wav = buildWav({
      channels: 1,
      sampleRate: 48000,
      bitsPerSample: 32,
      data: sampleBytes([0x7fffffff, -0x80000000, 65536 * 7 + 32768, -(65536 * 7 + 32768)], 'i32'),
    });
    expect(Array.from(parseWav('x.wav', wav).sample.values)).toEqual([32767, -32768, 8, -8]);
  });

  it('scales IEEE float by 32768, rounds and clips, and says how many clipped', () => {
    const floats = [0, 0.5, -1, 1, 1.5, -2, 3.0517578125e-5 * 0.5];
    const wav = buildWav({
      formatTag: 3,
      channels: 1,
      sampleRate: 16000,
      bitsPerSample: 32,
      data: sampleBytes(floats, 'f32'),
    });
    const { sample, notes } = parseWav('x.wav', wav);
    expect(Array.from(sample.values)).toEqual([0, 16384, -32768, 32767, 32767, -32768, 1]);
    expect(notes).toEqual([
      'converted 32-bit IEEE float to 16-bit PCM',
      '3 samples beyond full scale (±1.0) were clipped',
    ]);
  });

  it('reads 64-bit float', () => {
    const wav = buildWav({
      formatTag: 3,
      channels: 1,
      sampleRate: 16000,
      bitsPerSample: 64,
      data: sampleBytes([0.25, -0.25], 'f64'),
    });
    expect(Array.from(parseWav('x.wav', wav).sample.values)).toEqual([8192, -8192]);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE with PCM and float sub-formats', () => {
    const pcm = buildWav({
      extensibleSubFormat: 1,
      channels: 1,
      sampleRate: 16000,
      bitsPerSample: 16,
      data: sampleBytes([5, -5], 'i16'),
    });
    expect(Array.from(parseWav('x.wav', pcm).sample.values)).toEqual([5, -5]);
    const float = buildWav({
      extensibleSubFormat: 3,
      channels: 2,
      sampleRate: 16000,
      bitsPerSample: 32,
      data: sampleBytes([0.5, 0, -0.5, -0.5], 'f32'),
    });
    const { sample, notes } = parseWav('x.wav', float);
    expect(Array.from(sample.values)).toEqual([8192, -16384]);
    expect(notes).toContain('stereo WAV mixed down to mono (mean of the 2 channels)');
  });

  it('mixes stereo down to the mean of both channels', () => {
    const wav = buildWav({
      channels: 2,
      sampleRate: 22050,
      bitsPerSample: 16,
      data: sampleBytes([100, 200, -1, -2, 1, 2, 32767, 32767], 'i16'),
    });
    const { sample, notes } = parseWav('x.wav', wav);
    expect(Array.from(sample.values)).toEqual([150, -2, 2, 32767]);
    expect(notes).toEqual(['stereo WAV mixed down to mono (mean of the 2 channels)']);
  });
});

describe('parseWav: chunk layout', () => {
  it('skips unknown chunks, odd-size padding, and finds fmt after data', () => {
    const wav = buildWav({
      channels: 1,
      sampleRate: 16000,
      bitsPerSample: 16,
      data: sampleBytes([7, 8, 9], 'i16'),
      before: [
        { id: 'LIST', body: new Uint8Array(13) },
        { id: 'junk', body: new Uint8Array(3).fill(0xff) },
      ],
      dataFirst: true,
    });
    expect(Array.from(parseWav('x.wav', wav).sample.values)).toEqual([7, 8, 9]);
  });

  it('reads an 8-bit odd-length data chunk followed by padding and another chunk', () => {
    const wav = buildWav({
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 8,
      data: sampleBytes([128, 129, 130], 'u8'),
    });
    expect(Array.from(parseWav('x.wav', wav).sample.values)).toEqual([0, 256, 512]);
  });

  it('treats a data size of 0xFFFFFFFF as "to the end of the file"', () => {
    const wav = buildWav({
      channels: 1,
      sampleRate: 16000,
      bitsPerSample: 16,
      data: sampleBytes([1, 2, 3], 'i16'),
      dataSize: 0xffffffff,
    });
    const { sample, notes } = parseWav('x.wav', wav);
    expect(Array.from(sample.values)).toEqual([1, 2, 3]);
    expect(notes).toEqual([]);
  });

  it('accepts RF64 whose sizes are 0xFFFFFFFF', () => {
    const wav = buildWav({
      riffId: 'RF64',
      channels: 1,
      sampleRate: 16000,
      bitsPerSample: 16,
      data: sampleBytes([4], 'i16'),
      dataSize: 0xffffffff,
    });
    expect(Array.from(parseWav('x.wav', wav).sample.values)).toEqual([4]);
  });

  it('uses what a truncated file holds and says so', () => {
    const full = mono16([1, 2, 3, 4]);
    const { sample, notes } = parseWav('x.wav', full.subarray(0, full.length - 3));
    expect(Array.from(sample.values)).toEqual([1, 2]);
    expect(notes).toEqual([
      'the file is cut off: the data chunk declares 8 bytes but 5 are present; imported the 2 complete frames',
    ]);
  });

  it('ignores a partial frame at the end of a complete data chunk', () => {
    const data = new Uint8Array([1, 0, 2]);
    const { sample, notes } = parseWav(
      'x.wav',
      buildWav({ channels: 1, sampleRate: 16000, bitsPerSample: 16, data }),
    );
    expect(Array.from(sample.values)).toEqual([1]);
    expect(notes).toEqual(['ignored 1 bytes after the last complete frame']);
  });
});

describe('writeWav', () => {
  it('writes 16-bit mono PCM that reads back identically', () => {
    const values = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const bytes = writeWav(values, 16000);
    expect(bytes.length).toBe(44 + 12);
    const { sample, notes } = parseWav('x.wav', bytes);
    expect(sample.values).toEqual(values);
    expect(sample.intervalMs).toBe(0.0625);
    expect(notes).toEqual([]);
  });

  it('rejects a sample rate that is not a whole number', () => {
    expect(() => writeWav(new Int16Array(1), 44100.5)).toThrow(RangeError);
  });
});

describe('parseWav: real files', () => {
  const dir = resolve(process.cwd(), '../shared/testdata/audio');
  const files = readdirSync(dir).filter((f) => f.endsWith('.wav'));
  it('finds the shared test recordings', () => expect(files.length).toBeGreaterThan(0));
  it.each(files)('%s: 16000 frames at 16 kHz', (file) => {
    const { sample, notes } = parseWav(file, new Uint8Array(readFileSync(resolve(dir, file))));
    expect(sample.values.length).toBe(16000);
    expect(1000 / sample.intervalMs).toBe(16000);
    expect(notes).toEqual([]);
  });
});

describe('parseWav: fuzz', () => {
  it('returns a sample or throws a FormatError for 4000 mutated inputs', () => {
    const valid = [
      mono16([1, -2, 3, -4, 5, -6, 7, -8]),
      buildWav({
        channels: 2,
        sampleRate: 44100,
        bitsPerSample: 24,
        data: sampleBytes([1, 2, 3, 4, 5, 6], 'i24'),
        before: [{ id: 'LIST', body: new Uint8Array(5) }],
      }),
      buildWav({
        extensibleSubFormat: 3,
        channels: 1,
        sampleRate: 8000,
        bitsPerSample: 32,
        data: sampleBytes([0.1, -0.9, 2], 'f32'),
        dataFirst: true,
      }),
      buildWav({
        channels: 1,
        sampleRate: 8000,
        bitsPerSample: 8,
        data: sampleBytes([1, 2, 3], 'u8'),
        dataSize: 0xffffffff,
      }),
    ];
    const stats = fuzz((bytes) => parseWav('fuzz.wav', bytes), valid, { seed: 1, iterations: 4000 });
    expect(stats.ok).toBeGreaterThan(100);
    expect(stats.rejected).toBeGreaterThan(100);
  });
});
