import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../core/dataset/sample';
import type { Impulse } from '../../core/impulse/impulse';
import { newId } from '../../core/ids';
import { openTestDb } from '../db/testFixtures';
import { buildFeatureSet } from './featureSet';

/** `ms` of one axis at 100 Hz. */
function sample(projectId: string, ms: number): Sample {
  const frames = ms / 10;
  return {
    id: newId(),
    projectId,
    name: `wave.${ms}`,
    label: 'wave',
    category: 'training',
    enabled: true,
    deviceName: 'test',
    deviceType: 'VIRTUAL',
    createdAt: 1,
    updatedAt: 1,
    sensors: [{ name: 'accX', units: 'm/s2' }],
    intervalMs: 10,
    frameCount: frames,
    values: Float32Array.from({ length: frames }, (_, i) => Math.sin(i / 5)),
  };
}

async function run(zeroPad: boolean) {
  const db = await openTestDb();
  const project = await db.createProject('P');
  const samples = [sample(project.id, 2000), sample(project.id, 1500)];
  await db.addSamples(project.id, samples);
  const impulse: Impulse = {
    id: newId(),
    projectId: project.id,
    name: 'Long window',
    input: { windowSizeMs: 5000, windowStrideMs: 500, frequencyHz: 100, zeroPad, axes: ['accX'] },
    dsp: { block: 'raw', params: {} },
    createdAt: 1,
    updatedAt: 1,
  };
  const job = {
    impulse,
    samples: samples.map(({ id, name, label, category, updatedAt }) => ({
      id,
      name,
      label,
      category,
      updatedAt,
    })),
  };
  return () =>
    buildFeatureSet(
      db,
      job,
      () => undefined,
      () => false,
    );
}

describe('a feature set without one window', () => {
  it('says that no sample is as long as the window, also when the empty results come from the cache', async () => {
    const build = await run(false);
    const expected = {
      code: 'no-window',
      message:
        'No sample is at least 5000 ms long (the longest is 2000 ms); shorten the window or turn on zero-padding.',
    };
    await expect(build()).rejects.toMatchObject(expected);
    await expect(build()).rejects.toMatchObject(expected);
  });

  it('pads the samples into one window each when zero-padding is on', async () => {
    const { summary } = await (await run(true))();
    expect(summary.windowCount).toBe(2);
  });
});
