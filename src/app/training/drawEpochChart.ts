import { formatTick, niceStep, ticks } from '../chart/ticks';

export interface EpochSeries {
  name: string;
  color: string;
  /** One value per epoch (null where there is none, e.g. no validation split). */
  values: Array<number | null>;
}

export interface EpochChartSpec {
  series: EpochSeries[];
  /** Fixed y range (e.g. 0–100 for accuracy); otherwise 0 … the largest value. */
  yMax?: number;
  totalEpochs: number;
}

const PAD = { left: 46, right: 12, top: 22, bottom: 26 };

/** Draws loss or accuracy per epoch: axes with ticks, one line per series and a legend on top. */
export function drawEpochChart(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  spec: EpochChartSpec,
  font: string,
): void {
  ctx.clearRect(0, 0, width, height);
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  if (plotW <= 0 || plotH <= 0) return;
  const all = spec.series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const yMax = spec.yMax ?? Math.max(1e-6, ...all) * 1.05;
  const epochs = Math.max(1, spec.totalEpochs);
  const x = (epoch: number) => PAD.left + (epochs === 1 ? plotW / 2 : ((epoch - 1) / (epochs - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (Math.min(v, yMax) / yMax) * plotH;
  ctx.font = `11px ${font}`;
  ctx.strokeStyle = '#e5e7eb';
  ctx.fillStyle = '#6b7280';
  ctx.lineWidth = 1;
  const yStep = niceStep(yMax, 4);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of ticks(0, yMax, yStep)) {
    ctx.beginPath();
    ctx.moveTo(PAD.left, y(t) + 0.5);
    ctx.lineTo(PAD.left + plotW, y(t) + 0.5);
    ctx.stroke();
    ctx.fillText(formatTick(t, yStep), PAD.left - 6, y(t));
  }
  const xStep = Math.max(1, niceStep(epochs, 6));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of ticks(1, epochs, xStep)) ctx.fillText(String(t), x(t), PAD.top + plotH + 6);
  ctx.textAlign = 'right';
  ctx.fillText('epoch', PAD.left + plotW, PAD.top + plotH + 6 + 11);
  let legendX = PAD.left;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const s of spec.series) {
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      if (pen) ctx.lineTo(x(i + 1), y(v));
      else ctx.moveTo(x(i + 1), y(v));
      pen = true;
    });
    ctx.stroke();
    if (s.values.some((v) => v !== null)) {
      ctx.fillStyle = s.color;
      ctx.fillRect(legendX, 6, 12, 3);
      ctx.fillStyle = '#374151';
      ctx.fillText(s.name, legendX + 16, 8);
      legendX += 16 + ctx.measureText(s.name).width + 16;
    }
  }
}
