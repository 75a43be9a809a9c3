/** The limits of the Data page's crop and split tools, for a sample `totalMs` long. */
import { fieldProblems, numberProblem, type Problems } from './numberRule';

const fmt = (ms: number) => Math.round(ms).toLocaleString('en');
/** The sample's end, to 0.1 ms (up, so that a range to the very end stays inside). */
const end = (totalMs: number) => Math.ceil(totalMs * 10) / 10;

/** Problems keyed 'startMs', 'endMs' (each within the sample, the end after the start). */
export function cropRangeProblems(range: { startMs: number; endMs: number }, totalMs: number): Problems {
  const bounds = { min: 0, max: end(totalMs), unit: 'ms' };
  const out = fieldProblems(range, {
    startMs: { label: 'From', ...bounds },
    endMs: { label: 'To', ...bounds },
  });
  if (!out.startMs && !out.endMs && range.endMs <= range.startMs)
    out.endMs = `To must be after From (${fmt(range.startMs)} ms): the range would be empty.`;
  return out;
}

/** Problem of the split tool's segment length, keyed 'lengthMs'. */
export function segmentLengthProblems(lengthMs: number, totalMs: number): Problems {
  const problem = numberProblem(lengthMs, {
    label: 'Segment length',
    above: 0,
    max: end(totalMs),
    unit: 'ms',
  });
  return problem ? { lengthMs: problem } : {};
}
