/** The accuracy / cost trade-off: the points no other point beats on both at once. */
export interface TradeOffPoint {
  id: string;
  /** Higher is better. */
  accuracy: number;
  /** Lower is better (latency, RAM…). */
  cost: number;
}

/** Whether `a` dominates `b`: at least as accurate and as cheap, and better on one of the two. */
const dominates = (a: TradeOffPoint, b: TradeOffPoint) =>
  a.accuracy >= b.accuracy && a.cost <= b.cost && (a.accuracy > b.accuracy || a.cost < b.cost);

/** Ids of the Pareto front: every point that no other point dominates (equal points are all on it). */
export function paretoFront(points: readonly TradeOffPoint[]): Set<string> {
  return new Set(points.filter((p) => !points.some((q) => dominates(q, p))).map((p) => p.id));
}
