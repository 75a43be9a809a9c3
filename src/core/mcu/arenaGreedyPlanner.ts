/**
 * TensorFlow Lite Micro's GreedyMemoryPlanner (memory_planner/greedy_memory_planner.cc, TFLM 90b983c), online
 * buffers only: the buffers are taken largest first and each goes into the lowest gap, among the buffers
 * already placed whose lifetimes overlap its own, that is big enough for it. The order of equal sizes is
 * TFLM's: it fills its sort array from the end and bubble-sorts it, so of two equal buffers the one added later
 * is placed first. Sizes are taken as given (the caller rounds them, see MICRO_ARENA_ALIGNMENT).
 */

/** A buffer to plan: its size in bytes and its lifetime (any integer time scale, both ends inclusive). */
export interface PlannerBuffer {
  size: number;
  first: number;
  last: number;
}

export interface GreedyPlan {
  /** The offset of each buffer, in the order given. */
  offsets: number[];
  /** The end of the highest buffer: the bytes the plan needs. */
  size: number;
}

/** MicroArenaBufferAlignment(): TFLM rounds every planned buffer up to 16 bytes (micro_allocator.cc CreatePlan). */
export const MICRO_ARENA_ALIGNMENT = 16;

export function alignUp(bytes: number, alignment: number): number {
  return Math.ceil(bytes / alignment) * alignment;
}

function overlapInTime(a: PlannerBuffer, b: PlannerBuffer): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** The placement order: size descending, equal sizes last-added first (see the file comment). */
function placementOrder(buffers: readonly PlannerBuffer[]): number[] {
  const reversed = buffers.map((_, i) => buffers.length - 1 - i);
  return reversed.sort((a, b) => buffers[b].size - buffers[a].size);
}

/** The lowest offset where `wanted` fits between the placed buffers (sorted by offset) that overlap it in time. */
function firstFit(
  wanted: PlannerBuffer,
  placed: readonly { offset: number; buffer: PlannerBuffer }[],
): number {
  let candidate = 0;
  for (const entry of placed) {
    if (!overlapInTime(entry.buffer, wanted)) continue;
    if (entry.offset - candidate >= wanted.size) return candidate;
    candidate = Math.max(candidate, entry.offset + entry.buffer.size);
  }
  return candidate;
}

export function planGreedy(buffers: readonly PlannerBuffer[]): GreedyPlan {
  const offsets = new Array<number>(buffers.length).fill(0);
  // Placed buffers sorted by offset; a new one goes after every entry at the same offset, as in TFLM's list.
  const placed: { offset: number; buffer: PlannerBuffer }[] = [];
  for (const id of placementOrder(buffers)) {
    const buffer = buffers[id];
    const offset = firstFit(buffer, placed);
    offsets[id] = offset;
    const at = placed.findIndex((entry) => entry.offset > offset);
    placed.splice(at === -1 ? placed.length : at, 0, { offset, buffer });
  }
  const size = buffers.reduce((end, b, i) => Math.max(end, offsets[i] + b.size), 0);
  return { offsets, size };
}
