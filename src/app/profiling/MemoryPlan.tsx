import type { PlannedBuffer } from '../../core/mcu/arena';
import { BEFORE_FIRST_OP } from '../../core/mcu/tensorLifetimes';
import { formatKb } from './profileFormat';

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 8;

/**
 * The arena plan as a picture: each buffer a box from the op that creates it to the last op that reads it
 * (across), at its offset in the arena (up). Boxes that share a height never overlap in time.
 */
export function MemoryPlan({
  buffers,
  ops,
  title,
}: {
  buffers: PlannedBuffer[];
  ops: number;
  title: string;
}) {
  const size = Math.max(16, ...buffers.map((b) => b.offset + b.size));
  const columns = ops + 1;
  const x = (op: number) => LEFT + ((op - BEFORE_FIRST_OP) / columns) * (WIDTH - LEFT);
  const y = (offset: number) => HEIGHT - (offset / size) * HEIGHT;
  return (
    <figure className="memory-plan" data-testid="memory-plan">
      <figcaption className="small">
        {title}: {formatKb(size)} planned, {buffers.length} buffers. Across: ops (the first column is before
        op 0, where the input is written); up: arena offset. Blue: tensors, orange: kernel scratch; hover a
        box for its tensor.
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${title}: tensor lifetimes against arena offset`}
      >
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="#f8fafc" stroke="#e5e7eb" />
        {buffers.map((b, i) => {
          const first = Math.max(b.firstOp, BEFORE_FIRST_OP);
          const last = Math.max(b.lastOp, first);
          return (
            <rect
              key={i}
              data-testid="memory-plan-buffer"
              x={x(first)}
              y={y(b.offset + b.size)}
              width={Math.max(2, x(last + 1) - x(first) - 1)}
              height={Math.max(1, y(b.offset) - y(b.offset + b.size) - 1)}
              fill={b.kind === 'tensor' ? '#93c5fd' : '#fdba74'}
              stroke={b.kind === 'tensor' ? '#2563eb' : '#ea580c'}
              vectorEffect="non-scaling-stroke"
            >
              <title>
                {`${b.name}: ${b.bytes.toLocaleString()} B (${b.size.toLocaleString()} planned) at offset ${b.offset.toLocaleString()}, ops ${b.firstOp} to ${b.lastOp}`}
              </title>
            </rect>
          );
        })}
      </svg>
    </figure>
  );
}
