import { StudioError } from '../../errors';
import { ARENA_ALIGNMENT, type ArenaBuffer } from './modelBuffers';

/**
 * A static arena: its size in bytes and the byte offset of every arena buffer, by tensor index. The
 * generator's default is TFLite Micro's greedy planner over modelBuffers' arena buffers
 * (mcu/arenaGenerated.ts planStaticArena).
 */
export interface ArenaPlan {
  size: number;
  offsets: ReadonlyMap<number, number>;
}

function overlapInTime(a: ArenaBuffer, b: ArenaBuffer): boolean {
  return a.firstOp <= b.lastOp && b.firstOp <= a.lastOp;
}

/**
 * Fails unless `plan` gives every buffer an aligned offset inside the arena and no two buffers that are
 * live at the same time share a byte.
 */
export function checkArenaPlan(plan: ArenaPlan, buffers: readonly ArenaBuffer[]): void {
  const fail = (problem: string): never => {
    throw new StudioError('codegen-bad-arena-plan', `The arena plan does not fit the model: ${problem}.`);
  };
  if (!Number.isInteger(plan.size) || plan.size < 0) fail(`its size ${plan.size} is not a byte count`);
  for (const buffer of buffers) {
    const offset = plan.offsets.get(buffer.tensor);
    if (offset === undefined) fail(`tensor ${buffer.tensor} has no offset`);
    else if (!Number.isInteger(offset) || offset < 0 || offset % ARENA_ALIGNMENT !== 0) {
      fail(`tensor ${buffer.tensor} is at offset ${offset}, not a multiple of ${ARENA_ALIGNMENT}`);
    } else if (offset + buffer.size > plan.size) {
      fail(
        `tensor ${buffer.tensor} ends at byte ${offset + buffer.size}, beyond the ${plan.size}-byte arena`,
      );
    }
  }
  buffers.forEach((a, i) => {
    const aStart = plan.offsets.get(a.tensor)!;
    for (const b of buffers.slice(i + 1)) {
      const bStart = plan.offsets.get(b.tensor)!;
      if (overlapInTime(a, b) && aStart < bStart + b.size && bStart < aStart + a.size) {
        fail(`tensors ${a.tensor} and ${b.tensor} are live at the same time and share bytes`);
      }
    }
  });
}
