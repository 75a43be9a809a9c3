import { create } from 'zustand';
import { transfer } from 'comlink';
import { describeError } from '../core/errors';
import { featureConfigHash, type Impulse } from '../core/impulse/impulse';
import { createSmoother, type Smoother, type WindowLabel } from '../core/learn/aggregate';
import { LiveWindower } from '../core/learn/liveWindow';
import type { Precision } from '../core/learn/modelRunner';
import type { TrainedModel } from '../core/learn/trainedModel';
import { liveSettingsProblems } from '../core/validation/classifyRules';
import { problemList } from '../core/validation/numberRule';
import { trainWorker } from '../platform/workers/trainClient';
import type { LiveResult } from '../../workers/trainApi';
import { runtimeRegistry } from './devices/registry';
import type { SourceSnapshot } from './devices/types';
import { useProjects } from './projectsStore';

/** Windows kept for the timeline chart. */
export const TIMELINE_WINDOWS = 60;

export interface LiveSettings {
  sourceId: string | null;
  sensorKey: string | null;
  precision: Precision;
  /** Windows averaged into the shown result. */
  smoothing: number;
  /** Classifier: below this smoothed probability the result is 'uncertain'. */
  threshold: number;
}

/** What the newest smoothed result says. */
export interface LiveReadout {
  /** A class label or 'uncertain' (classifier), the value (regression), 'anomaly' or 'normal'. */
  text: string;
  /** Class probabilities, [value] or [anomaly score], averaged over the smoothing windows. */
  smoothed: number[];
  /** The top class's smoothed probability, the value, or the score. */
  value: number;
}

export interface TimelinePoint {
  /** 1-based number of the window since start. */
  window: number;
  text: string;
  value: number;
}

/** Milliseconds per window: the last one and the sum over `count` windows. */
export interface Timing {
  last: number;
  total: number;
  count: number;
}

export interface LiveSession {
  impulseId: string;
  impulseName: string;
  kind: TrainedModel['learn']['kind'];
  labels: string[];
  sourceName: string;
  sensorName: string;
  precision: Precision;
  status: 'starting' | 'running' | 'stopped';
  /** Why it stopped, when it was not the user. */
  message: string | null;
  readout: LiveReadout | null;
  timeline: TimelinePoint[];
  classified: number;
  /** Windows that came due while the worker was busy and were not classified. */
  skipped: number;
  /** Breaks in the stream (readings lost); windowing restarts after each. */
  gaps: number;
  dsp: Timing;
  inference: Timing;
}

interface LiveClassifyState {
  settings: LiveSettings;
  session: LiveSession | null;
  setSettings: (patch: Partial<LiveSettings>) => void;
  start: (impulse: Impulse, model: TrainedModel, source: SourceSnapshot, sensorKey: string) => Promise<void>;
  /** Stops classifying; the results so far stay. Leaving the Live page does not stop it. */
  stop: (message?: string) => void;
}

/** Reads a smoothed result as the page shows it. */
export function readout(
  kind: LiveSession['kind'],
  labels: readonly string[],
  smoothed: Float32Array,
  label: WindowLabel,
): LiveReadout {
  const values = Array.from(smoothed);
  if (kind === 'classifier') {
    const top = values.reduce((best, v, i) => (v > values[best] ? i : best), 0);
    return {
      text: label === 'uncertain' ? 'uncertain' : labels[label],
      smoothed: values,
      value: values[top] ?? 0,
    };
  }
  const value = values[0] ?? 0;
  if (kind === 'regression')
    return { text: Number(value.toPrecision(4)).toString(), smoothed: values, value };
  // As in testing: a score above 0 lies outside every cluster.
  return { text: value > 0 ? 'anomaly' : 'normal', smoothed: values, value };
}

export function addTiming(t: Timing, ms: number): Timing {
  return { last: ms, total: t.total + ms, count: t.count + 1 };
}

/** The session after one more classified window. */
export function withResult(session: LiveSession, result: LiveResult, shown: LiveReadout): LiveSession {
  const window = session.classified + 1;
  return {
    ...session,
    readout: shown,
    timeline: [...session.timeline, { window, text: shown.text, value: shown.value }].slice(
      -TIMELINE_WINDOWS,
    ),
    classified: window,
    dsp: addTiming(session.dsp, result.dspMs),
    inference: addTiming(session.inference, result.inferenceMs),
  };
}

const noTiming: Timing = { last: 0, total: 0, count: 0 };

/** The running session's id; callbacks of an older session see a different one and do nothing. */
let current = 0;
let unsubscribe: (() => void) | null = null;

