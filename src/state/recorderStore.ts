import { create } from 'zustand';
import { RecordingBuffer } from '../core/dataset/recordingBuffer';
import {
  isAudio,
  type Sample,
  type SampleCategory,
  type SampleValues,
  type SensorInfo,
} from '../core/dataset/sample';
import { describeError, StudioError } from '../core/errors';
import { exportSample } from '../core/formats/exportSample';
import { downloadBytes } from '../platform/download';
import { autoCategories } from '../core/dataset/split';
import { newId } from '../core/ids';
import { problemList } from '../core/validation/numberRule';
import { recordingProblems } from '../core/validation/recordingRules';
import { runtimeRegistry } from './devices/registry';
import type { SourceSnapshot } from './devices/types';
import { useDataset } from './datasetStore';
import { toast } from './toastStore';

export type RecorderPhase = 'idle' | 'countdown' | 'recording' | 'interrupted';

/** What was captured before the source went away: the user keeps or discards it. */
export interface PartialRecording {
  sample: Sample;
  reason: string;
  targetMs: number;
}

/**
 * A recording the database did not take (the disk was full, or another failure): it stays in this page until
 * it is saved on a retry, downloaded as a file, or discarded, so captured data is never silently lost.
 */
export interface UnsavedRecording {
  sample: Sample;
  description: string;
  reason: string;
}

interface RecorderState {
  phase: RecorderPhase;
  countdownLeft: number;
  recordedMs: number;
  targetMs: number;
  partial: PartialRecording | null;
  unsaved: UnsavedRecording | null;
  start: (options: RecordOptions) => void;
  cancel: () => void;
  keepPartial: () => Promise<void>;
  discardPartial: () => void;
  retryUnsaved: () => Promise<void>;
  /** Downloads the unsaved recording (Edge Impulse JSON, WAV for audio), which stays kept until discarded. */
  downloadUnsaved: () => void;
  discardUnsaved: () => void;
}

export interface RecordOptions {
  source: SourceSnapshot;
  sensorKey: string;
  label: string;
  lengthMs: number;
  countdownS: number;
  /** 'auto': the default split, stratified per label (about 1 in 5 of each label for testing). */
  category: 'auto' | SampleCategory;
}

let stopActive: (() => void) | null = null;

function sampleFrom(
  o: RecordOptions,
  axes: SensorInfo[],
  intervalMs: number,
  values: SampleValues,
  streamGaps: number,
): Sample {
  const id = newId();
  const now = Date.now();
  const label = o.label.trim() || 'unlabeled';
  return {
    id,
    projectId: useDataset.getState().projectId ?? '',
    name: `${label}.${id.slice(0, 6)}`,
    label,
    category:
      o.category === 'auto'
        ? autoCategories(useDataset.getState().samples, [{ id, label, createdAt: now }])[0]
        : o.category,
    enabled: true,
    sensors: axes,
    intervalMs,
    frameCount: values.length / axes.length,
    values,
    deviceName: o.source.name,
    deviceType: o.source.simulated
      ? 'VIRTUAL_BOARD'
      : o.source.kind === 'microphone'
        ? 'MICROPHONE'
        : 'SERIAL',
    streamGaps,
    createdAt: now,
    updatedAt: now,
  };
}

/** Saves the sample; when that fails, the recorder keeps it as `unsaved` with the reason. */
async function save(sample: Sample, description: string): Promise<boolean> {
  const { values, ...meta } = sample;
  try {
    const ok = await useDataset
      .getState()
      .commitEdit(description, { put: [{ meta, values }], remove: [] }, false);
    if (!ok) throw new StudioError('no-project', 'No project is open.');
  } catch (e) {
    useRecorder.setState({ unsaved: { sample, description, reason: describeError(e) } });
    return false;
  }
  toast.success(`${description}.`);
  // A task of its own: re-rendering the list and then the selected sample's detail in one task can
  // block the main thread for over 50 ms while the board keeps streaming.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await useDataset.getState().select(sample.id);
  return true;
}

