/**
 * tune.*: the tuner's own search, in Node on the tfjs cpu backend, under the Nano 33 BLE Sense's default budget
 * (its free RAM and flash, a latency of one window stride), on the gesture impulse (virtual-board recordings) and
 * the keyword impulse (the shared WAVs). As the Tuner page does it: candidates drawn and planned as the tune worker
 * plans them, successive halving over the ones that fit, every training scored by `scoreCandidate`, and the best
 * candidate read from the page's own table rows. Features come from the core DSP; each DSP setting is computed once
 * per search, as the worker's IndexedDB feature cache gives it. Trainings run one at a time (one Node thread; the
 * page runs one per worker of its pool).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { featureConfigHash, type Impulse } from '../src/core/impulse/impulse';
import { gestureBenchSamples, GESTURE_IMPULSE } from '../src/core/learn/gestureBenchSet';
import { classLabels, type ImpulseTrainingSet } from '../src/core/learn/trainImpulse';
import type { TrainedModel } from '../src/core/learn/trainedModel';
import { trainingSetFromSamples, type LabelledSample } from '../src/core/learn/trainingSet';
import { getBoard } from '../src/core/mcu/boards';
import { formatKb } from '../src/core/mcu/profileBudget';
import { candidateRows, runRungs } from '../src/core/tune/candidateRows';
import { networkText, windowText } from '../src/core/tune/describeCandidate';
import { planCandidate } from '../src/core/tune/plannedCost';
import { sampleCandidates } from '../src/core/tune/sampleCandidates';
import { scoreCandidate } from '../src/core/tune/scoreCandidate';
import { candidateImpulse, searchSpaceFor } from '../src/core/tune/searchSpace';
import { runHalving } from '../src/core/tune/successiveHalving';
import { defaultTuneSettings } from '../src/core/tune/tuneSettings';
import type { Candidate, CostFigures, Evaluation, TuneSettings, TunerRun } from '../src/core/tune/tuneTypes';
import { KEYWORD_IMPULSE, keywordSamples } from './keywordBenchSet';
import type { Benchmark, BenchResult } from './types';

const BOARD = getBoard('nano33ble');
/** Small enough for the bench to stay within minutes, as the e2e's search: 6 candidates, then the best 3 longer. */
const SEARCH: Pick<TuneSettings, 'candidates' | 'minEpochs' | 'maxEpochs'> = {
  candidates: 6,
  minEpochs: 5,
  maxEpochs: 10,
};

interface SearchOutcome {
  trainings: number;
  /** Wall time of the rungs, what the page's "per minute" counts (planning excluded, as there). */
  activeMs: number;
  best: { id: string; description: string; accuracy: number; cost: CostFigures };
}

interface FeatureSets {
  train: ImpulseTrainingSet;
  test: ImpulseTrainingSet;
}

function baseImpulse(name: string, impulse: Pick<Impulse, 'input' | 'dsp'>): Impulse {
  return { id: `bench-${name}`, projectId: 'bench', name, ...impulse, createdAt: 0, updatedAt: 0 };
}

