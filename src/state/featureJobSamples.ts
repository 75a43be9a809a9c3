import type { SampleMeta } from '../core/dataset/sample';
import { missingAxes } from '../core/impulse/defaults';
import type { Impulse } from '../core/impulse/impulse';
import type { FeatureJobSample } from '../../workers/dspApi';

/**
 * The samples an impulse's feature set covers — the enabled ones that have all its axes, in list order — and
 * how many enabled ones were left out for lacking an axis. Generate and the cache check use the same list.
 */
export function featureJobSamples(
  impulse: Impulse,
  all: readonly SampleMeta[],
): { samples: FeatureJobSample[]; leftOut: number } {
  const enabled = all.filter((s) => s.enabled);
  const samples = enabled
    .filter((s) => !missingAxes(s, impulse.input))
    .map(({ id, name, label, category, updatedAt }) => ({ id, name, label, category, updatedAt }));
  return { samples, leftOut: enabled.length - samples.length };
}
