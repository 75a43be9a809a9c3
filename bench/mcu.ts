/**
 * mcu.calibration_max_error_pct: the worst error of the cost model over its calibration table (DESIGN.md §7):
 * the published TFLM + CMSIS-NN and Edge Impulse figures, each against the model's estimate. Prints the table
 * (bounds from other engines are shown, never fitted) and the fitted parameters. The KWS model is the real file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { calibrationTable, type CalibrationRow } from '../src/core/mcu/calibration';
import { readTflite } from '../src/core/tflite/reader';
import type { Benchmark } from './types';

const KWS = '../shared/testdata/tflite/kws_ref_model.tflite';

function describeRow(r: CalibrationRow): string[] {
  const m = r.measurement;
  const measured = m.resolutionMs > 0 ? `${m.ms} ± ${m.resolutionMs}` : String(m.ms);
  const error =
    r.errorPct === null
      ? r.boundHolds
        ? `bound holds (×${(r.estimateMs / m.ms).toFixed(2)})`
        : `BOUND BROKEN (×${(r.estimateMs / m.ms).toFixed(2)})`
      : r.errorPct === 0 && m.resolutionMs > 0
        ? 'within the resolution'
        : `${r.errorPct >= 0 ? '+' : ''}${r.errorPct.toFixed(1)} %`;
  return [m.id, m.kind, r.target, m.software, measured, r.estimateMs.toPrecision(4), error];
}

function printTable(rows: string[][]): void {
  const header = ['row', 'kind', 'target', 'software', 'measured ms', 'estimate ms', 'error'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  for (const r of all) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
}

export const mcuBench: Benchmark = {
  name: 'mcu.calibration',
  run: async () => {
    const kws = readTflite(new Uint8Array(readFileSync(resolve(process.cwd(), KWS))), 'kws_ref_model.tflite');
    const table = calibrationTable(kws);
    printTable(table.rows.map(describeRow));
    const { nn, dspEfficiency } = table.fit;
    const efficiencies = Object.entries(nn.efficiency)
      .map(([core, e]) => `${core} ${e}`)
      .join(', ');
    console.log(
      `fit: efficiency ${efficiencies}; CMSIS-NN convolution factor ${nn.windowFactor}; DSP efficiency ${dspEfficiency}`,
    );
    return {
      'mcu.calibration_max_error_pct': {
        value: table.worstErrorPct,
        unit: '%',
        goal: '≤ 20 (worst |estimate − measured| beyond the figure’s resolution, over fitted rows and checks)',
      },
    };
  },
};
