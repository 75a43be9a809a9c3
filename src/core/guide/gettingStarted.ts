/**
 * The getting-started guide: the nine steps from an empty studio to a downloaded Arduino library, each ticked
 * off from what the project really holds (a plain snapshot of the stores), never from what was clicked.
 */
import { MIN_SAMPLES_FOR_TEST } from '../dataset/split';

/** The pages a step links to (a subset of the studio's routes). */
export type GuidePage = 'projects' | 'devices' | 'data' | 'impulse' | 'training' | 'profiling' | 'deployment';

export type GuideStepId =
  'project' | 'connect' | 'record' | 'impulse' | 'features' | 'train' | 'quantize' | 'profile' | 'download';

/** What the guide needs to know about the current project, as plain data. */
export interface GuideSnapshot {
  hasProject: boolean;
  /** The name of a source connected now (virtual board, board or microphone), or null. */
  connectedSource: string | null;
  /** Enabled samples of the project per label. */
  samplesPerLabel: Readonly<Record<string, number>>;
  impulseCount: number;
  /** The facts below are about the selected impulse and its stored model. */
  featuresReady: boolean;
  trained: boolean;
  quantized: boolean;
  profiled: boolean;
  libraryDownloaded: boolean;
}

export interface GuideStep {
  id: GuideStepId;
  title: string;
  page: GuidePage;
  done: boolean;
  /** One line on where the project stands for this step, or what to do. */
  detail: string;
}

export interface GuideProgress {
  steps: GuideStep[];
  doneCount: number;
  /** The first step not done yet; null when all are. */
  next: GuideStep | null;
}

/** Labels a classifier needs at the least. */
export const MIN_LABELS = 2;
/** Samples per label for which the default 80/20 split holds one out for testing. */
export const RECOMMENDED_SAMPLES_PER_LABEL = MIN_SAMPLES_FOR_TEST;

/** Enabled samples per label, for GuideSnapshot.samplesPerLabel. */
export function enabledSamplesPerLabel(
  samples: readonly { label: string; enabled: boolean }[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of samples) if (s.enabled) counts[s.label] = (counts[s.label] ?? 0) + 1;
  return counts;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function recordDetail(perLabel: Readonly<Record<string, number>>): string {
  const labels = Object.keys(perLabel).sort();
  const total = labels.reduce((sum, l) => sum + perLabel[l], 0);
  const advice = `recommended: ${MIN_LABELS} or more labels, ${RECOMMENDED_SAMPLES_PER_LABEL}+ samples each`;
  if (total === 0) return `No samples yet; ${advice}.`;
  const counts = labels.map((l) => `${l} ${perLabel[l]}`).join(', ');
  const short = labels.filter((l) => perLabel[l] < RECOMMENDED_SAMPLES_PER_LABEL);
  const ok = labels.length >= MIN_LABELS && short.length === 0;
  return `${plural(total, 'sample')} of ${plural(labels.length, 'label')} (${counts}); ${ok ? 'enough to start' : advice}.`;
}

function connectDetail(s: GuideSnapshot, hasSamples: boolean): string {
  if (s.connectedSource) return `${s.connectedSource} is connected.`;
  if (hasSamples) return 'Not connected now; the project has samples already.';
  return 'Start the virtual board, or plug in a board or use the microphone.';
}

/** Every step, whether it is done, and the next one to take. */
export function gettingStarted(s: GuideSnapshot): GuideProgress {
  const labelCount = Object.keys(s.samplesPerLabel).filter((l) => s.samplesPerLabel[l] > 0).length;
  const hasSamples = labelCount > 0;
  const steps: GuideStep[] = [
    {
      id: 'project',
      title: 'Create a project',
      page: 'projects',
      done: s.hasProject,
      detail: s.hasProject ? 'The project holds your data and models.' : 'Name a project to begin.',
    },
    {
      id: 'connect',
      title: 'Connect the virtual board',
      page: 'devices',
      done: s.hasProject && (s.connectedSource !== null || hasSamples),
      detail: connectDetail(s, hasSamples),
    },
    {
      id: 'record',
      title: `Record samples of ${MIN_LABELS}+ labels`,
      page: 'data',
      done: labelCount >= MIN_LABELS,
      detail: recordDetail(s.samplesPerLabel),
    },
    {
      id: 'impulse',
      title: 'Design an impulse',
      page: 'impulse',
      done: s.impulseCount > 0,
      detail:
        s.impulseCount > 0
          ? `${plural(s.impulseCount, 'impulse')} in the project.`
          : 'Add an impulse: window, processing block, learning block.',
    },
    {
      id: 'features',
      title: 'Generate features',
      page: 'impulse',
      done: s.featuresReady,
      detail: s.featuresReady ? 'Features of the selected impulse are ready.' : 'Run the processing block.',
    },
    {
      id: 'train',
      title: 'Train the model',
      page: 'training',
      done: s.trained,
      detail: s.trained ? 'The selected impulse has a trained model.' : 'Train the learning block.',
    },
    {
      id: 'quantize',
      title: 'Quantise to int8',
      page: 'training',
      done: s.quantized,
      detail: s.quantized ? 'An int8 model is ready.' : 'Quantise the trained model on the Training page.',
    },
    {
      id: 'profile',
      title: 'Profile on the target board',
      page: 'profiling',
      done: s.profiled,
      detail: s.profiled
        ? 'Latency, RAM and flash of this model are known.'
        : 'See whether the model fits your board, and how fast it runs.',
    },
    {
      id: 'download',
      title: 'Download the Arduino library',
      page: 'deployment',
      done: s.libraryDownloaded,
      detail: s.libraryDownloaded
        ? 'Downloaded: add the .zip in the Arduino IDE.'
        : 'Build the library in the page and take it home.',
    },
  ];
  const doneCount = steps.filter((step) => step.done).length;
  return { steps, doneCount, next: steps.find((step) => !step.done) ?? null };
}
