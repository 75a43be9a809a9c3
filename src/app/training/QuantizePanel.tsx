import type { Impulse } from '../../core/impulse/impulse';
import type { Agreement, Int8Verdict, LayerAgreement } from '../../core/learn/runtimeAgreement';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { downloadBytes } from '../../platform/download';
import { useRuntimeCheck } from '../../state/runtimeCheckStore';
import { useTraining } from '../../state/trainingStore';
import { toast } from '../../state/toastStore';
import { describeError } from '../../core/errors';
import { PERCENTILE_RULE, quantizeSettingsProblems } from '../../core/validation/quantizeRules';
import { NumberField } from '../components/NumberField';
import { ConfusionMatrix } from './ConfusionMatrix';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const PHASES = {
  features: 'Reading features',
  calibrating: 'Calibrating on training windows',
  comparing: 'Comparing on the test set',
};

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'model';
}

async function download(impulse: Impulse, model: TrainedModel, precision: 'float32' | 'int8'): Promise<void> {
  const graph = precision === 'int8' ? model.int8?.graph : model.float;
  if (!graph) return;
  try {
    const { writeTflite } = await import('../../core/tflite');
    downloadBytes(
      `${safeName(impulse.name)}_${precision}.tflite`,
      writeTflite(graph),
      'application/octet-stream',
    );
  } catch (e) {
    toast.error(describeError(e));
  }
}

const VERDICT_TEXT: Record<Int8Verdict, string> = {
  agrees: 'agrees',
  rounding: 'differs only by rounding carried through the layers',
  differs: 'DIFFERS',
};

/**
 * One comparison. For int8, `verdict` reads it next to the kernel-by-kernel check (`int8Verdict`): when every
 * kernel but the softmax agrees on its own inputs, a larger difference is each kernel's ±1 LSB carried forward.
 */
function AgreementLine({
  title,
  a,
  testId,
  verdict,
}: {
  title: string;
  a: Agreement;
  testId: string;
  verdict?: Int8Verdict;
}) {
  const v = verdict ?? (a.beyondTolerance === 0 ? 'agrees' : 'differs');
  const diff = a.dtype === 'int8' ? `${a.maxDiff} LSB` : a.maxDiff.toExponential(1);
  return (
    <li
      data-testid={testId}
      className={v === 'agrees' ? 'ok-text' : v === 'differs' ? 'error-text' : undefined}
    >
      {title}: {VERDICT_TEXT[v]} — {a.equal.toLocaleString()} of {a.outputs.toLocaleString()} outputs
      identical, {a.beyondTolerance} beyond {a.dtype === 'int8' ? '1 LSB' : '1e-5 of the largest output'},
      largest difference {diff}, {a.inputs} inputs.
      {v === 'rounding' &&
        ' Every kernel agrees within 1 LSB on its own inputs (below); a hidden value 1 LSB apart moves the next layer, and full TFLite’s int8 softmax rounds differently from TFLite Micro’s reference, which the studio matches bit for bit.'}
    </li>
  );
}

