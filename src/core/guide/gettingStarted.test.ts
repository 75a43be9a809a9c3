import { describe, expect, it } from 'vitest';
import {
  enabledSamplesPerLabel,
  gettingStarted,
  RECOMMENDED_SAMPLES_PER_LABEL,
  type GuideSnapshot,
} from './gettingStarted';

const EMPTY: GuideSnapshot = {
  hasProject: false,
  connectedSource: null,
  samplesPerLabel: {},
  impulseCount: 0,
  featuresReady: false,
  trained: false,
  quantized: false,
  profiled: false,
  libraryDownloaded: false,
};

const doneIds = (s: GuideSnapshot) =>
  gettingStarted(s)
    .steps.filter((step) => step.done)
    .map((step) => step.id);

describe('gettingStarted', () => {
  it('has nine steps in the order of the path, none done before a project exists', () => {
    const progress = gettingStarted(EMPTY);
    expect(progress.steps.map((s) => s.id)).toEqual([
      'project',
      'connect',
      'record',
      'impulse',
      'features',
      'train',
      'quantize',
      'profile',
      'download',
    ]);
    expect(progress.doneCount).toBe(0);
    expect(progress.next?.id).toBe('project');
  });

  it('a fresh project is one step done, and the next is to connect a board', () => {
    const progress = gettingStarted({ ...EMPTY, hasProject: true });
    expect(progress.doneCount).toBe(1);
    expect(progress.next?.id).toBe('connect');
    expect(progress.next?.page).toBe('devices');
  });

  it('connecting is done while a source is connected, or once the project has samples', () => {
    const project = { ...EMPTY, hasProject: true };
    expect(doneIds({ ...project, connectedSource: 'Virtual board' })).toContain('connect');
    expect(gettingStarted({ ...project, connectedSource: 'Virtual board' }).steps[1].detail).toContain(
      'Virtual board',
    );
    expect(doneIds({ ...project, samplesPerLabel: { wave: 1 } })).toContain('connect');
    expect(doneIds(project)).not.toContain('connect');
  });

  it('recording needs two labels with samples, and says how many there are and what is recommended', () => {
    const project = { ...EMPTY, hasProject: true };
    const one = gettingStarted({ ...project, samplesPerLabel: { wave: 4 } });
    expect(one.steps[2].done).toBe(false);
    expect(one.steps[2].detail).toContain('4 samples of 1 label (wave 4)');
    expect(one.steps[2].detail).toContain(`${RECOMMENDED_SAMPLES_PER_LABEL}+ samples each`);
    const two = gettingStarted({ ...project, samplesPerLabel: { wave: 1, idle: 2 } });
    expect(two.steps[2].done).toBe(true);
    expect(two.steps[2].detail).toContain('3 samples of 2 labels (idle 2, wave 1)');
    expect(two.steps[2].detail).toContain('recommended');
    const enough = gettingStarted({ ...project, samplesPerLabel: { wave: 3, idle: 5 } });
    expect(enough.steps[2].detail).toContain('enough to start');
    const zeroLabel = gettingStarted({ ...project, samplesPerLabel: { wave: 3, idle: 0 } });
    expect(zeroLabel.steps[2].done).toBe(false);
  });

  it('each later step ticks from its own fact, and the next step is the first one not done', () => {
    const base: GuideSnapshot = {
      ...EMPTY,
      hasProject: true,
      connectedSource: 'Virtual board',
      samplesPerLabel: { idle: 3, wave: 3 },
    };
    expect(gettingStarted({ ...base, impulseCount: 2 }).steps[3]).toMatchObject({
      done: true,
      detail: '2 impulses in the project.',
    });
    expect(doneIds({ ...base, featuresReady: true })).toContain('features');
    expect(doneIds({ ...base, trained: true })).toContain('train');
    expect(doneIds({ ...base, quantized: true })).toContain('quantize');
    expect(doneIds({ ...base, profiled: true })).toContain('profile');
    const downloaded = gettingStarted({ ...base, libraryDownloaded: true });
    expect(downloaded.doneCount).toBe(4);
    expect(downloaded.next?.id).toBe('impulse');
  });

  it('counts the enabled samples of each label', () => {
    expect(
      enabledSamplesPerLabel([
        { label: 'wave', enabled: true },
        { label: 'idle', enabled: true },
        { label: 'wave', enabled: true },
        { label: 'noise', enabled: false },
      ]),
    ).toEqual({ wave: 2, idle: 1 });
  });

  it('all nine done leaves no next step', () => {
    const all = gettingStarted({
      hasProject: true,
      connectedSource: null,
      samplesPerLabel: { idle: 3, wave: 3 },
      impulseCount: 1,
      featuresReady: true,
      trained: true,
      quantized: true,
      profiled: true,
      libraryDownloaded: true,
    });
    expect(all.doneCount).toBe(9);
    expect(all.next).toBeNull();
  });
});
