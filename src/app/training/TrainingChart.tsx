import { memo, useEffect, useRef } from 'react';
import type { EpochLog } from '../../core/learn/train';
import { useDevicePixelRatio, useElementWidth } from '../chart/canvasHooks';
import { drawInOwnTask } from '../components/drawInOwnTask';
import { drawEpochChart, type EpochChartSpec } from './drawEpochChart';

const HEIGHT = 180;
const TRAIN = '#2563eb';
const VALIDATION = '#dc2626';

function EpochCanvas({ title, spec }: { title: string; spec: EpochChartSpec }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(box);
  const dpr = useDevicePixelRatio();
  // Drawn after the next frame in a task of its own, not in the commit of the render the worker's progress message
  // caused nor beside the other chart: every task stays short, and epochs landing together are drawn once.
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || width === 0) return;
    return drawInOwnTask(() => {
      const w = Math.round(width * dpr);
      const h = Math.round(HEIGHT * dpr);
      // Resizing reallocates the canvas: only when the size changed.
      if (c.width !== w || c.height !== h) {
        c.width = w;
        c.height = h;
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawEpochChart(ctx, width, HEIGHT, spec, getComputedStyle(c).fontFamily || 'sans-serif');
    });
  }, [spec, width, dpr]);
  const last = (s: EpochChartSpec['series'][number]) => s.values.filter((v) => v !== null).pop();
  const summary = spec.series.map((s) => `${s.name} ${last(s)?.toPrecision(3) ?? '–'}`).join(', ');
  return (
    <figure ref={box}>
      <figcaption>{title}</figcaption>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`${title} per epoch: last ${summary}`}
        style={{ width: '100%', height: HEIGHT }}
      />
    </figure>
  );
}

/**
 * Loss and accuracy per epoch (training and validation) on canvas: cheap enough to redraw at every epoch
 * while the worker trains, so the page never stalls.
 */
export const TrainingChart = memo(function TrainingChart({
  history,
  classifier,
  totalEpochs,
}: {
  history: EpochLog[];
  classifier: boolean;
  totalEpochs?: number;
}) {
  const epochs = totalEpochs ?? history.length;
  const loss: EpochChartSpec = {
    totalEpochs: epochs,
    series: [
      { name: 'training', color: TRAIN, values: history.map((h) => h.loss) },
      { name: 'validation', color: VALIDATION, values: history.map((h) => h.valLoss) },
    ],
  };
  const accuracy: EpochChartSpec = {
    totalEpochs: epochs,
    yMax: 100,
    series: [
      {
        name: 'training',
        color: TRAIN,
        values: history.map((h) => (h.accuracy === null ? null : h.accuracy * 100)),
      },
      {
        name: 'validation',
        color: VALIDATION,
        values: history.map((h) => (h.valAccuracy === null ? null : h.valAccuracy * 100)),
      },
    ],
  };
  return (
    <div className="training-charts" data-testid="training-chart">
      <EpochCanvas title="Loss" spec={loss} />
      {classifier && <EpochCanvas title="Accuracy (%)" spec={accuracy} />}
    </div>
  );
});
