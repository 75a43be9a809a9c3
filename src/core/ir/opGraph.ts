import { OMITTED, type Graph, type Op } from './graph';

/**
 * One op of `graph` as a graph of its own: the op's tensors only (constants keep their data), its activation
 * inputs (the non-constant ones) as the graph's inputs, its outputs as the graph's outputs. Running it on the
 * values the op saw inside the whole graph gives what the op gave there, so one kernel can be checked alone.
 */
export function opGraph(graph: Graph, opIndex: number): Graph {
  const op = graph.ops[opIndex];
  const used = [...op.inputs, ...op.outputs].filter((i) => i !== OMITTED);
  const order = [...new Set(used)];
  const remap = new Map(order.map((old, i) => [old, i]));
  const at = (i: number) => (i === OMITTED ? OMITTED : remap.get(i)!);
  return {
    tensors: order.map((i) => graph.tensors[i]),
    ops: [{ ...op, inputs: op.inputs.map(at), outputs: op.outputs.map(at) } as Op],
    inputs: op.inputs.filter((i) => i !== OMITTED && graph.tensors[i].data === undefined).map(at),
    outputs: op.outputs.map(at),
  };
}
