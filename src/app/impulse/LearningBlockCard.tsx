import { useMemo } from 'react';
import type { Impulse } from '../../core/impulse/impulse';
import { describeError } from '../../core/errors';
import { featureShape } from '../../core/impulse/generateFeatures';
import { planFor } from '../../core/learn/architecture';
import { defaultLearnBlock, LEARN_KINDS } from '../../core/learn/learnBlock';
import { useDataset } from '../../state/datasetStore';

/** What the impulse's learning block is (or will be by default); it is edited and trained on the Training stage. */
export function LearningBlockCard({ impulse }: { impulse: Impulse }) {
  const samples = useDataset((s) => s.samples);
  const classCount = useMemo(
    () => new Set(samples.filter((s) => s.enabled && s.category === 'training').map((s) => s.label)).size,
    [samples],
  );
  const summary = useMemo(() => {
    const kind = impulse.learn?.kind ?? 'classifier';
    const title = LEARN_KINDS.find((k) => k.kind === kind)?.title ?? kind;
    try {
      const shape = featureShape(impulse);
      const learn = impulse.learn ?? defaultLearnBlock('classifier', shape);
      if (learn.kind === 'anomaly') {
        const on = learn.featureIndices.length || shape.reduce((a, b) => a * b, 1);
        return { title, layers: [], params: `${learn.clusters} clusters on ${on} features`, problem: null };
      }
      const arch = planFor(learn, shape, Math.max(classCount, 1));
      const layers = arch.layers.filter(
        (l) => l.type !== 'input' && l.type !== 'reshape' && l.type !== 'flatten',
      );
      return {
        title,
        layers: layers.map((l) => l.title),
        params: `${arch.totalParams.toLocaleString()} parameters`,
        problem: null,
      };
    } catch (e) {
      return { title, layers: [], params: null, problem: describeError(e) };
    }
  }, [impulse, classCount]);

  return (
    <div className="card block-card" data-testid="learning-block-card">
      <h2>Learning block</h2>
      <p>
        <strong>{summary.title}</strong>
        {!impulse.learn && <span className="muted"> (the default for these features)</span>}
      </p>
      {summary.layers.length > 0 && (
        <ol className="layer-summary small">
          {summary.layers.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      )}
      {summary.params && <p className="small">{summary.params}</p>}
      {summary.problem && (
        <p className="callout warn small" data-testid="learning-block-problem">
          {summary.problem}
        </p>
      )}
      <p className="muted small">
        Choose the kind, edit the layers and train it on the <a href="#/training">Training</a> stage.
      </p>
    </div>
  );
}
