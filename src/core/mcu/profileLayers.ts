/** The per-layer table of a profile: each op's work and estimated time, and where its output sits in the arena. */
import type { Graph } from '../ir/graph';
import type { PlannedBuffer } from './arena';
import type { ModelEstimate } from './cost';
import type { LayerRow } from './profileTypes';

export function layerRows(graph: Graph, estimate: ModelEstimate, plan: readonly PlannedBuffer[]): LayerRow[] {
  const byTensor = new Map(plan.filter((b) => b.tensor !== null).map((b) => [b.tensor!, b]));
  return estimate.ops.map((o) => {
    const output = byTensor.get(graph.ops[o.work.index].outputs[0]);
    return {
      index: o.work.index,
      kind: o.work.kind,
      path: o.path,
      inputShape: o.work.inputShape,
      outputShape: o.work.outputShape,
      weightShape: o.work.weightShape,
      macs: o.work.macs,
      cycles: o.cycles,
      ms: o.cycles / (estimate.clockMhz * 1000),
      arenaOffset: output?.offset ?? null,
      arenaBytes: output?.size ?? null,
    };
  });
}
