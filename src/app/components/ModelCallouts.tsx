import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';

/**
 * What stands between the user and using a model, with the link that fixes it: no impulse, no model, or a
 * model trained on features the impulse no longer makes. `testIdPrefix` names the callouts (e.g. "live-stale").
 */
export function ModelCallouts({
  impulse,
  model,
  stale,
  testIdPrefix,
}: {
  impulse: Impulse | undefined;
  model: TrainedModel | null;
  stale: boolean;
  testIdPrefix: string;
}) {
  if (!impulse) {
    return (
      <div className="callout">
        Design an impulse first on the <a href="#/impulse">Impulse design</a> page.
      </div>
    );
  }
  if (!model) {
    return (
      <div className="callout" data-testid={`${testIdPrefix}-no-model`}>
        This impulse has no trained model yet: train one on the <a href="#/training">Training</a> page.
      </div>
    );
  }
  if (!stale) return null;
  return (
    <div className="callout" data-testid={`${testIdPrefix}-stale`}>
      The impulse changed since its model was trained, so the model no longer fits its features. Train it
      again on the <a href="#/training">Training</a> page.
    </div>
  );
}
