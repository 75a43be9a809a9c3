import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BlockParams } from '../../core/dsp/block';
import { spectralBlock } from '../../core/dsp/spectral';
import { waveletLayout, type WaveletBand } from '../../core/dsp/spectralWaveletLayout';
import { WAVELET_FEATURES } from '../../core/dsp/waveletFeatures';
import type { WindowView } from '../../../workers/dspApi';
import { AXIS_COLORS } from '../chart/axisColors';

const short = (v: number) => Number(v.toPrecision(3)).toString();
/** Three significant digits; small values in exponent form so columns stay narrow. */
const cell = (v: number) => (v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(2) : short(v));
const RMS = WAVELET_FEATURES.indexOf('rms');

function bandTitle(band: WaveletBand): string {
  const what = band.kind === 'approximation' ? `A${band.level}` : `D${band.level}`;
  return `${band.label} (${what}, ${short(band.fromHz)}–${short(band.toHz)} Hz)`;
}

/**
 * The spectral block's Wavelet features of one window: the RMS of every sub-band per axis, then every statistic
 * in one table (columns grouped by axis).
 */
export function WaveletView({ view, params }: { view: WindowView; params: BlockParams }) {
  const parsed = useMemo(() => spectralBlock.parseParams(params), [params]);
  const layout = useMemo(() => {
    const axes = view.windowAxes.length;
    const shape = { axes, frames: view.window.length / axes, frequencyHz: view.frequencyHz };
    return waveletLayout(parsed, shape, view.windowAxes);
  }, [view, parsed]);
  const energy = layout.bands.map((band, b) => {
    const row: Record<string, number | string> = { band: band.label };
    for (const a of layout.axes) row[a.axis] = view.features[a.features[b][RMS]];
    return row;
  });

  return (
    <div className="wavelet-view" data-testid="wavelet-view">
      <h3>
        Wavelet {parsed.wavelet}, level {parsed['wavelet-level']}: RMS of each sub-band
      </h3>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={energy} margin={{ top: 4, right: 12, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="band" />
          <YAxis width={56} tickFormatter={short} />
          <Tooltip formatter={(v) => short(Number(v))} />
          <Legend verticalAlign="top" height={24} />
          {layout.axes.map((a, i) => (
            <Bar
              key={a.axis}
              dataKey={a.axis}
              fill={AXIS_COLORS[i % AXIS_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <p className="muted small" data-testid="wavelet-bands">
        Sub-bands: {layout.bands.map(bandTitle).join(' · ')}
      </p>
      <div className="table-scroll">
        <table className="table compact" data-testid="wavelet-statistics">
          <caption className="muted small">Statistics of each sub-band, per axis</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Statistic
              </th>
              {layout.axes.map((a) => (
                <th key={a.axis} scope="colgroup" colSpan={layout.bands.length} className="axis-group">
                  {a.axis}
                </th>
              ))}
            </tr>
            <tr>
              {layout.axes.flatMap((a) =>
                layout.bands.map((band) => (
                  <th
                    key={`${a.axis}-${band.label}`}
                    scope="col"
                    className={band.label === 'L0' ? 'num group-start' : 'num'}
                  >
                    {band.label}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {WAVELET_FEATURES.map((name, k) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {layout.axes.flatMap((a) =>
                  a.features.map((indices, b) => (
                    <td
                      key={`${a.axis}-${layout.bands[b].label}`}
                      className={b === 0 ? 'num group-start' : 'num'}
                    >
                      {cell(view.features[indices[k]])}
                    </td>
                  )),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
