import type { Impulse } from '../../core/impulse/impulse';
import { getBlock } from '../../core/dsp/blocks';
import { useImpulses } from '../../state/impulseStore';
import { dspParamProblems } from '../../core/validation/dspParamRules';
import { NumberField } from '../components/NumberField';
import { MfeClampNote } from './MfeClampNote';

/** Choices of the string parameters Edge Impulse's blocks define. */
const CHOICES: Record<string, string[]> = {
  'filter-type': ['none', 'low', 'high'],
  'analysis-type': ['FFT'],
};

/** One field per parameter of the block, named as in Edge Impulse's parameters.json. */
export function DspParamsForm({ impulse }: { impulse: Impulse }) {
  const save = useImpulses((s) => s.save);
  const block = getBlock(impulse.dsp.block);
  const values = { ...block.defaults, ...impulse.dsp.params };
  const problems = dspParamProblems(impulse.dsp);
  const set = (key: string, v: number | string | boolean) =>
    void save({ ...impulse, dsp: { ...impulse.dsp, params: { ...impulse.dsp.params, [key]: v } } });

  return (
    <>
      <div className="row gap wrap params" data-testid="dsp-params">
        {Object.keys(block.defaults).map((key) => {
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
      {block.id === 'mfe' && <MfeClampNote />}
    </>
  );
}
