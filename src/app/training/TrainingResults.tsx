import type { ReactNode } from 'react';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { trainingHint } from '../../core/learn/trainingHint';
import { formatDuration } from '../format';
import { ClassScores, ConfusionMatrix } from './ConfusionMatrix';
import { ModelExplorer } from './ModelExplorer';
import { TrainingChart } from './TrainingChart';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/**
 * The stored model: validation metrics, confusion matrix, per-class scores, epoch history and explorer.
 * `figures` sits beside the metrics (the model's figures on the target board).
 */
export function TrainingResults({
  model,
  stale,
  figures,
}: {
  model: TrainedModel;
  stale: boolean;
  figures?: ReactNode;
}) {
  const v = model.validation;
  const hint = v.kind === 'classifier' ? trainingHint(model.history, model.labels.length) : null;
  return (
    <section className="card training-results" data-testid="training-results">
      <div className="row gap wrap">
        <h2>Model</h2>
        <span className="muted small">
          Trained {new Date(model.createdAt).toLocaleString()} on {model.trainWindows.toLocaleString()}{' '}
          windows ({model.validationWindows.toLocaleString()} held out for validation) in{' '}
          {formatDuration(model.durationMs)} · backend{' '}
          <strong data-testid="model-backend">{model.backend}</strong>
          {model.stoppedEarly && ` · stopped early, kept epoch ${model.keptEpoch}`}
        </span>
      </div>
      {stale && (
        <p className="callout warn" data-testid="model-stale">
          The impulse changed since this model was trained: its features no longer match. Train again.
        </p>
      )}
      {hint && (
        <p className="callout warn" role="alert" data-testid="training-hint">
          {hint}
        </p>
      )}
      {v.kind === 'classifier' && (
        <>
          <div className="metric-row">
            <div className="metric">
              <span className="metric-label">
                {model.validationWindows > 0 ? 'Validation' : 'Training'} accuracy
              </span>
              <span className="metric-value" data-testid="val-accuracy">
                {pct(v.accuracy)}
              </span>
            </div>
            <div className="metric">
              <span className="metric-label">Validation loss</span>
              <span className="metric-value">{v.loss === null ? '–' : v.loss.toFixed(3)}</span>
            </div>
            <div className="metric">
              <span className="metric-label">Weighted F1</span>
              <span className="metric-value">{v.weightedF1.toFixed(2)}</span>
            </div>
            {figures}
          </div>
          {model.validationWindows === 0 && (
            <p className="callout" data-testid="no-validation">
              Too few windows per label for a validation split: these figures are on the training windows, so
              they say little about new data.
            </p>
          )}
          <div className="results-grid">
            <ConfusionMatrix labels={model.labels} matrix={v.confusion} testId="val-confusion" />
            <ClassScores scores={v.perClass} />
          </div>
        </>
      )}
      {v.kind === 'regression' && (
        <div className="metric-row">
          <div className="metric">
            <span className="metric-label">Validation MAE</span>
            <span className="metric-value" data-testid="val-mae">
              {v.mae.toPrecision(3)}
            </span>
          </div>
          <div className="metric">
            <span className="metric-label">MSE</span>
            <span className="metric-value">{v.mse.toPrecision(3)}</span>
          </div>
          <div className="metric">
            <span className="metric-label">R²</span>
            <span className="metric-value">{v.r2.toFixed(3)}</span>
          </div>
          {figures}
        </div>
      )}
      {v.kind === 'anomaly' && (
        <div className="metric-row">
          <div className="metric">
            <span className="metric-label">Training windows inside a cluster</span>
            <span className="metric-value">{pct(v.insideFraction)}</span>
          </div>
          <div className="metric">
            <span className="metric-label">Median score</span>
            <span className="metric-value">{v.scoreP50.toFixed(2)}</span>
          </div>
          <div className="metric">
            <span className="metric-label">95th percentile score</span>
            <span className="metric-value">{v.scoreP95.toFixed(2)}</span>
          </div>
        </div>
      )}
      {model.history.length > 0 && (
        <TrainingChart history={model.history} classifier={v.kind === 'classifier'} />
      )}
      <ModelExplorer model={model} />
    </section>
  );
}
