import { describe, expect, it } from 'vitest';
import { parseWav, writeWav } from './wav';

describe('parseWav: 16-bit mono data wherever it lies in memory', () => {
  it('reads the same samples from an even and an odd byte offset of its buffer', () => {
    const values = Int16Array.from({ length: 1001 }, (_, i) => ((i * 7919) % 65536) - 32768);
    const wav = writeWav(values, 16000);
    for (const shift of [0, 1, 2, 3]) {
      const buffer = new Uint8Array(wav.length + shift);
      buffer.set(wav, shift);
      const { sample } = parseWav('x.wav', buffer.subarray(shift));
      expect(Array.from(sample.values), `offset ${shift}`).toEqual(Array.from(values));
    }
  });
});
