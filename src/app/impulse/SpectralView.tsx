import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BlockParams } from '../../core/dsp/block';
import { spectralBlock } from '../../core/dsp/spectral';
import { SPECTRAL_STATISTICS, spectralLayout, type SpectralSection } from '../../core/dsp/spectralLayout';
import type { WindowView } from '../../../workers/dspApi';
import { AXIS_COLORS } from '../chart/axisColors';
import { niceStep, ticks } from '../chart/ticks';
import { WaveletView } from './WaveletView';

const TITLES: Record<SpectralSection['analysis'], string> = {
  main: 'Spectrum',
  'low-frequency': 'Extra low-frequency spectrum',
};

const short = (v: number) => Number(v.toPrecision(3)).toString();

/** Round frequencies from 0 up to the first tick at or above the highest bin. */
function hzTicks(section: SpectralSection): number[] {
  const top = section.bins.at(-1)?.hz ?? 0;
  const step = niceStep(top, 6);
  return ticks(0, Math.ceil(top / step - 1e-9) * step, step);
}

/** The spectral block's features of one window, as its analysis type lays them out. */
export function SpectralView({ view, params }: { view: WindowView; params: BlockParams }) {
  return spectralBlock.parseParams(params)['analysis-type'] === 'Wavelet' ? (
    <WaveletView view={view} params={params} />
  ) : (
    <FftView view={view} params={params} />
  );
}

/** FFT analysis of one window: the kept FFT bins against frequency, and the statistics. */
function FftView({ view, params }: { view: WindowView; params: BlockParams }) {
  const layout = useMemo(() => {
    const axes = view.windowAxes.length;
    const shape = { axes, frames: view.window.length / axes, frequencyHz: view.frequencyHz };
    return spectralLayout(spectralBlock.parseParams(params), shape, view.windowAxes);
  }, [view, params]);
  const analyses = useMemo(
    () =>
      (['main', 'low-frequency'] as const)
        .map((analysis) => layout.sections.filter((s) => s.analysis === analysis))
        .filter((sections) => sections.length > 0),
    [layout],
  );
  const yTitle = layout.logPower ? 'log₁₀ power' : 'power';

  return (
    <>
      {analyses.map((sections) => (
        <div key={sections[0].analysis}>
          <h3>
            {TITLES[sections[0].analysis]}: {yTitle} of {sections[0].bins.length} bins per axis, at{' '}
            {short(sections[0].sampleRateHz)} Hz
          </h3>
          <div data-testid="spectral-plot">
            <ResponsiveContainer width="100%" height={200}>
              <LineChart
                data={sections[0].bins.map((b, j) => {
                  const row: Record<string, number> = { hz: b.hz };
                  for (const s of sections) row[s.axis] = view.features[s.bins[j].index];
                  return row;
                })}
                margin={{ top: 4, right: 12, bottom: 18, left: 8 }}
              >
                <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
                <XAxis
                  dataKey="hz"
                  type="number"
                  domain={[0, hzTicks(sections[0]).at(-1) ?? 'dataMax']}
                  ticks={hzTicks(sections[0])}
                  tickFormatter={short}
                  label={{ value: 'Frequency (Hz)', position: 'insideBottom', offset: -12 }}
                />
                <YAxis width={56} tickFormatter={short} />
                <Tooltip
                  labelFormatter={(hz) => `${short(Number(hz))} Hz`}
                  formatter={(v) => short(Number(v))}
                />
                <Legend verticalAlign="top" height={24} />
                {sections.map((s, i) => (
                  <Line
                    key={s.axis}
                    dataKey={s.axis}
                    stroke={AXIS_COLORS[i % AXIS_COLORS.length]}
                    isAnimationActive={false}
                    strokeWidth={1.5}
                    dot={sections[0].bins.length <= 64}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <table className="table compact" data-testid="spectral-statistics">
            <caption className="muted small">
              Statistics per axis: of the filtered window, then of its spectrum
            </caption>
            <thead>
              <tr>
                <th scope="col">Statistic</th>
                {sections.map((s) => (
                  <th key={s.axis} scope="col" className="num">
                    {s.axis}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {SPECTRAL_STATISTICS.map((name, k) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  {sections.map((s) => (
                    <td key={s.axis} className="num">
                      {short(view.features[s.statistics[k]])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
