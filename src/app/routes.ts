export type RouteId =
  | 'projects'
  | 'devices'
  | 'data'
  | 'impulse'
  | 'training'
  | 'compression'
  | 'profiling'
  | 'tuner'
  | 'testing'
  | 'live'
  | 'deployment';

export interface Stage {
  id: RouteId;
  title: string;
  /** What the stage is for, shown as a nav tooltip. */
  purpose: string;
}

/** The stages of the user's path, in order (DESIGN.md §1). */
export const STAGES: Stage[] = [
  {
    id: 'devices',
    title: 'Devices',
    purpose:
      'Connect an Arduino Nano 33 BLE Sense over Web Serial or WebUSB, the computer microphone, or the virtual board.',
  },
  {
    id: 'data',
    title: 'Data acquisition',
    purpose: 'Import, record, label and curate samples.',
  },
  {
    id: 'impulse',
    title: 'Impulse design',
    purpose:
      'Choose the window, a processing block (spectral analysis, MFE, MFCC, spectrogram) and a learning block.',
  },
  {
    id: 'training',
    title: 'Training',
    purpose: 'Train a neural network in a Web Worker, watch loss and accuracy live, and quantise it to int8.',
  },
  {
    id: 'compression',
    title: 'Compression',
    purpose: 'Prune or distil a trained model into smaller variants and compare them on the boards.',
  },
  {
    id: 'profiling',
    title: 'Profiling',
    purpose: 'See latency, RAM and flash of the model on simulated target microcontrollers.',
  },
  {
    id: 'tuner',
    title: 'Tuner',
    purpose:
      'Search window, DSP and network settings under the target board’s latency, RAM and flash budget, and save the best.',
  },
  {
    id: 'testing',
    title: 'Testing',
    purpose: 'Classify the held-out test set and inspect every mistake.',
  },
  {
    id: 'live',
    title: 'Live',
    purpose: 'Classify the stream from a board or the microphone as it happens.',
  },
  {
    id: 'deployment',
    title: 'Deployment',
    purpose: 'Download a .tflite model, a C header, or an Arduino / C++ library built in the page.',
  },
];

/** What the studio shows: a route's page, or the welcome page while no project exists. */
export type PageId = RouteId | 'welcome';

/**
 * The page on screen for a route. Before the first project exists every stage shows the welcome page
 * (only Projects works without one), so the navigation must not highlight the stage in the address.
 */
export function pageFor(route: RouteId, hasProjects: boolean): PageId {
  return hasProjects || route === 'projects' ? route : 'welcome';
}

export function parseRoute(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split('/')[0];
  if (id === 'projects' || STAGES.some((s) => s.id === id)) return id as RouteId;
  return 'data';
}

/** The performance mark App sets when the first page's content is on screen (read by bench/bundle.ts). */
export const FIRST_RENDER_MARK = 'studio:first-page-render';
