import { useId, useMemo, useState } from 'react';
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
import { architectureCost } from '../../core/compress/layerCost';
import {
  ANOMALY_RULES,
  learnBlockProblems,
  parseFeatureIndices,
} from '../../core/validation/learnBlockRules';
import type { Problems } from '../../core/validation/numberRule';
import { useImpulses } from '../../state/impulseStore';
import { NumberField } from '../components/NumberField';
import { ArchitectureTable } from './ArchitectureTable';
import { LayerEditor } from './LayerEditor';
import { PlannedBoardEstimate } from './PlannedBoardEstimate';
import { TrainingSettingsForm } from './TrainingSettingsForm';

interface Props {
  impulse: Impulse;
  learn: LearnBlock;
  featureShape: number[];
  classCount: number;
  disabled: boolean;
}

/** The features-used field: the text as typed, stored parsed on every edit (a wrong token as NaN). */
function FeatureIndicesField({
  indices,
  featureCount,
  error,
  onChange,
}: {
  indices: number[];
  featureCount: number;
  error: string | undefined;
  onChange: (indices: number[]) => void;
}) {
  const [text, setText] = useState(indices.join(', '));
  const [shown, setShown] = useState(indices);
  if (shown !== indices) {
    setShown(indices);
    if (parseFeatureIndices(text).join() !== indices.join()) setText(indices.join(', '));
  }
  const messageId = useId();
  return (
    <label className={error ? 'wide invalid' : 'wide'}>
      Features used (indices or ranges; empty = all {featureCount})
      <input
        value={text}
        aria-invalid={!!error}
        aria-describedby={error ? messageId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseFeatureIndices(e.target.value));
        }}
      />
      {error && (
        <span id={messageId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

function AnomalyFields({
  block,
  featureCount,
  problems,
  onChange,
}: {
  block: AnomalyBlock;
  featureCount: number;
  problems: Problems;
  onChange: (b: AnomalyBlock) => void;
}) {
  return (
    <fieldset className="form-grid">
      <legend>K-means anomaly detection</legend>
      <NumberField
        label="Clusters"
        value={block.clusters}
        rule={ANOMALY_RULES.clusters}
        error={problems.clusters}
        onChange={(clusters) => onChange({ ...block, clusters })}
      />
      <NumberField
        label="Seed"
        value={block.seed}
        rule={ANOMALY_RULES.seed}
        error={problems.seed}
        onChange={(seed) => onChange({ ...block, seed })}
      />
      <FeatureIndicesField
        indices={block.featureIndices}
        featureCount={featureCount}
        error={problems.featureIndices}
        onChange={(featureIndices) => onChange({ ...block, featureIndices })}
      />
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
      const arch = planFor(learn, featureShape, classCount);
      return { arch, cost: architectureCost(arch), error: null };
    } catch (e) {
      return { arch: null, cost: null, error: describeError(e) };
    }
  }, [learn, featureShape, classCount]);
  const featureCount = featureShape.reduce((a, b) => a * b, 1);
  const problems = useMemo(() => learnBlockProblems(learn, featureShape), [learn, featureShape]);
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
        <AnomalyFields block={learn} featureCount={featureCount} problems={problems} onChange={save} />
      ) : (
        <div className="learn-grid">
          <div>
            <h3>Hidden layers</h3>
            <LayerEditor
              layers={learn.layers}
              problems={problems}
              onChange={(layers) => save({ ...learn, layers })}
            />
            {/* A wrong layer size already says so next to its field. */}
            {plan?.error && !Object.keys(problems).some((k) => k.startsWith('layers.')) && (
              <p className="error-text" role="alert" data-testid="architecture-error">
                {plan.error}
              </p>
            )}
            {plan?.arch && plan.cost && (
              <>
                <ArchitectureTable arch={plan.arch} cost={plan.cost} />
                <PlannedBoardEstimate impulse={impulse} arch={plan.arch} />
              </>
            )}
          </div>
          <TrainingSettingsForm
            settings={learn.training}
            audio={featureShape.length === 2}
            problems={problems}
            onChange={(training) => save({ ...learn, training })}
          />
        </div>
      )}
    </fieldset>
  );
}
