import { describe, expect, it } from 'vitest';
import {
  halvingRungs,
  plannedTrainings,
  rungMembers,
  runHalving,
  survivors,
  type HalvingOptions,
} from './successiveHalving';
import type { Candidate, Evaluation } from './tuneTypes';

const candidate = (n: number, rejected?: string): Candidate => ({
  id: `c${n}`,
  spec: {
    windowSizeMs: 1000,
    windowStrideMs: 500,
    dspParams: {},
    network: { family: 'dense', widths: [n], kernel: 0 },
  },
  planned: { latencyMs: n, ramBytes: 1000, flashBytes: 2000 },
  ...(rejected ? { rejected } : {}),
});

/** A fake evaluator: a candidate's accuracy is its own number / 100 plus a little per epoch; some never fit. */
function fakeEvaluator(overBudget: Set<string> = new Set()) {
  const calls: Array<{ id: string; epochs: number; rung: number }> = [];
  let running = 0;
  let mostAtOnce = 0;
  const evaluate = async (c: Candidate, epochs: number, rung: number): Promise<Evaluation> => {
    calls.push({ id: c.id, epochs, rung });
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise((r) => setTimeout(r, 1));
    running--;
    const n = Number(c.id.slice(1));
    return {
      candidateId: c.id,
      rung,
      epochs,
      status: 'done',
      valAccuracy: n / 100 + epochs / 10_000,
      test: { float: null, int8: null, windows: 0 },
      cost: { latencyMs: n, ramBytes: 1000, flashBytes: 2000 },
      overBudget: overBudget.has(c.id) ? 'over budget: RAM' : null,
      durationMs: 1,
    };
  };
  return { calls, evaluate, mostAtOnce: () => mostAtOnce };
}

const options = (over: Partial<HalvingOptions>): HalvingOptions => ({
  candidates: [],
  rungs: [],
  known: [],
  concurrency: 2,
  evaluate: async () => {
    throw new Error('no evaluator');
  },
  onEvaluation: () => undefined,
  ...over,
});

describe('halvingRungs', () => {
  it('keeps 1 / eta of the candidates per rung and trains them eta times longer, up to the last epochs', () => {
    expect(halvingRungs(8, 5, 40, 2)).toEqual([
      { epochs: 5, size: 8 },
      { epochs: 10, size: 4 },
      { epochs: 20, size: 2 },
      { epochs: 40, size: 1 },
    ]);
    expect(halvingRungs(9, 10, 25, 3)).toEqual([
      { epochs: 10, size: 9 },
      { epochs: 25, size: 3 },
    ]);
    // One candidate, or equal first and last epochs: plain random search.
    expect(halvingRungs(1, 5, 40, 2)).toEqual([{ epochs: 5, size: 1 }]);
    expect(halvingRungs(6, 20, 20, 2)).toEqual([{ epochs: 20, size: 6 }]);
    expect(plannedTrainings(halvingRungs(8, 5, 40, 2))).toBe(15);
  });
});

