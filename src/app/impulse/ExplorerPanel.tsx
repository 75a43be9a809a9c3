import { useCallback, useMemo, useState } from 'react';
import { useImpulses } from '../../state/impulseStore';
import { useDataset } from '../../state/datasetStore';
import { useWindowView } from '../../state/windowViewStore';
import type { FeatureSetSummary } from '../../../workers/dspApi';
import { FeatureScatter } from '../explorer/FeatureScatter';
import { compareLabels } from '../../core/dataset/labels';

/**
 * Every window as a point (PCA or UMAP of its features), coloured by label; picking one (click or arrow keys)
 * shows that window in the Window view and says where it is from.
 */
export function ExplorerPanel() {
  const run = useImpulses((s) => s.run);
  const projection = useImpulses((s) => s.projection);
  // The pick belongs to one feature set: a new run starts without one.
  const [pick, setPick] = useState<{ summary: FeatureSetSummary; row: number } | null>(null);
  const summary = run?.status === 'done' ? run.summary : null;
  const picked = pick && pick.summary === summary ? pick.row : null;
  const onPick = useCallback(
    (row: number) => {
      if (!summary || !run) return;
      setPick({ summary, row });
      useWindowView.getState().showRow(summary, run.samples, row);
    },
    [summary, run],
  );
  const labels = useMemo(
    () => (summary && run ? Array.from(summary.rowSample, (si) => run.samples[si].label) : []),
    [summary, run],
  );
  const labelOrder = useMemo(() => [...new Set(labels)].sort(compareLabels), [labels]);
  const highlight = useCallback(
    (i: number): 'marked' | 'normal' => (i === picked ? 'marked' : 'normal'),
    [picked],
  );
  const describe = useCallback(
    (i: number) =>
      summary && run
        ? `${run.samples[summary.rowSample[i]].name} · ${Math.round(summary.rowStartMs[i])} ms`
        : '',
    [summary, run],
  );
  if (!summary || !run) return null;
  if (summary.windowCount === 0)
    return (
      <div className="card explorer" data-testid="feature-explorer">
        <h2>Feature explorer</h2>
        <p className="muted" data-testid="explorer-empty">
          No window to plot: the feature set is empty (see the Features summary above for why).
        </p>
      </div>
    );
  const pickedSample = picked !== null ? run.samples[summary.rowSample[picked]] : null;

  return (
    <div className="card explorer" data-testid="feature-explorer">
      <div className="row gap wrap">
        <h2>Feature explorer</h2>
        <select
          aria-label="Projection"
          value={projection?.method ?? 'pca'}
          onChange={(e) => void useImpulses.getState().project(e.target.value as 'pca' | 'umap')}
          disabled={projection?.status === 'running'}
        >
          <option value="pca">PCA</option>
          <option value="umap">UMAP</option>
        </select>
        {projection?.status === 'running' && (
          <>
            <progress max={1} value={projection.fraction} aria-label="Projection progress" />
            <button className="btn small" onClick={() => useImpulses.getState().cancel()}>
              Cancel
            </button>
          </>
        )}
        {projection?.result && <span className="muted small">{projection.result.note}</span>}
      </div>
      {projection?.status === 'error' && <p className="error-text">{projection.error}</p>}
      {projection?.result && (
        <FeatureScatter
          points={projection.result.points}
          labels={labels}
          labelOrder={labelOrder}
          onPick={onPick}
          highlight={highlight}
          describe={describe}
          axisTitles={projection.result.axisTitles}
        />
      )}
      {pickedSample && picked !== null && (
        <p data-testid="explorer-pick">
          <strong>{pickedSample.label}</strong> · {pickedSample.name} · window at{' '}
          {Math.round(summary.rowStartMs[picked])} ms · {pickedSample.category} · shown in the Window view{' '}
          <a
            href="#/data"
            onClick={() => {
              void useDataset.getState().select(pickedSample.id);
            }}
          >
            Open sample
          </a>
        </p>
      )}
    </div>
  );
}
