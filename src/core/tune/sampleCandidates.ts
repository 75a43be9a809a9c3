import { seededRandom } from '../random';
import type { Impulse } from '../impulse/impulse';
import type { PlanVerdict } from './plannedCost';
import { sampleSpec, specKey, type SearchSpace } from './searchSpace';
import type { Candidate, CandidateSpec } from './tuneTypes';

/** Draws per wanted candidate before the sampler gives up (a budget almost nothing fits). */
export const ATTEMPTS_PER_CANDIDATE = 25;

export interface SamplingOptions {
  space: SearchSpace;
  base: Pick<Impulse, 'input' | 'dsp'>;
  /** Candidates wanted that fit the budget. */
  count: number;
  seed: number;
  /** Costs a point and checks it against the budget (plannedCost.ts `planCandidate`). */
  judge: (spec: CandidateSpec) => PlanVerdict;
}

/**
 * Random search with the budget as a constraint: points are drawn (seeded, each distinct point once) and costed
 * before any training; those over budget are kept with the reason, and drawing goes on until `count` fit or
 * ATTEMPTS_PER_CANDIDATE × count points were drawn. Ids are c1, c2, … in the order drawn.
 */
export function sampleCandidates(options: SamplingOptions): Candidate[] {
  const rand = seededRandom(options.seed);
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  let accepted = 0;
  for (let draw = 0; draw < options.count * ATTEMPTS_PER_CANDIDATE && accepted < options.count; draw++) {
    const spec = sampleSpec(options.space, options.base, rand);
    const key = specKey(spec);
    if (seen.has(key)) continue;
    seen.add(key);
    const verdict = options.judge(spec);
    candidates.push({ id: `c${candidates.length + 1}`, spec, ...verdict });
    if (!verdict.rejected) accepted++;
  }
  return candidates;
}
