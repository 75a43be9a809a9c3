import { describeError } from '../core/errors';
import type { Impulse } from '../core/impulse/impulse';
import { getDb } from './db';
import { toast } from './toastStore';

/** Settings key of the impulse last selected in a project. */
export const lastImpulseKey = (projectId: string) => `lastImpulse:${projectId}`;

/** The impulse to select on load: the one last used, while it exists, else the first. */
export function pickImpulse(impulses: readonly Impulse[], rememberedId: string | undefined): string | null {
  return impulses.find((i) => i.id === rememberedId)?.id ?? impulses[0]?.id ?? null;
}

export async function rememberedImpulse(projectId: string): Promise<string | undefined> {
  return (await getDb()).getSetting<string>(lastImpulseKey(projectId));
}

/** Remembers the selection across reloads (Training, Testing and Live select it again). */
export function rememberImpulse(projectId: string, impulseId: string): void {
  void getDb()
    .then((db) => db.setSetting(lastImpulseKey(projectId), impulseId))
    .catch((e: unknown) => toast.error(describeError(e)));
}
