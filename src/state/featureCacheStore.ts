import { create } from 'zustand';
import { describeError } from '../core/errors';
import { featureConfigHash } from '../core/impulse/impulse';
import { featureSettingsProblems } from '../core/validation/impulseRules';
import { dspWorker } from '../platform/workers/dspClient';
import { useDataset } from './datasetStore';
import { featureJobSamples } from './featureJobSamples';
import { useImpulses } from './impulseStore';
import { toast } from './toastStore';
import type { FeatureJobSample } from '../../workers/dspApi';

/** Some, not all, of an impulse configuration's samples have cached features. */
export interface CachedShare {
  impulseId: string;
  configHash: string;
  cached: number;
  total: number;
}

interface FeatureCacheState {
  share: CachedShare | null;
  /**
   * Shows what the feature cache holds for the selected impulse without computing anything: the whole feature
   * set (summary and explorer, as after a Generate) when every sample is cached, else how many are.
   */
  check: () => Promise<void>;
}

const sameSamples = (a: FeatureJobSample[], b: FeatureJobSample[]) =>
  a.length === b.length &&
  a.every(
    (s, i) =>
      s.id === b[i].id &&
      s.updatedAt === b[i].updatedAt &&
      s.label === b[i].label &&
      s.category === b[i].category,
  );

/**
 * The selected impulse, its configuration and samples, unless a feature run of it is on screen that still
 * fits: one generated or running, or one from the cache of the samples as they are now.
 */
function idleSelection() {
  const { impulses, selectedId, run } = useImpulses.getState();
  const impulse = impulses.find((i) => i.id === selectedId);
  if (!impulse) return null;
  const { samples, leftOut } = featureJobSamples(impulse, useDataset.getState().samples);
  const outdated = run?.origin === 'cache' && run.status === 'done' && !sameSamples(run.samples, samples);
  if (run?.impulseId === impulse.id && !outdated) return null;
  return { impulse, configHash: featureConfigHash(impulse), samples, leftOut };
}

export const useFeatureCache = create<FeatureCacheState>((set) => ({
  share: null,

  check: async () => {
    const asked = idleSelection();
    if (!asked || featureSettingsProblems(asked.impulse).length > 0) return;
    const { impulse, configHash, samples, leftOut } = asked;
    let report;
    try {
      report = await dspWorker().cachedFeatures({ impulse, samples });
    } catch (e) {
      toast.error(`The feature cache could not be read: ${describeError(e)}`);
      return;
    }
    // Meanwhile a Generate started, or another impulse or configuration was chosen: this answer is stale.
    const now = idleSelection();
    if (now?.impulse.id !== impulse.id || now.configHash !== configHash) return;
    const { cached, total, summary } = report;
    set({ share: summary ? null : { impulseId: impulse.id, configHash, cached, total } });
    if (!summary) {
      // A set from the cache of samples that have changed since is not what the cache holds now.
      if (useImpulses.getState().run?.origin === 'cache')
        useImpulses.setState({ run: null, projection: null });
      return;
    }
    useImpulses.setState({
      run: {
        impulseId: impulse.id,
        configHash,
        status: 'done',
        progress: null,
        summary,
        samples,
        leftOut,
        error: null,
        cancelling: false,
        origin: 'cache',
      },
      projection: null,
    });
    if (summary.windowCount > 0) await useImpulses.getState().project('pca');
  },
}));
