/**
 * Frame reuse across overlapping windows of one signal (for `DspBlock.runWindows`). The audio blocks cut a
 * window into frames every S samples and turn each frame into a row that depends only on the frame's own
 * samples — except the first frames of a window, which read samples that the window's circular pre-emphasis
 * wraps round (DESIGN.md §5). So the row of a frame at a given signal position is the same in every window
 * that contains it. Windows whose starts are equal modulo S (the same phase) share one grid of frames: grid
 * frame m starts at phase + m·S, and a window starting at phase + m·S holds grid frames m … m + count − 1.
 * A window stride that is a whole number of frame strides has one phase (MFE's defaults: 250 ms = 25 frames);
 * 250 ms windows over MFCC's 20 ms frames alternate between two phases, each window sharing half of its
 * frames with the window before the previous one.
 *
 * Each phase keeps its grid rows in one buffer of 3 windows' worth of consecutive rows, so that a window's
 * rows are one contiguous run, handed out without copying; when a window runs past the end, the rows still
 * ahead move to the front. A window's own first frames are computed for it alone into its first slots, which
 * no later window of the phase reads (their grid frames start further on); the slots are marked as holding
 * no grid frame, so a window that comes back to them recomputes them.
 */
import type { FrameLayout } from './framing';

export interface FrameRows<R extends Float32Array | Float64Array> {
  /** The frames of one window. */
  readonly layout: FrameLayout;
  /** Values per frame row. */
  readonly width: number;
  /** Frames 0 … ownFrames − 1 of a window depend on the window itself (see the module comment). */
  readonly ownFrames: number;
  /** Storage for `length` values. */
  allocate(length: number): R;
  /**
   * Writes into out[offset …] the row of frame `frame` of the window of `windowFrames` samples that starts at
   * `windowStart` in `signal`, exactly as the block's per-window path computes it.
   */
  frameRow(
    signal: Float32Array,
    windowStart: number,
    windowFrames: number,
    frame: number,
    out: R,
    offset: number,
  ): void;
}

/** Frames whose first sample is one of the window's first `wrapped` samples: ceil(wrapped / stride). */
export function framesTouching(wrapped: number, layout: FrameLayout): number {
  return Math.min(layout.count, Math.ceil(wrapped / layout.stride));
}

/** Phases whose buffers are kept at once; a stride that is not a whole number of samples visits many. */
const MAX_PHASES = 8;
/** A phase's buffer holds this many windows' worth of rows. */
const WINDOWS_PER_BUFFER = 3;

interface PhaseRows<R> {
  rows: R;
  /** Grid frame held by each slot, −1 for none. */
  held: Float64Array;
  /** Grid frame of slot 0. */
  base: number;
}

/** The buffer of `phase`, made (and the least recently used one dropped past MAX_PHASES) when missing. */
function phaseRows<R extends Float32Array | Float64Array>(
  phases: Map<number, PhaseRows<R>>,
  phase: number,
  frames: FrameRows<R>,
): PhaseRows<R> {
  let rows = phases.get(phase);
  if (rows) {
    phases.delete(phase);
  } else {
    if (phases.size >= MAX_PHASES) phases.delete(phases.keys().next().value as number);
    const slots = WINDOWS_PER_BUFFER * frames.layout.count;
    rows = { rows: frames.allocate(slots * frames.width), held: new Float64Array(slots).fill(-1), base: 0 };
  }
  phases.set(phase, rows);
  return rows;
}

/** Moves the buffer so that grid frames m … m + count − 1 have slots, keeping the rows it still holds. */
function makeRoom<R extends Float32Array | Float64Array>(
  buffer: PhaseRows<R>,
  m: number,
  count: number,
  width: number,
): void {
  const { rows, held } = buffer;
  const slots = held.length;
  if (m >= buffer.base && m + count <= buffer.base + slots) return;
  const keep = m >= buffer.base ? Math.max(0, buffer.base + slots - m) : 0;
  if (keep > 0) {
    rows.copyWithin(0, (m - buffer.base) * width, slots * width);
    held.copyWithin(0, m - buffer.base, slots);
  }
  held.fill(-1, keep);
  buffer.base = m;
}

/**
 * The count × width rows of each window (single-axis signal), in the order of `starts`: a view that stays
 * valid until the next window is asked for. Throws a RangeError for a window that is not inside the signal.
 */
export function* windowFrameMatrices<R extends Float32Array | Float64Array>(
  frames: FrameRows<R>,
  signal: Float32Array,
  starts: readonly number[],
  windowFrames: number,
): Generator<R> {
  const { layout, width, ownFrames } = frames;
  const { count, stride } = layout;
  const phases = new Map<number, PhaseRows<R>>();
  for (const start of starts) {
    if (!(Number.isInteger(start) && start >= 0 && start + windowFrames <= signal.length))
      throw new RangeError(`Window ${start}+${windowFrames} is outside a signal of ${signal.length} values`);
    const phase = start % stride;
    const buffer = phaseRows(phases, phase, frames);
    const m = (start - phase) / stride;
    makeRoom(buffer, m, count, width);
    const { rows, held } = buffer;
    const first = m - buffer.base;
    for (let f = 0; f < count; f++) {
      const slot = first + f;
      if (f < ownFrames) held[slot] = -1;
      else if (held[slot] === m + f) continue;
      else held[slot] = m + f;
      frames.frameRow(signal, start, windowFrames, f, rows, slot * width);
    }
    yield rows.subarray(first * width, (first + count) * width) as R;
  }
}
