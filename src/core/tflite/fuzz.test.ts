import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { prng } from '../formats/testUtils/fuzz';
import { standardizationOf } from '../ir/standardize';
import { readTflite } from './reader';
import { buffers } from './testUtils/flatPatch';
import { sharedModelBytes } from './testUtils/sharedModels';
import { int8Graph } from './testUtils/testGraphs';
import { writeTflite } from './writer';

interface Tally {
  parsed: number;
  threw: number;
  codes: Record<string, number>;
}

/** Reads a damaged file: it must give a Graph or a StudioError with a tflite- code, nothing else. */
function attempt(bytes: Uint8Array, tally: Tally, label: string): void {
  try {
    readTflite(bytes);
    tally.parsed++;
  } catch (e) {
    if (!(e instanceof StudioError) || !e.code.startsWith('tflite-')) {
      throw new Error(`${label}: readTflite threw ${String(e)}`, { cause: e });
    }
    tally.threw++;
    tally.codes[e.code] = (tally.codes[e.code] ?? 0) + 1;
  }
}

/** Bytes outside the constant data: tables, vtables, vectors of indices and strings. */
function structuralPositions(bytes: Uint8Array): number[] {
  const inData = new Uint8Array(bytes.length);
  for (const b of buffers(bytes)) if (b !== null) inData.fill(1, b.start, b.start + b.length);
  return [...inData.keys()].filter((i) => inData[i] === 0);
}

/** 1–8 changes, each a single bit flip or a random byte; half land on structure rather than weights. */
function mutate(bytes: Uint8Array, structure: number[], random: () => number): Uint8Array {
  const out = bytes.slice();
  const changes = 1 + Math.floor(random() * 8);
  for (let i = 0; i < changes; i++) {
    const at =
      random() < 0.5 ? structure[Math.floor(random() * structure.length)] : Math.floor(random() * out.length);
    out[at] = random() < 0.5 ? out[at] ^ (1 << Math.floor(random() * 8)) : Math.floor(random() * 256);
  }
  return out;
}

const MODELS: [string, () => Uint8Array, number | 'all'][] = [
  ['hello_world_int8', () => sharedModelBytes('hello_world_int8'), 'all'],
  ['kws_ref_model', () => sharedModelBytes('kws_ref_model'), 400],
  ['written int8 graph', () => writeTflite(int8Graph()), 'all'],
  ['written int8 graph with an input standardisation', () => writeTflite(standardized()), 'all'],
];

/** The int8 test graph with a standardisation of its input, so the metadata entry is damaged too. */
function standardized() {
  const graph = int8Graph();
  const features = graph.tensors[graph.inputs[0]].shape.reduce((a, b) => a * b, 1);
  const ones = new Array<number>(features).fill(1);
  graph.standardization = standardizationOf(ones, ones);
  return graph;
}

describe('readTflite on damaged files', () => {
  it.each(MODELS)(
    '%s: truncations and 2,000 random mutations give a Graph or a tflite- StudioError',
    (name, load, cuts) => {
      const bytes = load();
      const random = prng(0x7f1e + bytes.length);
      const started = performance.now();
      const truncated: Tally = { parsed: 0, threw: 0, codes: {} };
      const lengths =
        cuts === 'all'
          ? [...bytes.keys()]
          : Array.from({ length: cuts }, () => Math.floor(random() * bytes.length));
      for (const length of lengths)
        attempt(bytes.subarray(0, length), truncated, `${name} cut to ${length} bytes`);

      const mutated: Tally = { parsed: 0, threw: 0, codes: {} };
      const structure = structuralPositions(bytes);
      for (let i = 0; i < 2000; i++)
        attempt(mutate(bytes, structure, random), mutated, `${name} mutation ${i}`);
      const seconds = (performance.now() - started) / 1000;

      console.info(
        `${name}: ${lengths.length} truncations (${truncated.parsed} parsed, ${truncated.threw} threw); ` +
          `2000 mutations (${mutated.parsed} parsed, ${mutated.threw} threw ${JSON.stringify(mutated.codes)}); ` +
          `${seconds.toFixed(2)} s`,
      );
      expect(truncated.threw).toBeGreaterThan(0);
      expect(mutated.threw).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(10);
    },
  );
});
