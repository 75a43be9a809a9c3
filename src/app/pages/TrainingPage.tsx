import { useEffect, useMemo } from 'react';
import { describeError } from '../../core/errors';
import { featureShape } from '../../core/impulse/generateFeatures';
import { featureConfigHash } from '../../core/impulse/impulse';
import { defaultLearnBlock } from '../../core/learn/learnBlock';
import { useDataset } from '../../state/datasetStore';
import { useImpulses } from '../../state/impulseStore';
import { useProjects } from '../../state/projectsStore';
import { useTraining } from '../../state/trainingStore';
import { LearnBlockEditor } from '../training/LearnBlockEditor';
import { TrainingResults } from '../training/TrainingResults';
import { TrainingRunPanel } from '../training/TrainingRunPanel';
import { QuantizePanel } from '../training/QuantizePanel';
import '../training/training.css';

export function TrainingPage() {
  const projectId = useProjects((s) => s.currentId);
  const loadedFor = useImpulses((s) => s.projectId);
  const impulses = useImpulses((s) => s.impulses);
  const impulse = useImpulses((s) => s.impulses.find((i) => i.id === s.selectedId));
  const samples = useDataset((s) => s.samples);
  const model = useTraining((s) => (impulse && s.model?.impulseId === impulse.id ? s.model : null));
  const trainingImpulseId = useTraining((s) => s.active?.impulseId ?? null);
  useEffect(() => {
    if (projectId !== loadedFor) void useImpulses.getState().load(projectId);
  }, [projectId, loadedFor]);
  useEffect(() => {
    void useTraining.getState().load(impulse?.id ?? null);
  }, [impulse?.id]);

  const shape = useMemo(() => {
    if (!impulse) return null;
    try {
      return { value: featureShape(impulse), error: null };
    } catch (e) {
      return { value: null, error: describeError(e) };
    }
  }, [impulse]);
  const trainingLabels = useMemo(() => new Set(samples.filter((s) => s.enabled && s.category === 'training').map((s) => s.label)), [samples]);

  return (
    <section className="training-page">
      <div className="page-head">
        <h1>Training</h1>
        {impulses.length > 1 && (
          <label>
            Impulse
            <select value={impulse?.id ?? ''} onChange={(e) => useImpulses.getState().select(e.target.value)} disabled={trainingImpulseId !== null}>
              {impulses.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!impulse && (
        <div className="callout">
          Design an impulse first on the <a href="#/impulse">Impulse design</a> page.
        </div>
      )}
      {impulse && shape?.error && (
        <div className="callout warn">
          The impulse’s processing block needs attention before training: {shape.error} <a href="#/impulse">Fix it</a>.
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
          <TrainingRunPanel impulse={impulse} canTrain={trainingLabels.size > 0} neural={(impulse.learn?.kind ?? 'classifier') !== 'anomaly'} />
          {model && <TrainingResults model={model} stale={model.configHash !== featureConfigHash(impulse)} />}
          {model?.float && <QuantizePanel impulse={impulse} model={model} stale={model.configHash !== featureConfigHash(impulse)} />}
        </>
      )}
    </section>
  );
}
