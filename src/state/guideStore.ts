/**
 * The getting-started guide's own state: whether it was dismissed (for the whole studio), and which model of a
 * project was last profiled, so that the profile step stays ticked after a reload. Every other fact the guide
 * shows is read from the stores that own it (see impulseFacts).
 */
import { create } from 'zustand';
import { describeError } from '../core/errors';
import { featureConfigHash, type Impulse } from '../core/impulse/impulse';
import type { TrainedModel } from '../core/learn/trainedModel';
import { getDb } from './db';
import type { FeatureRun } from './impulseStore';
import { modelKey, useProfiling } from './profilingStore';
import { useProjects } from './projectsStore';
import { toast } from './toastStore';

export const GUIDE_DISMISSED_KEY = 'gettingStartedDismissed';
/** Settings key of the model (modelKey) last profiled in a project. */
export const profiledModelKey = (projectId: string) => `profiledModel:${projectId}`;

interface GuideState {
  /** null until read from the settings. */
  dismissed: boolean | null;
  /** The project the profiled model below belongs to. */
  projectId: string | null;
  profiledModel: string | null;
  load: (projectId: string | null) => Promise<void>;
  setDismissed: (dismissed: boolean) => Promise<void>;
}

async function saveSetting(key: string, value: unknown) {
  try {
    await (await getDb()).setSetting(key, value);
  } catch (e) {
    toast.error(describeError(e));
  }
}

export const useGuide = create<GuideState>((set, get) => ({
  dismissed: null,
  projectId: null,
  profiledModel: null,

  load: async (projectId) => {
    if (get().dismissed !== null && get().projectId === projectId) return;
    set({ projectId, profiledModel: null });
    try {
      const db = await getDb();
      const [dismissed, profiled] = await Promise.all([
        db.getSetting<boolean>(GUIDE_DISMISSED_KEY),
        projectId ? db.getSetting<string>(profiledModelKey(projectId)) : undefined,
      ]);
      if (get().projectId !== projectId) return;
      set({ dismissed: dismissed === true, profiledModel: profiled ?? get().profiledModel });
    } catch (e) {
      set({ dismissed: false });
      toast.error(describeError(e));
    }
  },

  setDismissed: async (dismissed) => {
    set({ dismissed });
    await saveSetting(GUIDE_DISMISSED_KEY, dismissed);
  },
}));

/** A finished profile of an impulse's model is remembered for the current project. */
useProfiling.subscribe((now, before) => {
  const subject = now.subject;
  if (now.status !== 'done' || before.status === 'done' || subject?.kind !== 'impulse') return;
  const projectId = useProjects.getState().currentId;
  if (!projectId) return;
  if (useGuide.getState().projectId === projectId) useGuide.setState({ profiledModel: subject.key });
  void saveSetting(profiledModelKey(projectId), subject.key);
});

export interface ImpulseFactsInput {
  impulse: Impulse | undefined;
  /** The stored model of the selected impulse (null while none, or not loaded). */
  model: TrainedModel | null;
  run: FeatureRun | null;
  /** The model last profiled in this project (useGuide). */
  profiledModel: string | null;
}

/** What the guide says of the selected impulse: features, training, int8 and profile. */
export function impulseFacts({ impulse, model, run, profiledModel }: ImpulseFactsInput) {
  const ownModel = impulse && model?.impulseId === impulse.id ? model : null;
  const generated =
    !!impulse &&
    run?.impulseId === impulse.id &&
    run.status === 'done' &&
    run.configHash === featureConfigHash(impulse);
  const key = impulse && ownModel ? modelKey(impulse, ownModel) : null;
  return {
    // Training builds the whole feature set through the cache first: a trained model means features exist.
    featuresReady: generated || ownModel !== null,
    trained: ownModel !== null,
    quantized: !!ownModel?.int8,
    profiled: key !== null && profiledModel === key,
  };
}
