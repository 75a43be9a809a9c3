import { expect } from 'vitest';
import { FormatError } from '../../errors';
import { seededRandom } from '../../random';

/** A seeded generator, so fuzz runs are reproducible. */
export const prng = seededRandom;

export type Mutation = 'random' | 'truncate' | 'flip' | 'splice';

/** One mutated input: random bytes, a valid file cut short, a valid file with bytes changed, or valid + random tail. */
export function mutate(random: () => number, valid: Uint8Array[], kind: Mutation): Uint8Array {
  const pick = valid[Math.floor(random() * valid.length)];
  const int = (n: number) => Math.floor(random() * n);
  switch (kind) {
    case 'random':
      return Uint8Array.from({ length: int(300) }, () => int(256));
    case 'truncate':
      return pick.slice(0, int(pick.length + 1));
    case 'flip': {
      const out = pick.slice();
      const flips = 1 + int(8);
      // Half the flips land in the first 64 bytes, where headers and declared sizes live.
      for (let i = 0; i < flips && out.length > 0; i++) {
        const at = random() < 0.5 ? int(Math.min(64, out.length)) : int(out.length);
        out[at] = random() < 0.5 ? int(256) : out[at] ^ (1 << int(8));
      }
      return out;
    }
    case 'splice': {
      const cut = int(pick.length + 1);
      const tail = Uint8Array.from({ length: int(64) }, () => int(256));
      const out = new Uint8Array(cut + tail.length);
      out.set(pick.subarray(0, cut));
      out.set(tail, cut);
      return out;
    }
  }
}

export interface FuzzStats {
  ok: number;
  rejected: number;
  codes: Record<string, number>;
}

/**
 * Runs `parse` on `iterations` mutated inputs; every call must return or throw a FormatError (anything else is
 * rethrown with the seed and input so the failure can be reproduced). Each call must finish within `maxMs`.
 */
export function fuzz(
  parse: (bytes: Uint8Array) => unknown,
  valid: Uint8Array[],
  { seed, iterations, maxMs = 2000 }: { seed: number; iterations: number; maxMs?: number },
): FuzzStats {
  const random = prng(seed);
  const kinds: Mutation[] = ['random', 'truncate', 'flip', 'splice'];
  const stats: FuzzStats = { ok: 0, rejected: 0, codes: {} };
  for (let i = 0; i < iterations; i++) {
    const input = mutate(random, valid, kinds[i % kinds.length]);
    const started = performance.now();
    try {
      parse(input);
      stats.ok++;
    } catch (e) {
      if (!(e instanceof FormatError)) {
        const hex = Array.from(input.subarray(0, 256), (b) => b.toString(16).padStart(2, '0')).join('');
        throw new Error(`iteration ${i} (seed ${seed}) threw ${String(e)} for input ${hex}`, { cause: e });
      }
      stats.rejected++;
      stats.codes[e.code] = (stats.codes[e.code] ?? 0) + 1;
    }
    expect(performance.now() - started, `iteration ${i} took too long`).toBeLessThan(maxMs);
  }
  return stats;
}

const RANDOM_LEAVES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e300,
  -40000,
  '',
  'Ref-Binary-i16',
  'wav',
  [],
  {},
  [[]],
  [1, 2],
];

/**
 * A deep copy of a JSON-like document with one node replaced, removed or duplicated: reaches the shape and frame
 * checks behind the syntax, which byte mutations of text rarely get past.
 */
export function mutateDocument(random: () => number, document: unknown): unknown {
  const copy: unknown = structuredClone(document);
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        nodes.push({ parent: node, key: i });
        walk(child);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        nodes.push({ parent: node as Record<string, unknown>, key });
        walk(child);
      }
    }
  };
  walk(copy);
  if (nodes.length === 0) return copy;
  const { parent, key } = nodes[Math.floor(random() * nodes.length)];
  const choice = random();
  if (choice < 0.2) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (choice < 0.3 && Array.isArray(parent)) {
    parent.push(parent[key as number]);
  } else {
    const leaf = RANDOM_LEAVES[Math.floor(random() * RANDOM_LEAVES.length)];
    (parent as Record<string | number, unknown>)[key] = structuredClone(leaf);
  }
  return copy;
}