export const useLiveClassify = create<LiveClassifyState>((set, get) => {
  const patch = (id: number, change: (s: LiveSession) => Partial<LiveSession>) => {
    const s = get().session;
    if (id === current && s) set({ session: { ...s, ...change(s) } });
  };

  return {
    settings: { sourceId: null, sensorKey: null, precision: 'float32', smoothing: 4, threshold: 0.6 },
    session: null,

    setSettings: (p) => set({ settings: { ...get().settings, ...p } }),

    stop: (message) => {
      unsubscribe?.();
      unsubscribe = null;
      current++;
      const s = get().session;
      if (s && s.status !== 'stopped')
        set({ session: { ...s, status: 'stopped', message: message ?? null } });
    },

    start: async (impulse, model, source, sensorKey) => {
      get().stop();
      const id = current;
      // The controls show what runs, also when the Live page is opened again later.
      set({ settings: { ...get().settings, sourceId: source.id, sensorKey } });
      const { precision, smoothing, threshold } = get().settings;
      const sensor = source.sensors.find((s) => s.key === sensorKey);
      const kind = model.learn.kind;
      const session: LiveSession = {
        impulseId: impulse.id,
        impulseName: impulse.name,
        kind,
        labels: model.labels,
        sourceName: source.name,
        sensorName: sensor?.name ?? sensorKey,
        precision,
        status: 'starting',
        message: null,
        readout: null,
        timeline: [],
        classified: 0,
        skipped: 0,
        gaps: 0,
        dsp: noTiming,
        inference: noTiming,
      };
      const fail = (message: string) => set({ session: { ...session, status: 'stopped', message } });
      const wrong = problemList(liveSettingsProblems(kind, { smoothing, threshold }))[0];
      if (wrong) return fail(`Live classification was not started: ${wrong}`);
      const runtime = runtimeRegistry.get(source.id);
      if (!runtime || !sensor)
        return fail(`${source.name} is no longer connected: connect it on the Devices page.`);
      if (model.configHash !== featureConfigHash(impulse))
        return fail(
          'The impulse changed since its model was trained: train it again before classifying live.',
        );
      let windower: LiveWindower;
      let smoother: Smoother;
      try {
        windower = new LiveWindower({
          input: impulse.input,
          sensorAxes: sensor.axes.map((a) => a.name),
          sensorName: sensor.name,
          sensorHz: sensor.declaredHz,
        });
        // Regression and anomaly results are averaged the same way; their label is not used.
        smoother = createSmoother({ windows: smoothing, threshold: kind === 'classifier' ? threshold : 0 });
      } catch (e) {
        return fail(describeError(e));
      }
      set({ session });

      let framesSeen = 0;
      let inFlight = false;
      const pump = () => {
        if (id !== current || inFlight) return;
        const next = windower.takeLatest();
        // Windows that came due while the worker was preparing are not the worker falling behind.
        if (!next || get().session?.status !== 'running') return;
        inFlight = true;
        if (next.skipped > 0) patch(id, (s) => ({ skipped: s.skipped + next.skipped }));
        trainWorker()
          .classify(transfer(next.values, [next.values.buffer]))
          .then(
            (result) => {
              inFlight = false;
              if (id !== current) return;
              const { label, smoothed } = smoother.push(result.outputs);
              patch(id, (s) => withResult(s, result, readout(kind, model.labels, smoothed, label)));
              pump();
            },
            (e: unknown) => {
              inFlight = false;
              if (id === current) get().stop(`Classification failed: ${describeError(e)}`);
            },
          );
      };
      const unsubscribeFrames = runtime.subscribe(sensorKey, (values, frames, continuous) => {
        if (id !== current) return;
        try {
          if (!continuous && framesSeen > 0) {
            windower.reset();
            smoother.reset();
            patch(id, (s) => ({ gaps: s.gaps + 1 }));
          }
          windower.push(values, frames);
          framesSeen += frames;
        } catch (e) {
          get().stop(describeError(e));
          return;
        }
        pump();
      });
      // An unplug's reason is a sentence of its own ("The board was disconnected (…)."), named after the board.
      const unsubscribeEnd = runtime.onEnd((reason) =>
        get().stop(
          `${reason === 'closed' ? `${source.name} was disconnected.` : `${source.name}: ${reason}`} ` +
            'Live classification stopped; the results so far are kept below.',
        ),
      );
      unsubscribe = () => {
        unsubscribeFrames();
        unsubscribeEnd();
      };
      try {
        await trainWorker().startLive(impulse, model, precision);
      } catch (e) {
        if (id === current) get().stop(describeError(e));
        return;
      }
      patch(id, () => ({ status: 'running' }));
      pump();
    },
  };
});

// Classifying runs on across pages, but belongs to the project it was started in.
useProjects.subscribe((state, previous) => {
  if (state.currentId !== previous.currentId)
    useLiveClassify.getState().stop('Another project was opened: live classification stopped.');
});
