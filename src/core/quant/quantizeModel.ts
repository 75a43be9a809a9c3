import type { Graph } from '../ir/graph';
import { calibrate, type CalibrationOptions } from './calibrate';
import { quantizeGraph, type QuantizeOptions } from './quantizeGraph';

/** Calibrates the float graph on the windows, then quantises it. */
export function quantizeModel(
  graph: Graph,
  windows: Iterable<Float32Array>,
  options: CalibrationOptions & QuantizeOptions,
): Graph {
  return quantizeGraph(graph, calibrate(graph, windows, options), options);
}