async function search(
  name: string,
  base: Impulse,
  trainSamples: LabelledSample[],
  testSamples: LabelledSample[],
): Promise<SearchOutcome> {
  const settings: TuneSettings = { ...defaultTuneSettings(BOARD, base), ...SEARCH };
  const labels = classLabels(trainSamples.map((s) => s.label));
  const plan = {
    base,
    classes: labels.length,
    board: BOARD,
    runtime: settings.runtime,
    budget: settings.budget,
    seed: settings.seed,
  };
  const candidates: Candidate[] = sampleCandidates({
    space: searchSpaceFor(base),
    base,
    count: settings.candidates,
    seed: settings.seed,
    judge: (spec) => planCandidate(spec, plan),
  });

  const features = new Map<string, FeatureSets>();
  const featuresOf = (impulse: Impulse): FeatureSets => {
    const key = featureConfigHash(impulse);
    let sets = features.get(key);
    if (!sets) {
      sets = {
        train: trainingSetFromSamples(impulse, trainSamples).set,
        test: trainingSetFromSamples(impulse, testSamples).set,
      };
      features.set(key, sets);
    }
    return sets;
  };

  const models: Record<string, TrainedModel> = {};
  const evaluate = async (candidate: Candidate, epochs: number, rung: number): Promise<Evaluation> => {
    const t0 = performance.now();
    const impulse = candidateImpulse(base, candidate.spec, epochs, {
      id: `tuner-${candidate.id}`,
      name: `${name} — tuner ${candidate.id}`,
    });
    const { train, test } = featuresOf(impulse);
    const { model, evaluation } = await scoreCandidate({
      impulse,
      train,
      test: { rows: test.rows, labels: test.rowLabels },
      board: BOARD,
      runtime: settings.runtime,
      budget: settings.budget,
      backend: tf.getBackend(),
    });
    models[candidate.id] = model;
    return { ...evaluation, candidateId: candidate.id, rung, durationMs: performance.now() - t0 };
  };

  const started = performance.now();
  const evaluations = await runHalving({
    candidates,
    rungs: runRungs({ candidates, settings }),
    known: [],
    concurrency: 1,
    evaluate,
    onEvaluation: () => undefined,
  });
  const activeMs = performance.now() - started;

  const run: TunerRun = {
    projectId: 'bench',
    base,
    settings,
    labels,
    candidates,
    evaluations,
    models,
    status: 'completed',
    startedAt: 0,
    updatedAt: 0,
    activeMs,
  };
  const fitting = candidateRows(run, new Map())
    .filter((r) => r.canSave && r.accuracy !== null && r.cost !== null)
    // Of equally accurate ones, the faster: the one a user would save.
    .sort((a, b) => b.accuracy! - a.accuracy! || a.cost!.latencyMs - b.cost!.latencyMs);
  const rejected = candidates.filter((c) => c.rejected).length;
  const failed = evaluations.filter((e) => e.status === 'failed');
  const overBudget = evaluations.filter((e) => e.overBudget !== null).length;
  console.log(
    `${name} (${trainSamples.length} training, ${testSamples.length} testing samples): ${candidates.length} drawn, ` +
      `${rejected} rejected by the plan, ${evaluations.length} trainings (${failed.length} failed, ` +
      `${overBudget} over budget once trained) in ${(activeMs / 1000).toFixed(0)} s, ` +
      `${fitting.length} candidates fit; budget ${settings.budget.latencyMs} ms, ${settings.budget.ramKb} KB RAM, ` +
      `${settings.budget.flashKb} KB flash`,
  );
  for (const e of failed) console.log(`  ${e.candidateId} failed: ${e.error}`);
  const top = fitting[0];
  if (!top) throw new Error(`${name}: no candidate fits the Nano 33 BLE Sense budget once trained`);
  return {
    trainings: evaluations.length,
    activeMs,
    best: {
      id: top.candidate.id,
      description: `${windowText(top.candidate.spec)}, ${top.dsp}, ${networkText(top.candidate.spec.network)}`,
      accuracy: top.accuracy! * 100,
      cost: top.cost!,
    },
  };
}

const sum = (outcomes: SearchOutcome[], figure: (o: SearchOutcome) => number) =>
  outcomes.reduce((total, o) => total + figure(o), 0);

const bestText = ({ best }: SearchOutcome) =>
  `best ${best.id} (${best.description}): ${best.cost.latencyMs.toFixed(2)} ms, ` +
  `${formatKb(best.cost.ramBytes)} RAM, ${formatKb(best.cost.flashBytes)} flash`;

export const tuneBench: Benchmark = {
  name: 'tune',
  async run() {
    await tf.setBackend('cpu');
    const gesture = await search(
      'gesture',
      baseImpulse('gesture', GESTURE_IMPULSE),
      gestureBenchSamples(12, 7),
      gestureBenchSamples(8, 1001),
    );
    const keywords = await search(
      'keywords',
      baseImpulse('keywords', KEYWORD_IMPULSE),
      // Half the compression bench's training clips: a conv2d candidate trains for minutes on tfjs cpu.
      keywordSamples(8, 5),
      keywordSamples(8, 77),
    );
    const searched = `${SEARCH.candidates} candidates, rungs ${SEARCH.minEpochs}→${SEARCH.maxEpochs} epochs`;
    const throughput = (outcomes: SearchOutcome[], what: string): BenchResult => ({
      value: sum(outcomes, (o) => o.trainings) / (sum(outcomes, (o) => o.activeMs) / 60_000),
      unit: 'trainings/min',
      goal:
        `report: trainings per minute of search, as the Tuner page counts them (every rung's training of a ` +
        `candidate counts once; planning excluded); ${what}, Node tfjs cpu, one at a time, ${searched}`,
    });
    const accuracy = (o: SearchOutcome, what: string): BenchResult => ({
      value: o.best.accuracy,
      unit: '%',
      goal:
        `report: best int8 test accuracy among candidates that fit the Nano 33 BLE Sense default budget once ` +
        `trained, ${what} (${searched}); ${bestText(o)}`,
    });
    return {
      'tune.candidates_per_min': throughput([gesture, keywords], 'the gesture and keyword searches together'),
      'tune.candidates_per_min.gesture': throughput([gesture], 'the gesture impulse'),
      'tune.candidates_per_min.keywords': throughput([keywords], 'the keyword impulse'),
      'tune.best_accuracy_gesture_pct': accuracy(gesture, 'the gesture impulse'),
      'tune.best_accuracy_keywords_pct': accuracy(keywords, 'the keyword impulse'),
    };
  },
};
