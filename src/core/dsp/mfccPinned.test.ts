import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mfccBlock } from './mfcc';

/**
 * The MFCC features of a fixed recording, pinned by their SHA-256: speed work on the MFCC path (issue 16) must
 * keep every float32 bit. The hash was recorded from the code before that work began.
 */
const PINNED = 'cdeb95286528994fd472b42c7b74238de0250a98b518bdae846053e6607947e7';

/** 4 s at 16 kHz: noise and a tone, then digital silence (zero energies) and full-scale stretches. */
function recording(): Float32Array {
  let s = 7;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const x = Float32Array.from({ length: 4 * 16000 }, (_, i) =>
    Math.round((rnd() - 0.5) * 20000 + 8000 * Math.sin(i / 9)),
  );
  x.fill(0, 16000, 24000);
  x.fill(32767, 32000, 36000);
  x.fill(-32768, 36000, 40000);
  return x;
}

function hash(rows: Iterable<Float32Array>): string {
  const h = createHash('sha256');
  for (const row of rows) h.update(new Uint8Array(row.buffer, row.byteOffset, row.byteLength));
  return h.digest('hex');
}

describe('MFCC pinned output', () => {
  const signal = recording();
  const shape = { axes: 1, frames: 16000, frequencyHz: 16000 };
  const params = mfccBlock.parseParams({});
  // 1 s windows at a 250 ms stride: two frame phases, as the issue 16 benchmark runs them.
  const starts = Array.from({ length: 13 }, (_, k) => k * 4000);

  it('gives the pinned features window by window', () => {
    const rows = starts.map((start) =>
      mfccBlock.run(params, signal.slice(start, start + shape.frames), shape),
    );
    expect(hash(rows)).toBe(PINNED);
  });

  it('gives the pinned features with frame reuse', () => {
    const runWindows = mfccBlock.runWindows;
    if (!runWindows) throw new Error('the MFCC block has no runWindows');
    expect(hash(runWindows(params, signal, starts, shape))).toBe(PINNED);
  });
});
