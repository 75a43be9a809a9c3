/** The deployment store records an Arduino library download per project, for the getting-started guide. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Impulse } from '../core/impulse/impulse';
import type { TrainedModel } from '../core/learn/trainedModel';

const db = vi.hoisted(() => ({ settings: new Map<string, unknown>() }));
const built = vi.hoisted(() => ({ fail: false, files: [] as string[] }));
vi.mock('./db', () => ({
  getDb: async () => ({
    getSetting: async (key: string) => db.settings.get(key),
    setSetting: async (key: string, value: unknown) => void db.settings.set(key, value),
  }),
}));
vi.mock('../platform/workers/mcuClient', () => ({ mcuWorker: () => ({}) }));
vi.mock('../platform/workers/deployClient', () => ({
  deployWorker: () => ({
    buildImpulse: async () => {
      if (built.fail) throw new Error('the build failed');
      return { fileName: 'lib.zip', bytes: new Uint8Array(4), mime: 'application/zip' };
    },
  }),
}));
vi.mock('../platform/download', () => ({
  downloadBytes: (name: string) => void built.files.push(name),
}));
vi.stubGlobal('location', { href: 'http://127.0.0.1/' });

const { libraryDownloadKey, useDeployment } = await import('./deploymentStore');

const impulse = { id: 'imp', projectId: 'p' } as Impulse;
const model = { impulseId: 'imp' } as TrainedModel;

describe('deployment store: the Arduino library download record', () => {
  beforeEach(() => {
    db.settings.clear();
    built.fail = false;
    built.files = [];
    useDeployment.setState({ format: 'arduino', libraryDownloads: {}, building: null, buildError: null });
  });

  it('records a downloaded Arduino library for the project, and a new session reads it back', async () => {
    await useDeployment.getState().downloadImpulse('Project', impulse, model);
    expect(built.files).toEqual(['lib.zip']);
    expect('p' in useDeployment.getState().libraryDownloads).toBe(true);
    expect(db.settings.get(libraryDownloadKey('p'))).toEqual(expect.any(Number));
    useDeployment.setState({ libraryDownloads: {} });
    await useDeployment.getState().loadLibraryDownload('p');
    expect('p' in useDeployment.getState().libraryDownloads).toBe(true);
    await useDeployment.getState().loadLibraryDownload('other');
    expect('other' in useDeployment.getState().libraryDownloads).toBe(false);
  });

  it('records nothing for another format or a failed build', async () => {
    useDeployment.setState({ format: 'header' });
    await useDeployment.getState().downloadImpulse('Project', impulse, model);
    expect(built.files).toEqual(['lib.zip']);
    useDeployment.setState({ format: 'arduino' });
    built.fail = true;
    await useDeployment.getState().downloadImpulse('Project', impulse, model);
    expect(useDeployment.getState().buildError).toContain('the build failed');
    expect(useDeployment.getState().libraryDownloads).toEqual({});
    expect(db.settings.size).toBe(0);
  });
});
