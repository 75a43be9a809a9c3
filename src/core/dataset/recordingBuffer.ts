import type { SampleValues } from './sample';

/**
 * Collects interleaved frames of one sensor while recording, up to a target length, without copying the
 * whole recording on every chunk (the backing array grows geometrically).
 */
export class RecordingBuffer<T extends SampleValues> {
  private data: T;
  private frames = 0;

  constructor(
    private readonly make: (length: number) => T,
    readonly axes: number,
    readonly targetFrames: number,
  ) {
    this.data = make(Math.min(targetFrames, 4096) * axes);
  }

  get frameCount(): number {
    return this.frames;
  }

  get full(): boolean {
    return this.frames >= this.targetFrames;
  }

  /** Appends whole frames; anything past the target length is dropped. Returns the frames taken. */
  append(chunk: T): number {
    const take = Math.min(Math.floor(chunk.length / this.axes), this.targetFrames - this.frames);
    if (take <= 0) return 0;
    const needed = (this.frames + take) * this.axes;
    if (needed > this.data.length) {
      const grown = this.make(
        Math.min(this.targetFrames * this.axes, Math.max(needed, this.data.length * 2)),
      );
      grown.set(this.data.subarray(0, this.frames * this.axes) as never);
      this.data = grown;
    }
    this.data.set(chunk.subarray(0, take * this.axes) as never, this.frames * this.axes);
    this.frames += take;
    return take;
  }

  /** The frames recorded so far, as a right-sized copy. */
  values(): T {
    return this.data.slice(0, this.frames * this.axes) as T;
  }
}