/** Each int8 kernel alone, given the input it saw in the whole model, in both runtimes. */
function LayerLines({ layers }: { layers: LayerAgreement[] }) {
  return (
    <li>
      int8, kernel by kernel (each given exactly the input it saw in the whole model):
      <ul className="layer-checks">
        {layers.map(({ opIndex, kind, agreement: a }) => {
          const ok = a.beyondTolerance === 0;
          const softmax = kind === 'SOFTMAX' && !ok;
          return (
            <li
              key={opIndex}
              data-testid="runtime-check-layer"
              data-kind={kind}
              className={ok ? 'ok-text' : softmax ? undefined : 'error-text'}
            >
              op {opIndex + 1} {kind}: {ok ? 'agrees' : softmax ? 'differs (softmax kernel)' : 'DIFFERS'} —{' '}
              {a.equal.toLocaleString()} of {a.outputs.toLocaleString()} identical, largest difference{' '}
              {a.maxDiff} LSB
              {softmax && ': full TFLite runs its own int8 softmax; the studio follows TFLite Micro’s.'}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/** One click to int8: calibration settings, progress, sizes, float32 vs int8 on the test set, downloads and the official-runtime check. */
export function QuantizePanel({
  impulse,
  model,
  stale,
}: {
  impulse: Impulse;
  model: TrainedModel;
  stale: boolean;
}) {
  const quantizing = useTraining((s) => (s.quantizing?.impulseId === impulse.id ? s.quantizing : null));
  const training = useTraining((s) => s.active !== null);
  const settings = useTraining((s) => s.quantizeSettings);
  const cancelled = useTraining((s) => s.quantizeCancelled === impulse.id);
  const check = useRuntimeCheck((s) =>
    s.check?.impulseId === impulse.id && s.check.modelCreatedAt === model.createdAt ? s.check : null,
  );
  const { quantize, cancelQuantize, setQuantizeSettings } = useTraining.getState();
  const problems = quantizeSettingsProblems(settings);
  const q = model.int8;
  const c = q?.comparison;
  return (
    <section className="card quantize" data-testid="quantize-panel">
      <div className="row gap wrap">
        <h2>int8 quantisation</h2>
        <label>
          Calibration
          <select
            value={settings.method}
            onChange={(e) =>
              setQuantizeSettings({ ...settings, method: e.target.value as 'minmax' | 'percentile' })
            }
          >
            <option value="minmax">Min / max of the training windows</option>
            <option value="percentile">Percentile (clips outliers)</option>
          </select>
        </label>
        {settings.method === 'percentile' && (
          <NumberField
            label="Percentile"
            value={settings.percentile}
            rule={PERCENTILE_RULE}
            error={problems.percentile}
            step={0.01}
            onChange={(percentile) => setQuantizeSettings({ ...settings, percentile })}
          />
        )}
        <label>
          Input / output
          <select
            value={settings.ioType}
            onChange={(e) =>
              setQuantizeSettings({ ...settings, ioType: e.target.value as 'int8' | 'float32' })
            }
          >
            <option value="int8">int8 (fully integer)</option>
            <option value="float32">float32 (QUANTIZE / DEQUANTIZE at the edges)</option>
          </select>
        </label>
        {quantizing ? (
          <button
            className="btn"
            data-testid="quantize-cancel"
            disabled={quantizing.cancelling}
            onClick={cancelQuantize}
          >
            {quantizing.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <button
            className="btn primary"
            data-testid="quantize-start"
            disabled={training || stale || !!problems.percentile}
            aria-describedby={problems.percentile ? 'quantize-blocker' : undefined}
            onClick={() => void quantize(impulse)}
          >
            {q ? 'Quantise again' : 'Quantise to int8'}
          </button>
        )}
      </div>
      {problems.percentile && !quantizing && (
        <p className="error-text" id="quantize-blocker">
          Fix the percentile before quantising.
        </p>
      )}
      {quantizing && (
        <div className="record-status" data-testid="quantize-progress">
          <progress max={1} value={quantizing.fraction} aria-label="Quantisation progress" />
          <span>
            {PHASES[quantizing.phase]} {Math.round(quantizing.fraction * 100)} %
          </span>
        </div>
      )}
      {cancelled && !quantizing && (
        <p className="muted" data-testid="quantize-cancelled">
          Quantisation was cancelled: the model is unchanged.
        </p>
      )}
      <div className="metric-row">
        <div className="metric">
          <span className="metric-label">float32 .tflite</span>
          <span className="metric-value">{q ? kb(q.floatBytes) : '–'}</span>
        </div>
        <div className="metric">
          <span className="metric-label">int8 .tflite</span>
          <span className="metric-value" data-testid="int8-size">
            {q
              ? `${kb(q.int8Bytes)} (${(q.floatBytes / q.int8Bytes).toFixed(1)}× smaller)`
              : 'not quantised yet'}
          </span>
        </div>
      </div>
      {q && (
        <p className="muted small">
          Quantised {new Date(q.createdAt).toLocaleString()}: calibrated on{' '}
          {q.calibration.windows.toLocaleString()} training windows (
          {q.calibration.method === 'percentile' ? `${q.calibration.percentile}th percentile` : 'min/max'}),{' '}
          {q.ioType} input and output. Weights are int8 per channel for convolutions and per tensor for dense
          layers, biases int32.
        </p>
      )}
      {q && !c && <p className="callout">Add testing samples to compare float32 and int8 accuracy.</p>}
      {c && (
        <>
          <div className="metric-row">
            <div className="metric">
              <span className="metric-label">float32 accuracy per window, top score</span>
              <span className="metric-value" data-testid="float-accuracy">
                {pct(c.float.accuracy)}
              </span>
            </div>
            <div className="metric">
              <span className="metric-label">int8 accuracy per window, top score</span>
              <span className="metric-value" data-testid="int8-accuracy">
                {pct(c.int8.accuracy)}
              </span>
            </div>
            <div className="metric">
              <span className="metric-label">Windows classified differently</span>
              <span className="metric-value">
                {c.disagreements} of {c.windows}
              </span>
            </div>
          </div>
          <p className="muted small" data-testid="precision-accuracy-note">
            On {c.windows.toLocaleString()} test windows, each counted right when its top score is the label
            (no confidence threshold). The Testing page also shows accuracy per sample, which applies the
            threshold.
          </p>
          <div className="results-grid">
            <div>
              <h3>float32</h3>
              <ConfusionMatrix labels={c.labels} matrix={c.float.confusion} />
            </div>
            <div>
              <h3>int8</h3>
              <ConfusionMatrix labels={c.labels} matrix={c.int8.confusion} />
            </div>
          </div>
        </>
      )}
      <div className="row gap wrap quantize-actions">
        <button className="btn" onClick={() => void download(impulse, model, 'float32')}>
          Download float32 .tflite
        </button>
        <button className="btn" disabled={!q} onClick={() => void download(impulse, model, 'int8')}>
          Download int8 .tflite
        </button>
        <button
          className="btn"
          data-testid="runtime-check"
          disabled={check?.status === 'running'}
          onClick={() => void useRuntimeCheck.getState().run(impulse, model)}
        >
          Check against the official TFLite runtime
        </button>
      </div>
      {check && (
        <div data-testid="runtime-check-result" aria-live="polite">
          {check.status === 'running' && (
            <p>Loading the official TensorFlow Lite runtime (WebAssembly) and running the {check.source}…</p>
          )}
          {check.status === 'error' && <p className="error-text">{check.error}</p>}
          {check.status === 'done' && (
            <>
              <p className="small">
                Our `.tflite` files loaded in the official TensorFlow Lite runtime (tfjs-tflite, WebAssembly)
                and run on {check.source}; raw outputs compared with the studio’s interpreter:
              </p>
              <ul>
                {check.float && (
                  <AgreementLine title="float32" a={check.float} testId="runtime-check-float" />
                )}
                {check.int8 && (
                  <AgreementLine
                    title="int8"
                    a={check.int8}
                    testId="runtime-check-int8"
                    verdict={check.verdicts?.int8}
                  />
                )}
                {check.int8Logits && (
                  <AgreementLine
                    title="int8 logits (before the softmax)"
                    a={check.int8Logits}
                    testId="runtime-check-int8-logits"
                    verdict={check.verdicts?.int8Logits}
                  />
                )}
                {check.int8Layers && <LayerLines layers={check.int8Layers} />}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
