/**
 * An instruction mix: how many instructions of each class (cores.ts) and how many float operations a loop
 * executes. Kernels are described as mixes per unit of work (per MAC, per output, per op) and priced on a core.
 */
import type { FloatCosts, InstructionCycles } from './cores';

export type IntegerClass = keyof InstructionCycles;
export type FloatClass = keyof FloatCosts;

export interface Mix {
  int?: Partial<Record<IntegerClass, number>>;
  /** float32 operations. */
  single?: Partial<Record<FloatClass, number>>;
  /** float64 operations. */
  double?: Partial<Record<FloatClass, number>>;
}

function addRecords<K extends string>(
  a: Partial<Record<K, number>> | undefined,
  b: Partial<Record<K, number>> | undefined,
  factor: number,
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = { ...a };
  for (const [k, v] of Object.entries(b ?? {}) as [K, number][]) out[k] = (out[k] ?? 0) + v * factor;
  return out;
}

/** a + factor · b. */
export function addMix(a: Mix, b: Mix, factor = 1): Mix {
  return {
    int: addRecords(a.int, b.int, factor),
    single: addRecords(a.single, b.single, factor),
    double: addRecords(a.double, b.double, factor),
  };
}

/** Σ countᵢ · mixᵢ. */
export function sumMixes(terms: ReadonlyArray<readonly [Mix, number]>): Mix {
  return terms.reduce<Mix>((acc, [mix, count]) => addMix(acc, mix, count), {});
}

function price<K extends string>(
  counts: Partial<Record<K, number>> | undefined,
  costs: Record<K, number>,
): number {
  let cycles = 0;
  for (const [k, n] of Object.entries(counts ?? {}) as [K, number][]) {
    if (n === 0) continue;
    const c = costs[k];
    if (!Number.isFinite(c)) throw new RangeError(`instruction class ${k} does not exist on this core`);
    cycles += n * c;
  }
  return cycles;
}

/** Cycles of a mix on a core with the given float costs. */
export function mixCycles(
  mix: Mix,
  instructions: InstructionCycles,
  single: FloatCosts,
  double: FloatCosts,
): number {
  return price(mix.int, instructions) + price(mix.single, single) + price(mix.double, double);
}
