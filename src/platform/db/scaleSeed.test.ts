import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seedScaleProjects } from './scaleSeed';
import { openTestDb } from './testFixtures';

describe('seedScaleProjects', () => {
  it('writes a gesture and a sound project, split 80/20 per label, values of the stated shape', async () => {
    const db = await openTestDb();
    const [imu, audio] = await seedScaleProjects(db, { imuSamples: 45, audioClips: 30, audioClipMs: 500 });
    expect(imu).toMatchObject({ samples: 45, bytes: 45 * 1000 * 3 * 4 });
    expect(audio).toMatchObject({ samples: 30, bytes: 30 * 8000 * 2 });

    const gestures = await db.listSamples(imu.id);
    expect(gestures).toHaveLength(45);
    expect(new Set(gestures.map((s) => s.label))).toEqual(new Set(['idle', 'wave', 'circle', 'shake']));
    const testing = gestures.filter((s) => s.category === 'testing').length;
    expect(testing).toBeGreaterThanOrEqual(8);
    expect(testing).toBeLessThanOrEqual(10);
    const first = await db.getSample(gestures[0].id);
    expect(first).toMatchObject({ intervalMs: 10, frameCount: 1000 });
    expect(first.values).toBeInstanceOf(Float32Array);

    const sounds = await db.listSamples(audio.id);
    expect(sounds).toHaveLength(30);
    const clip = await db.getSample(sounds.at(-1)!.id);
    expect(clip).toMatchObject({ intervalMs: 1000 / 16000, frameCount: 8000 });
    expect(clip.values).toBeInstanceOf(Int16Array);
  });

  it('refuses a request it cannot meet, with the field named, and writes nothing', async () => {
    const db = await openTestDb();
    await expect(seedScaleProjects(db, { imuSamples: -1, audioClips: 1, audioClipMs: 1000 })).rejects.toThrow(
      /imuSamples/,
    );
    await expect(seedScaleProjects(db, { imuSamples: 1, audioClips: 1, audioClipMs: 10 })).rejects.toThrow(
      /audioClipMs/,
    );
    expect(await db.listProjects()).toEqual([]);
  });
});
