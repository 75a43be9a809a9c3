import { useCallback, useMemo, useState } from 'react';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { FeatureScatter, type PointHighlight } from '../explorer/FeatureScatter';
import { useDataset } from '../../state/datasetStore';

/**
 * The training windows in 2-D (PCA), coloured by label; windows the model got wrong are drawn larger and
 * outlined, the right ones faint. Picking a point names its sample and window.
 */
export function ModelExplorer({ model }: { model: TrainedModel }) {
  const e = model.explorer;
  const samples = useDataset((s) => s.samples);
  const [picked, setPicked] = useState<number | null>(null);
  const names = useMemo(() => new Map(samples.map((s) => [s.id, s.name])), [samples]);
  const labels = useMemo(() => {
    if (model.learn.kind === 'anomaly')
      return Array.from(e.predicted, (p) => (p === 1 ? 'outside a cluster' : 'inside a cluster'));
    return Array.from(e.rowSample, (si, r) =>
      model.labels.length
        ? (model.labels[e.actual[r]] ?? samples.find((s) => s.id === e.sampleIds[si])?.label ?? '?')
        : String(e.actual[r]),
    );
  }, [model, e, samples]);
  const order = model.learn.kind === 'anomaly' ? ['inside a cluster', 'outside a cluster'] : model.labels;
  const wrong = (i: number) => model.learn.kind === 'classifier' && e.actual[i] !== e.predicted[i];
  const wrongCount =
    model.learn.kind === 'classifier'
      ? e.actual.reduce((n, a, i) => n + (a !== e.predicted[i] ? 1 : 0), 0)
      : 0;
  // Right windows fade only when there are wrong ones to show.
  const highlight = useCallback(
    (i: number): PointHighlight =>
      model.learn.kind !== 'classifier' || wrongCount === 0
        ? 'normal'
        : e.actual[i] !== e.predicted[i]
          ? 'marked'
          : 'dim',
    [model, e, wrongCount],
  );
  const describe = (i: number) => {
    const where = `${names.get(e.sampleIds[e.rowSample[i]]) ?? 'sample'} @ ${Math.round(e.rowStartMs[i])} ms`;
    if (model.learn.kind !== 'classifier') return where;
    const verdict = wrong(i) ? `classified as ${model.labels[e.predicted[i]]}` : 'classified right';
    return `${where}, ${verdict}${e.validation[i] ? ' (validation)' : ''}`;
  };
  return (
    <div className="model-explorer" data-testid="model-explorer">
      <h3>Feature explorer</h3>
      {model.learn.kind === 'classifier' && (
        <p className="muted small">
          {wrongCount.toLocaleString()} of {e.actual.length.toLocaleString()} training windows are classified
          wrong; they are drawn large and outlined.
        </p>
      )}
      <FeatureScatter
        points={e.points}
        labels={labels}
        labelOrder={order}
        highlight={highlight}
        onPick={setPicked}
        describe={describe}
        height={320}
        axisTitles={['PC 1', 'PC 2']}
      />
      {picked !== null && (
        <p data-testid="explorer-picked">
          {describe(picked)}{' '}
          <a
            href="#/data"
            onClick={() => void useDataset.getState().select(e.sampleIds[e.rowSample[picked]])}
          >
            Open sample
          </a>
        </p>
      )}
    </div>
  );
}
