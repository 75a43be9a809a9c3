/**
 * Host side of the studio protocol: bytes (cut anywhere) → checked, parsed frames plus integrity events.
 * Per stream it follows the sequence numbers: a gap is reported as `dropped` and the next data frame is marked
 * not continuous, so samples are never joined across missing frames.
 */
import { regionEvent, type IntegrityEvent } from './decoderEvents';
import { DEVICE_FRAME_RULES, parseDeviceFrame } from './devicePayloads';
import { FrameScanner, type SkippedRegion } from './frameScanner';
import { PayloadError } from './payloadReader';
import { FLAG_START, MAX_FRAME, type DeviceFrame } from './studioFrames';

export type StudioDecoderEvent = { type: 'frame'; frame: DeviceFrame } | IntegrityEvent;

/** Sequence numbers are 16-bit: a jump of half the range or more is a step backwards, not a gap. */
const MAX_GAP = 0x7fff;

export class StudioDecoder {
  private readonly scanner = new FrameScanner(DEVICE_FRAME_RULES);
  /** Next expected seq per stream, −1 before its first frame. */
  private readonly expectedSeq = new Int32Array(256).fill(-1);
  /** Next expected audio sample index per stream, −1 when unknown. */
  private readonly nextSample = new Float64Array(256).fill(-1);

  push(chunk: Uint8Array, out: StudioDecoderEvent[]): void {
    let from = 0;
    while (from < chunk.length) {
      from += this.scanner.write(chunk, from);
      this.drain(out);
    }
    // Long runs of noise are reported as they go rather than only when a good frame finally arrives.
    if (this.scanner.skippedBytes >= MAX_FRAME) this.report(this.scanner.takeSkipped(), out);
  }

  /**
   * End of stream: a candidate still waiting for bytes will never complete (cut off, or its length field was hit),
   * so it is rejected and the bytes after it are rescanned for frames; then skipped bytes are reported.
   */
  flush(out: StudioDecoderEvent[]): void {
    while (this.scanner.buffered > 0) {
      this.scanner.reject('truncated');
      this.drain(out);
    }
    this.report(this.scanner.takeSkipped(), out);
    this.reset();
  }

  /** Bytes held while waiting for the rest of a frame: never more than MAX_FRAME after push() returns. */
  get bufferedBytes(): number {
    return this.scanner.buffered;
  }

  reset(): void {
    this.scanner.reset();
    this.expectedSeq.fill(-1);
    this.nextSample.fill(-1);
  }

  private drain(out: StudioDecoderEvent[]): void {
    for (let raw = this.scanner.next(); raw; raw = this.scanner.next()) {
      let parsed;
      try {
        parsed = parseDeviceFrame(raw);
      } catch (e) {
        if (!(e instanceof PayloadError)) throw e;
        this.scanner.reject(e.reason);
        continue;
      }
      const stream = raw.stream;
      const restart = (raw.flags & FLAG_START) !== 0;
      const seq = raw.seq;
      this.report(this.scanner.accept(), out);

      let continuous = false;
      const expected = this.expectedSeq[stream];
      if (!restart && expected >= 0) {
        const gap = (seq - expected) & 0xffff;
        if (gap === 0) continuous = true;
        else if (gap <= MAX_GAP) out.push({ type: 'dropped', sensorId: stream, count: gap });
        else out.push({ type: 'corrupt', reason: 'sequence', count: 1, bytes: 0 });
      }
      this.expectedSeq[stream] = (seq + 1) & 0xffff;

      if (parsed.type === 'imu') {
        out.push({ type: 'frame', frame: { ...parsed, continuous } });
      } else if (parsed.type === 'audio') {
        // A device-side overrun shows as a jump in the sample index even when no frame is missing.
        const follows = !restart && this.nextSample[stream] === parsed.sampleIndex;
        this.nextSample[stream] = (parsed.sampleIndex + parsed.pcm.length) % 2 ** 32;
        out.push({ type: 'frame', frame: { ...parsed, continuous: continuous && follows } });
      } else {
        out.push({ type: 'frame', frame: parsed });
      }
    }
  }

  private report(region: SkippedRegion | null, out: StudioDecoderEvent[]): void {
    if (region) out.push(regionEvent(region));
  }
}