describe('runHalving', () => {
  const candidates = [3, 7, 1, 9, 5, 2, 8, 4].map((n) => candidate(n));

  it('trains every candidate, then only the best half at each next rung, within the concurrency', async () => {
    const fake = fakeEvaluator();
    const rungs = halvingRungs(8, 5, 20, 2);
    const stored: Evaluation[] = [];
    const all = await runHalving(
      options({ candidates, rungs, evaluate: fake.evaluate, onEvaluation: (e) => void stored.push(e) }),
    );
    expect(all).toEqual(stored);
    expect(fake.calls.filter((c) => c.rung === 0)).toHaveLength(8);
    expect(
      fake.calls
        .filter((c) => c.rung === 1)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['c5', 'c7', 'c8', 'c9']);
    expect(
      fake.calls
        .filter((c) => c.rung === 2)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['c8', 'c9']);
    expect(fake.calls.filter((c) => c.rung === 2).every((c) => c.epochs === 20)).toBe(true);
    expect(fake.mostAtOnce()).toBe(2);
  });

  it('never trains a rejected candidate and never promotes one whose trained model is over budget', async () => {
    const fake = fakeEvaluator(new Set(['c9']));
    const withRejected = [...candidates, candidate(99, 'over budget: latency 50 ms > 20 ms')];
    const rungs = halvingRungs(8, 5, 10, 2);
    await runHalving(options({ candidates: withRejected, rungs, evaluate: fake.evaluate }));
    expect(fake.calls.some((c) => c.id === 'c99')).toBe(false);
    expect(
      fake.calls
        .filter((c) => c.rung === 1)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['c4', 'c5', 'c7', 'c8']);
  });

  it('resumes from stored evaluations: nothing is trained twice and the result is the same', async () => {
    const rungs = halvingRungs(8, 5, 20, 2);
    const full = await runHalving(options({ candidates, rungs, evaluate: fakeEvaluator().evaluate }));
    const firstFive = full.slice(0, 5);
    const fake = fakeEvaluator();
    const resumed = await runHalving(
      options({ candidates, rungs, known: firstFive, evaluate: fake.evaluate }),
    );
    expect(fake.calls).toHaveLength(full.length - 5);
    const key = (e: Evaluation) => `${e.rung}|${e.candidateId}`;
    expect(resumed.map(key).sort()).toEqual(full.map(key).sort());
  });

  it('records a failed training and goes on; a cancel stops and throws "cancelled" without recording', async () => {
    const rungs = halvingRungs(4, 5, 10, 2);
    const some = candidates.slice(0, 4);
    const fake = fakeEvaluator();
    const failing = (c: Candidate, epochs: number, rung: number) =>
      c.id === 'c7' ? Promise.reject(new Error('out of memory')) : fake.evaluate(c, epochs, rung);
    const all = await runHalving(options({ candidates: some, rungs, evaluate: failing }));
    expect(all.find((e) => e.candidateId === 'c7')).toMatchObject({
      status: 'failed',
      error: 'out of memory',
    });
    expect(
      all
        .filter((e) => e.rung === 1)
        .map((e) => e.candidateId)
        .sort(),
    ).toEqual(['c3', 'c9']);

    const controller = new AbortController();
    const recorded: Evaluation[] = [];
    const cancelling = async (c: Candidate, epochs: number, rung: number) => {
      if (recorded.length === 1) {
        controller.abort();
        throw new Error('cancelled');
      }
      return fake.evaluate(c, epochs, rung);
    };
    await expect(
      runHalving(
        options({
          candidates: some,
          rungs,
          concurrency: 1,
          evaluate: cancelling,
          onEvaluation: (e) => void recorded.push(e),
          signal: controller.signal,
        }),
      ),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(recorded).toHaveLength(1);
  });
});

describe('survivors and rungMembers', () => {
  const e = (
    id: string,
    rung: number,
    acc: number,
    latency = 1,
    overBudget: string | null = null,
  ): Evaluation => ({
    candidateId: id,
    rung,
    epochs: 5,
    status: 'done',
    valAccuracy: acc,
    test: { float: null, int8: null, windows: 0 },
    cost: { latencyMs: latency, ramBytes: 0, flashBytes: 0 },
    overBudget,
    durationMs: 1,
  });

  it('ranks by validation accuracy, then latency, then draw order; over-budget ones never survive', () => {
    const evals = [
      e('c1', 0, 0.9, 5),
      e('c2', 0, 0.9, 3),
      e('c3', 0, 0.95, 9, 'over budget'),
      e('c4', 0, 0.5),
    ];
    expect(survivors(evals, 2)).toEqual(['c2', 'c1']);
    expect(survivors(evals, 5)).toEqual(['c2', 'c1', 'c4']);
  });

  it('knows a rung’s members only once the rung before is complete', () => {
    const cs = [candidate(1), candidate(2), candidate(3), candidate(4, 'over budget')];
    const rungs = halvingRungs(3, 5, 10, 2);
    expect(rungMembers(cs, [e('c1', 0, 0.5), e('c2', 0, 0.7)], rungs)).toEqual([['c1', 'c2', 'c3']]);
    expect(rungMembers(cs, [e('c1', 0, 0.5), e('c2', 0, 0.7), e('c3', 0, 0.6)], rungs)).toEqual([
      ['c1', 'c2', 'c3'],
      ['c2'],
    ]);
  });
});
