import { useMemo } from 'react';
import type { Impulse } from '../../core/impulse/impulse';
import { describeError } from '../../core/errors';
import {
  defaultLearnBlock,
  LEARN_KINDS,
  type AnomalyBlock,
  type LearnBlock,
  type LearnKind,
} from '../../core/learn/learnBlock';
import { planFor } from '../../core/learn/architecture';
import { useImpulses } from '../../state/impulseStore';
import { NumberField } from '../components/NumberField';
import { ArchitectureTable } from './ArchitectureTable';
import { LayerEditor } from './LayerEditor';
import { TrainingSettingsForm } from './TrainingSettingsForm';

interface Props {
  impulse: Impulse;
  learn: LearnBlock;
  featureShape: number[];
  classCount: number;
  disabled: boolean;
}

function parseIndices(text: string, featureCount: number): number[] | string {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    const range = /^(\d+)-(\d+)$/.exec(p);
    const [from, to] = range ? [Number(range[1]), Number(range[2])] : [Number(p), Number(p)];
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || to >= featureCount) {
      return `“${p}” is not a feature index from 0 to ${featureCount - 1} (or a range like 0-5).`;
    }
    for (let i = from; i <= to; i++) out.push(i);
  }
  return [...new Set(out)];
}

function AnomalyFields({
  block,
  featureCount,
  onChange,
}: {
  block: AnomalyBlock;
  featureCount: number;
  onChange: (b: AnomalyBlock) => void;
}) {
  const text = block.featureIndices.join(', ');
  const parsed = parseIndices(text, featureCount);
  return (
    <fieldset className="form-grid">
      <legend>K-means anomaly detection</legend>
      <NumberField
        label="Clusters"
        value={block.clusters}
        min={1}
        max={64}
        step={1}
        onChange={(clusters) => onChange({ ...block, clusters })}
      />
      <NumberField
        label="Seed"
        value={block.seed}
        min={0}
        step={1}
        onChange={(seed) => onChange({ ...block, seed })}
      />
      <label className="wide">
        Features used (indices or ranges; empty = all {featureCount})
        <input
          defaultValue={text}
          onBlur={(e) => {
            const r = parseIndices(e.target.value, featureCount);
            if (Array.isArray(r)) onChange({ ...block, featureIndices: r });
          }}
        />
      </label>
      {typeof parsed === 'string' && <p className="error-text">{parsed}</p>}
      <p className="muted small wide">
        Score = distance to the nearest cluster’s edge in standardised feature space: below 0 inside a
        cluster, above 0 outside (an anomaly).
      </p>
    </fieldset>
  );
}

/** The learning block of an impulse: its kind, the network's layers and training settings, or the k-means settings. */
export function LearnBlockEditor({ impulse, learn, featureShape, classCount, disabled }: Props) {
  const save = (next: LearnBlock) => void useImpulses.getState().save({ ...impulse, learn: next });
  const plan = useMemo(() => {
    if (learn.kind === 'anomaly') return null;
    try {
      return { arch: planFor(learn, featureShape, classCount), error: null };
    } catch (e) {
      return { arch: null, error: describeError(e) };
    }
  }, [learn, featureShape, classCount]);
  const featureCount = featureShape.reduce((a, b) => a * b, 1);
  return (
    <fieldset className="card learn-editor" disabled={disabled}>
      <div className="row gap wrap">
        <h2>Learning block</h2>
        <label>
          Kind
          <select
            value={learn.kind}
            onChange={(e) => save(defaultLearnBlock(e.target.value as LearnKind, featureShape))}
          >
            {LEARN_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.title}
              </option>
            ))}
          </select>
        </label>
        {learn.kind !== 'anomaly' && (
          <button className="btn small" onClick={() => save(defaultLearnBlock(learn.kind, featureShape))}>
            Reset to the default network
          </button>
        )}
      </div>
      {learn.kind === 'anomaly' ? (
        <AnomalyFields block={learn} featureCount={featureCount} onChange={save} />
      ) : (
        <div className="learn-grid">
          <div>
            <h3>Hidden layers</h3>
            <LayerEditor layers={learn.layers} onChange={(layers) => save({ ...learn, layers })} />
            {plan?.error && (
              <p className="error-text" role="alert" data-testid="architecture-error">
                {plan.error}
              </p>
            )}
            {plan?.arch && <ArchitectureTable arch={plan.arch} />}
          </div>
          <TrainingSettingsForm
            settings={learn.training}
            audio={featureShape.length === 2}
            onChange={(training) => save({ ...learn, training })}
          />
        </div>
      )}
    </fieldset>
  );
}