export const useRecorder = create<RecorderState>((set, get) => ({
  phase: 'idle',
  countdownLeft: 0,
  recordedMs: 0,
  targetMs: 0,
  partial: null,
  unsaved: null,

  start: (o) => {
    const problem = problemList(recordingProblems(o))[0];
    if (problem) {
      toast.error(`Recording was not started: ${problem}`);
      return;
    }
    const runtime = runtimeRegistry.get(o.source.id);
    const sensor = o.source.sensors.find((s) => s.key === o.sensorKey);
    if (!runtime || !sensor) {
      toast.error('That source is no longer connected.');
      return;
    }
    if (sensor.streaming === false) {
      toast.error(
        `The ${sensor.name} stream is switched off, so there is nothing to record: switch it on (“Stream ${sensor.name}” on the Devices page) and try again.`,
      );
      return;
    }
    if (!(sensor.declaredHz > 0)) {
      toast.error(`The rate of ${sensor.name} is not known yet: wait until data arrives.`);
      return;
    }
    const intervalMs = 1000 / sensor.declaredHz;
    // Never longer than asked: 1000 ms at 62.5 Hz is 62 readings.
    const targetFrames = Math.max(1, Math.floor(o.lengthMs / intervalMs + 1e-9));
    const audio = sensor.kind === 'audio';
    const buffer = audio
      ? new RecordingBuffer((n) => new Int16Array(n), sensor.axes.length, targetFrames)
      : new RecordingBuffer((n) => new Float32Array(n), sensor.axes.length, targetFrames);
    set({
      phase: o.countdownS > 0 ? 'countdown' : 'recording',
      countdownLeft: o.countdownS,
      recordedMs: 0,
      targetMs: o.lengthMs,
      partial: null,
    });

    let unsubscribeFrames: (() => void) | null = null;
    let timer: ReturnType<typeof setInterval> | null = null;
    const stop = () => {
      unsubscribeFrames?.();
      unsubscribeEnd();
      if (timer) clearInterval(timer);
      stopActive = null;
    };
    let gaps = 0;
    const finish = () => {
      stop();
      set({ phase: 'idle' });
      if (gaps > 0) {
        toast.error(
          `The stream broke ${gaps} time${gaps === 1 ? '' : 's'} during this recording (lost frames or malformed lines, counted on the Devices page): the sample has gaps, and is marked so. Consider recording it again.`,
        );
      }
      void save(
        sampleFrom(o, sensor.axes, intervalMs, buffer.values(), gaps),
        `Recorded ${Math.round(o.lengthMs)} ms of “${o.label.trim() || 'unlabeled'}”`,
      );
    };
    const interrupt = (reason: string) => {
      stop();
      if (buffer.frameCount === 0) {
        set({ phase: 'idle' });
        toast.error(`Recording stopped before any data arrived: ${reason}`);
        return;
      }
      set({
        phase: 'interrupted',
        partial: {
          sample: sampleFrom(o, sensor.axes, intervalMs, buffer.values(), gaps),
          reason,
          targetMs: o.lengthMs,
        },
      });
    };
    const unsubscribeEnd = runtime.onEnd((reason) =>
      interrupt(reason === 'closed' ? 'The source was closed.' : reason),
    );
    const begin = () => {
      set({ phase: 'recording' });
      unsubscribeFrames = runtime.subscribe(o.sensorKey, (values, frames, continuous) => {
        if (values.length !== frames * buffer.axes) {
          interrupt(
            `The device changed from ${buffer.axes} to ${values.length / frames} values per reading.`,
          );
          return;
        }
        // Readings lost in transit are not stitched over silently: the sample counts the breaks, and the user is
        // told when the recording ends.
        if (!continuous && buffer.frameCount > 0) gaps++;
        buffer.append(values as never);
        set({ recordedMs: buffer.frameCount * intervalMs });
        if (buffer.full) finish();
      });
    };
    stopActive = stop;
    if (o.countdownS <= 0) {
      begin();
      return;
    }
    timer = setInterval(() => {
      const left = get().countdownLeft - 1;
      if (left > 0) {
        set({ countdownLeft: left });
        return;
      }
      if (timer) clearInterval(timer);
      timer = null;
      set({ countdownLeft: 0 });
      begin();
    }, 1000);
  },

  cancel: () => {
    stopActive?.();
    set({ phase: 'idle', recordedMs: 0 });
  },

  keepPartial: async () => {
    const p = get().partial;
    if (!p) return;
    const ok = await save(
      p.sample,
      `Kept ${Math.round(p.sample.frameCount * p.sample.intervalMs)} ms of an interrupted recording`,
    );
    // Saved, or else kept as the unsaved recording with its own dialog.
    if (ok || get().unsaved) set({ partial: null, phase: 'idle' });
  },

  discardPartial: () => set({ partial: null, phase: 'idle' }),

  retryUnsaved: async () => {
    const u = get().unsaved;
    if (!u) return;
    set({ unsaved: null });
    await save(u.sample, u.description);
  },

  downloadUnsaved: () => {
    const u = get().unsaved;
    if (!u) return;
    const file = exportSample(u.sample, isAudio(u.sample) ? 'wav' : 'json');
    downloadBytes(file.fileName, file.bytes, file.mime);
    toast.success(`Downloaded “${file.fileName}”: import it on the Data page once there is space.`);
  },

  discardUnsaved: () => set({ unsaved: null }),
}));
