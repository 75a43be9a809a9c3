import type { Impulse } from '../../core/impulse/impulse';
import { getBlock } from '../../core/dsp/blocks';
import { paramsView } from '../../core/dsp/paramsView';
import { WAVELETS } from '../../core/dsp/waveletFilters';
import { useImpulses } from '../../state/impulseStore';
import { dspParamProblems } from '../../core/validation/dspParamRules';
import { NumberField } from '../components/NumberField';
import { MfeClampNote } from './MfeClampNote';

/** Choices of the string parameters Edge Impulse's blocks define. */
const CHOICES: Record<string, readonly string[]> = {
  'filter-type': ['none', 'low', 'high'],
  'analysis-type': ['FFT', 'Wavelet'],
  wavelet: WAVELETS,
};

/**
 * One field per parameter the settings use, named as in Edge Impulse's parameters.json; below, which
 * parameters the settings leave unused and which saved keys are ignored, and why.
 */
export function DspParamsForm({ impulse }: { impulse: Impulse }) {
  const save = useImpulses((s) => s.save);
  const block = getBlock(impulse.dsp.block);
  const { given, values, unused, notes } = paramsView(block, impulse.dsp.params);
  const hidden = new Set(unused.flatMap((u) => u.keys));
  const problems = dspParamProblems({ ...impulse.dsp, params: given });
  const set = (key: string, v: number | string | boolean) =>
    void save({ ...impulse, dsp: { ...impulse.dsp, params: { ...given, [key]: v } } });

  return (
    <>
      <div className="row gap wrap params" data-testid="dsp-params">
        {Object.keys(block.defaults)
          .filter((key) => !hidden.has(key) || problems[key])
          .map((key) => {
            const v = values[key];
            if (typeof v === 'boolean') {
              return (
                <label key={key} className="row gap-s">
                  <input
                    type="checkbox"
                    checked={v}
                    onChange={(e) => set(key, e.target.checked)}
                    aria-label={key}
                  />
                  {key}
                </label>
              );
            }
            if (typeof v === 'number')
              return (
                <NumberField
                  key={key}
                  label={key}
                  value={v}
                  error={problems[key]}
                  onChange={(n) => set(key, n)}
                />
              );
            return (
              <label key={key}>
                {key}
                <select aria-label={key} value={v} onChange={(e) => set(key, e.target.value)}>
                  {(CHOICES[key] ?? [v]).map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </label>
            );
          })}
      </div>
      {(unused.length > 0 || notes.length > 0) && (
        <ul className="muted small param-notes" data-testid="dsp-param-notes">
          {unused.map((u) => (
            <li key={u.reason}>
              Not shown, {u.reason}: {u.keys.join(', ')}.
            </li>
          ))}
          {notes.map((note) => (
            <li key={note}>{note}.</li>
          ))}
        </ul>
      )}
      {block.id === 'mfe' && <MfeClampNote />}
    </>
  );
}
