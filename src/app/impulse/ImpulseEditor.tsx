import { useId, useMemo, useState } from 'react';
import type { Impulse } from '../../core/impulse/impulse';
import { describeImpulse } from '../../core/impulse/generateFeatures';
import { framesPerWindow } from '../../core/dataset/windowing';
import { DSP_BLOCKS } from '../../core/dsp/blocks';
import type { BlockId } from '../../core/dsp/block';
import { describeError } from '../../core/errors';
import { useImpulses } from '../../state/impulseStore';
import { useDataset } from '../../state/datasetStore';
import { missingAxes } from '../../core/impulse/defaults';
import { windowFit, windowFitWarning } from '../../core/impulse/windowFit';
import { impulseInputProblems, INPUT_RULES } from '../../core/validation/impulseInputRules';
import { problemList } from '../../core/validation/numberRule';
import { NumberField } from '../components/NumberField';
import { DspParamsForm } from './DspParamsForm';
import { LearningBlockCard } from './LearningBlockCard';

/** The impulse's three blocks side by side; every change is saved and the feature count recomputed. */
export function ImpulseEditor({ impulse }: { impulse: Impulse }) {
  const save = useImpulses((s) => s.save);
  const samples = useDataset((s) => s.samples);
  const [name, setName] = useState(impulse.name);
  const axisNames = useMemo(
    () => [...new Set(samples.flatMap((s) => s.sensors.map((a) => a.name)))],
    [samples],
  );
  const input = impulse.input;
  const setInput = (patch: Partial<Impulse['input']>) =>
    void save({ ...impulse, input: { ...input, ...patch } });
  const problems = useMemo(() => impulseInputProblems(input), [input]);
  const axesMessageId = useId();
  const fitWarning = useMemo(() => {
    const used = samples.filter((s) => s.enabled && !missingAxes(s, input));
    return windowFitWarning(windowFit(used, input), input.zeroPad);
  }, [samples, input]);
  const layout = useMemo(() => {
    const wrong = problemList(problems)[0];
    if (wrong) return { ok: false as const, error: `Fix the input block first: ${wrong}` };
    try {
      const d = describeImpulse(impulse, {
        axes: input.axes.length,
        frames: framesPerWindow(input),
        frequencyHz: input.frequencyHz,
      });
      return { ok: true as const, featureCount: d.featureCount, shape: d.shape };
    } catch (e) {
      return { ok: false as const, error: describeError(e) };
    }
  }, [impulse, input, problems]);

  return (
    <div className="impulse-editor">
      <div className="card block-card">
        <h2>Input: time-series windows</h2>
        <form
          className="row gap"
          onSubmit={(e) => {
            e.preventDefault();
            void save({ ...impulse, name: name.trim() || impulse.name });
          }}
        >
          <label>
            Impulse name
            <input
              aria-label="Impulse name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              onBlur={() => void save({ ...impulse, name: name.trim() || impulse.name })}
            />
          </label>
        </form>
        <div className="row gap wrap">
          <NumberField
            label="Window size"
            unit="ms"
            rule={INPUT_RULES.windowSizeMs}
            error={problems.windowSizeMs}
            value={input.windowSizeMs}
            onChange={(v) => setInput({ windowSizeMs: v })}
          />
          <NumberField
            label="Window stride"
            unit="ms"
            rule={INPUT_RULES.windowStrideMs}
            error={problems.windowStrideMs}
            value={input.windowStrideMs}
            onChange={(v) => setInput({ windowStrideMs: v })}
          />
          <NumberField
            label="Frequency"
            unit="Hz"
            rule={INPUT_RULES.frequencyHz}
            error={problems.frequencyHz}
            value={input.frequencyHz}
            onChange={(v) => setInput({ frequencyHz: v })}
          />
        </div>
        <label className="row gap-s">
          <input
            type="checkbox"
            checked={input.zeroPad}
            onChange={(e) => setInput({ zeroPad: e.target.checked })}
          />
          Zero-pad samples shorter than a window
        </label>
        {fitWarning && (
          <p className="callout warn" data-testid="window-fit-warning" role="status">
            {fitWarning}
          </p>
        )}
        <fieldset className="axes" aria-describedby={problems.axes ? axesMessageId : undefined}>
          <legend>Axes</legend>
          {axisNames.map((a) => (
            <label key={a} className="row gap-s">
              <input
                type="checkbox"
                checked={input.axes.includes(a)}
                onChange={(e) =>
                  setInput({
                    axes: e.target.checked
                      ? axisNames.filter((n) => n === a || input.axes.includes(n))
                      : input.axes.filter((n) => n !== a),
                  })
                }
              />
              {a}
            </label>
          ))}
          {problems.axes && (
            <span id={axesMessageId} className="field-error" role="alert">
              {problems.axes}
            </span>
          )}
        </fieldset>
        {Object.keys(problems).length === 0 && (
          <p className="muted small">{framesPerWindow(input)} frames per window.</p>
        )}
      </div>
      <div className="card block-card">
        <h2>Processing block</h2>
        <label>
          Block
          <select
            aria-label="Processing block"
            value={impulse.dsp.block}
            onChange={(e) => void save({ ...impulse, dsp: { block: e.target.value as BlockId, params: {} } })}
          >
            {Object.values(DSP_BLOCKS).map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
        </label>
        <DspParamsForm key={impulse.dsp.block} impulse={impulse} />
        <div
          className={`feature-count ${layout.ok ? '' : 'error'}`}
          data-testid="feature-count"
          role="status"
        >
          {layout.ok ? (
            <>
              <strong>{layout.featureCount.toLocaleString()}</strong> features per window
              {layout.shape.length > 1 && <span className="muted"> ({layout.shape.join(' × ')})</span>}
            </>
          ) : (
            layout.error
          )}
        </div>
      </div>
      <LearningBlockCard impulse={impulse} />
    </div>
  );
}
