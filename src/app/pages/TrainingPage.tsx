import { useSelectedImpulse } from '../hooks/useSelectedImpulse';
import { useDeferredValue, useMemo } from 'react';
import { describeError } from '../../core/errors';
import { featureShape } from '../../core/impulse/generateFeatures';
import { featureConfigHash } from '../../core/impulse/impulse';
import { defaultLearnBlock } from '../../core/learn/learnBlock';
import { useDataset } from '../../state/datasetStore';
import { ImpulsePicker } from '../testing/ImpulsePicker';
import { trainingWindowFit, useTraining } from '../../state/trainingStore';
import { noWindowReason } from '../../core/impulse/windowFit';
import { featureSettingsProblems, trainingBlockers } from '../../core/validation/impulseRules';
import { LearnBlockEditor } from '../training/LearnBlockEditor';
import { TrainingResults } from '../training/TrainingResults';
import { TrainingRunPanel } from '../training/TrainingRunPanel';
import { QuantizePanel } from '../training/QuantizePanel';
import { TargetFigures } from '../training/TargetFigures';
import '../training/training.css';

export function TrainingPage() {
  const { impulse, model: currentModel } = useSelectedImpulse();
  // The results (confusion matrix, model explorer, target figures, quantisation) are rendered in a render React
  // may split into short slices, after the one that brings the Train button back: all of it in the task that
  // ends a training run blocked the main thread for over 50 ms.
  const deferredModel = useDeferredValue(currentModel);
  // Never the previous impulse's model under another impulse while the deferred render catches up.
  const model = deferredModel?.impulseId === impulse?.id ? deferredModel : null;
  const samples = useDataset((s) => s.samples);
  const trainingImpulseId = useTraining((s) => s.active?.impulseId ?? null);

  const shape = useMemo(() => {
    if (!impulse) return null;
    const wrong = featureSettingsProblems(impulse)[0];
    if (wrong) return { value: null, error: wrong };
    try {
      return { value: featureShape(impulse), error: null };
    } catch (e) {
      return { value: null, error: describeError(e) };
    }
  }, [impulse]);
  const blocker = useMemo(
    () =>
      impulse ? (trainingBlockers(impulse)[0] ?? noWindowReason(trainingWindowFit(impulse, samples))) : null,
    [impulse, samples],
  );
  const trainingLabels = useMemo(
    () => new Set(samples.filter((s) => s.enabled && s.category === 'training').map((s) => s.label)),
    [samples],
  );

  return (
    <section className="training-page">
      <div className="page-head">
        <h1>Training</h1>
        <ImpulsePicker disabled={trainingImpulseId !== null} />
      </div>
      {!impulse && (
        <div className="callout">
          Design an impulse first on the <a href="#/impulse">Impulse design</a> page.
        </div>
      )}
      {impulse && shape?.error && (
        <div className="callout warn">
          The impulse design needs attention before training: {shape.error} <a href="#/impulse">Fix it</a>.
        </div>
      )}
      {impulse && shape?.value && (
        <>
          <LearnBlockEditor
            impulse={impulse}
            learn={impulse.learn ?? defaultLearnBlock('classifier', shape.value)}
            featureShape={shape.value}
            classCount={trainingLabels.size}
            disabled={trainingImpulseId === impulse.id}
          />
          <TrainingRunPanel
            impulse={impulse}
            canTrain={trainingLabels.size > 0}
            blocker={blocker}
            neural={(impulse.learn?.kind ?? 'classifier') !== 'anomaly'}
          />
          {model && (
            <TrainingResults
              model={model}
              stale={model.configHash !== featureConfigHash(impulse)}
              figures={
                model.float && model.configHash === featureConfigHash(impulse) ? (
                  <TargetFigures impulse={impulse} model={model} />
                ) : undefined
              }
            />
          )}
          {model?.float && (
            <QuantizePanel
              impulse={impulse}
              model={model}
              stale={model.configHash !== featureConfigHash(impulse)}
            />
          )}
        </>
      )}
    </section>
  );
}
