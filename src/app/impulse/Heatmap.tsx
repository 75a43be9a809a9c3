import { useEffect, useRef } from 'react';

/** A frames × coefficients matrix as an image: time left to right, coefficient 0 at the bottom. */
export function Heatmap({
  values,
  rows,
  cols,
  height = 180,
}: {
  values: Float32Array;
  rows: number;
  cols: number;
  height?: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || rows === 0 || cols === 0) return;
    canvas.width = rows;
    canvas.height = cols;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const span = hi > lo ? hi - lo : 1;
    const img = ctx.createImageData(rows, cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const t = (values[r * cols + c] - lo) / span;
        const o = ((cols - 1 - c) * rows + r) * 4;
        // A perceptually ordered dark-blue → yellow ramp.
        img.data[o] = Math.round(255 * Math.min(1, Math.max(0, 1.8 * t - 0.5)));
        img.data[o + 1] = Math.round(255 * Math.min(1, 0.1 + 0.9 * t));
        img.data[o + 2] = Math.round(255 * Math.max(0, 0.55 - 0.55 * t));
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
  }, [values, rows, cols]);
  return (
    <canvas
      ref={ref}
      className="heatmap"
      style={{ height }}
      aria-label={`${rows} frames × ${cols} coefficients`}
      role="img"
    />
  );
}
