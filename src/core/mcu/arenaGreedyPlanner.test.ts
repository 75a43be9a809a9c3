import { describe, expect, it } from 'vitest';
import { alignUp, planGreedy } from './arenaGreedyPlanner';

const buffer = (size: number, first: number, last: number) => ({ size, first, last });

describe('planGreedy (TFLM GreedyMemoryPlanner)', () => {
  it('places a chain of buffers in two alternating slots', () => {
    // a → b → c → d, each alive from its producer to its consumer: a and c share a slot, b and d the other.
    const plan = planGreedy([buffer(32, -1, 0), buffer(32, 0, 1), buffer(32, 1, 2), buffer(32, 2, 2)]);
    // Equal sizes are placed last-added first: d at 0, c above it, b at 0 (c and d do not overlap b), a above b.
    expect(plan.offsets).toEqual([32, 0, 32, 0]);
    expect(plan.size).toBe(64);
  });

  it('reuses the space of a buffer whose lifetime has ended', () => {
    // big [0,1] and small [2,3] never overlap: small goes to 0 even though big was placed there first.
    const plan = planGreedy([buffer(256, 0, 1), buffer(64, 2, 3), buffer(16, 1, 2)]);
    expect(plan.offsets).toEqual([0, 0, 256]);
    expect(plan.size).toBe(272);
  });

  it('keeps a tensor read by two later ops alive across both, so neither output may take its place', () => {
    // x is made by op 0 and read by ops 1 and 3; y (op 1 → 2) and z (op 2 → 3) must not overlap it.
    const x = buffer(48, 0, 3);
    const plan = planGreedy([buffer(16, -1, 0), x, buffer(32, 1, 2), buffer(32, 2, 3)]);
    const [, xOffset, yOffset, zOffset] = plan.offsets;
    expect(xOffset).toBe(0);
    expect([yOffset, zOffset].sort((a, b) => a - b)).toEqual([48, 80]);
    // Had x lived only until op 1, y and z would stack on top of each other in x's old place.
    const shorter = planGreedy([buffer(16, -1, 0), buffer(48, 0, 1), buffer(32, 1, 2), buffer(32, 2, 3)]);
    expect(shorter.size).toBeLessThan(plan.size);
  });

  it('fills the lowest gap that is big enough between buffers alive at the same time', () => {
    // 64 bytes at 112 end at op 1 and leave a hole between the 112 at 0 and the 48 at 176 (both alive to op 4).
    const plan = planGreedy([
      buffer(112, 0, 4),
      buffer(64, 0, 1),
      buffer(48, 0, 4),
      buffer(32, 2, 4),
      buffer(32, 2, 4),
      buffer(16, 2, 4),
    ]);
    // The two 32s fill the hole (the later-added one first); the 16 finds no hole left and goes on top.
    expect(plan.offsets).toEqual([0, 112, 176, 144, 112, 224]);
    expect(plan.size).toBe(240);
  });

  it('orders equal sizes as TFLM does: the later-added buffer is placed first', () => {
    const plan = planGreedy([buffer(16, 0, 1), buffer(16, 0, 1), buffer(16, 0, 1)]);
    expect(plan.offsets).toEqual([32, 16, 0]);
  });

  it('gives a zero-sized buffer offset 0 without taking space, and plans an empty list to 0 bytes', () => {
    expect(planGreedy([])).toEqual({ offsets: [], size: 0 });
    const plan = planGreedy([buffer(0, 0, 0), buffer(16, 0, 0)]);
    expect(plan.offsets).toEqual([0, 0]);
    expect(plan.size).toBe(16);
  });

  it('rounds sizes up to a multiple of the alignment', () => {
    expect([0, 1, 15, 16, 17, 490].map((n) => alignUp(n, 16))).toEqual([0, 16, 16, 16, 32, 496]);
  });
});
