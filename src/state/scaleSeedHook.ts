import { installTestHooks } from '../platform/workers/testHooks';
import { getDb } from './db';

// The generator is loaded only when the bench calls the hook, so it costs the page nothing otherwise.
installTestHooks({
  seedScaleProjects: async (request) =>
    (await import('../platform/db/scaleSeed')).seedScaleProjects(await getDb(), request),
});
