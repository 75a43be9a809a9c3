/**
 * Data-forwarder mode of a serial session: lines → layout detection, samples, rate, malformed/ERR reporting.
 *
 * Layout: LOCK_LINES complete numeric lines with the same number of values establish the axis count (and, the
 * first time, recognise the protocol). After that, a line with another count is held as a candidate: if
 * LOCK_LINES such lines agree, the layout changes (reported by a `rate` event, samples restart, nothing merged);
 * if a line of the current layout comes first, the held lines are counted as malformed.
 * Malformed lines are skipped and counted, and the samples after one are marked not continuous.
 */
import { LineSplitter, type LineSink } from './lineSplitter';
import { MALFORMED, MAX_LINE_VALUES, parseLineValues } from './lineValues';
import { RateEstimator, type RateEstimate } from './rateEstimator';
import type { SessionEvent } from './sessionEvents';

export const LOCK_LINES = 3;
const CR = 0x0d;
const PREVIEW_BYTES = 120;
const PREVIEW_CHARS = 80;
/** Letters of numbers as Arduino prints them: an exponent, nan, inf, ovf. */
const NUMBER_LETTERS = new Set([...'eanifov'].map((ch) => ch.charCodeAt(0)));
/**
 * An announced rate is replaced when the estimate moves by more than this, or when a fit at least twice as
 * precise gives another value: the first, rough estimate (possibly snapped to the wrong round rate under heavy
 * jitter) does not stick, and the announced rate settles instead of following every refit.
 */
const RATE_CHANGE = 0.005;
const PRECISION_GAIN = 2;

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function preview(b: Uint8Array, start: number, end: number): string {
  return utf8.decode(b.subarray(start, Math.min(end, start + PREVIEW_BYTES))).slice(0, PREVIEW_CHARS);
}

/** Printable UTF-8 text (TAB allowed), to tell a boot message from binary noise. */
function printableText(b: Uint8Array, start: number, end: number): string | null {
  for (let i = start; i < end; i++) if ((b[i] < 0x20 && b[i] !== 0x09) || b[i] === 0x7f) return null;
  try {
    return strictUtf8.decode(b.subarray(start, end));
  } catch {
    return null;
  }
}

function isErrLine(b: Uint8Array, start: number, end: number): boolean {
  return end - start >= 3 && b[start] === 0x45 && b[start + 1] === 0x52 && b[start + 2] === 0x52;
}

export class ForwarderStream implements LineSink {
  private readonly splitter = new LineSplitter();
  private readonly scratch = new Float64Array(MAX_LINE_VALUES);
  /** Established axis count; 0 until the protocol is recognised. */
  private axes = 0;
  private candidateAxes = 0;
  private candidates = 0;
  private readonly candidateValues = new Float64Array(LOCK_LINES * MAX_LINE_VALUES);
  private candidatePreview = '';
  private batch = new Float32Array(1024);
  private batchFrames = 0;
  private batchContinuous = false;
  /** Readings emitted in the current layout. */
  private readings = 0;
  /**
   * Reading slots since the layout: what the rate counts. Every complete line except ERR, blank and text
   * messages (see `isTextMessage`): a garbled or overlong numeric line still took a reading's time on the wire,
   * while a message a sketch prints between readings ("Starting sensor...") did not replace one.
   */
  private lines = 0;
  private malformed = 0;
  private malformedPreview = '';
  private readonly estimator = new RateEstimator();
  private rateHz: number | null = null;
  /** Relative standard error of the fit behind `rateHz`. */
  private rateError = Infinity;
  private out: SessionEvent[] = [];
  private now = 0;

  get locked(): boolean {
    return this.axes > 0;
  }

  get bufferedBytes(): number {
    return this.splitter.bufferedBytes;
  }

  push(chunk: Uint8Array, receivedAtMs: number, out: SessionEvent[]): void {
    this.out = out;
    this.now = receivedAtMs;
    this.splitter.push(chunk, this);
    this.flushBatch();
    this.flushMalformed();
    if (this.axes > 0) this.updateRate();
  }

  /** End of stream: a last line without "\n" counts as malformed. */
  flush(receivedAtMs: number, out: SessionEvent[]): void {
    this.out = out;
    this.now = receivedAtMs;
    const partial = this.splitter.takePartial();
    if (partial && this.axes > 0) this.countMalformed(preview(partial, 0, partial.length));
    this.flushBatch();
    this.flushMalformed();
  }

  reset(): void {
    this.splitter.reset();
    this.estimator.reset();
    this.axes = this.candidateAxes = this.candidates = this.batchFrames = this.readings = this.lines = 0;
    this.malformed = 0;
    this.batchContinuous = false;
    this.rateHz = null;
  }

  line(b: Uint8Array, start: number, lineEnd: number): void {
    let end = lineEnd;
    while (end > start && b[end - 1] === CR) end--;
    if (isErrLine(b, start, end)) {
      this.flushBatch();
      this.out.push({ type: 'device-error', text: utf8.decode(b.subarray(start, end)).trimEnd() });
      return;
    }
    const count = parseLineValues(b, start, end, this.scratch);
    if (count === 0) return;
    if (count === MALFORMED) this.notNumeric(b, start, end);
    else if (count === this.axes) this.matchingLine(count);
    else this.candidateLine(count, b, start, end);
  }

  overlong(b: Uint8Array, start: number, end: number): void {
    if (this.axes === 0) return;
    this.countMalformed(preview(b, start, end));
    this.lines++;
  }

  private notNumeric(b: Uint8Array, start: number, end: number): void {
    if (this.axes > 0) {
      this.countMalformed(preview(b, start, end));
      if (!isTextMessage(b, start, end)) this.lines++;
      return;
    }
    const text = printableText(b, start, end);
    if (text !== null) this.out.push({ type: 'device-text', text: text.trimEnd() });
  }

  private matchingLine(count: number): void {
    if (this.candidates > 0) this.dropCandidates();
    this.append(this.scratch, 0, count);
    this.lines++;
  }

  private candidateLine(count: number, b: Uint8Array, start: number, end: number): void {
    if (this.candidateAxes !== count) {
      this.dropCandidates();
      this.candidateAxes = count;
      this.candidatePreview = preview(b, start, end);
    }
    this.candidateValues.set(this.scratch.subarray(0, count), this.candidates * MAX_LINE_VALUES);
    this.candidates++;
    if (this.axes > 0) this.lines++;
    if (this.candidates === LOCK_LINES) this.switchLayout();
  }

  /** Held lines of another axis count that did not become a layout are malformed (once a layout exists). */
  private dropCandidates(): void {
    if (this.axes > 0 && this.candidates > 0) {
      this.countMalformed(this.candidatePreview);
      this.malformed += this.candidates - 1;
    }
    this.candidates = 0;
    this.candidateAxes = 0;
  }

  private switchLayout(): void {
    this.flushBatch();
    if (this.axes === 0) this.out.push({ type: 'protocol', protocol: 'forwarder' });
    this.axes = this.candidateAxes;
    this.readings = 0;
    this.rateHz = null;
    this.estimator.reset();
    this.batchContinuous = false;
    this.out.push({ type: 'rate', axes: this.axes, hz: null, measuredHz: null });
    for (let i = 0; i < this.candidates; i++)
      this.append(this.candidateValues, i * MAX_LINE_VALUES, this.axes);
    this.lines = this.candidates;
    this.candidates = 0;
    this.candidateAxes = 0;
  }

  private append(values: Float64Array, offset: number, count: number): void {
    const needed = (this.batchFrames + 1) * count;
    if (needed > this.batch.length) {
      const grown = new Float32Array(Math.max(needed, this.batch.length * 2));
      grown.set(this.batch.subarray(0, this.batchFrames * count));
      this.batch = grown;
    }
    const at = this.batchFrames * count;
    for (let a = 0; a < count; a++) this.batch[at + a] = values[offset + a];
    this.batchFrames++;
    this.readings++;
  }

  private countMalformed(text: string): void {
    if (this.malformed === 0) this.malformedPreview = text;
    this.malformed++;
    // The reading this line stood for is missing: what follows is not continuous with what came before.
    this.flushBatch();
    this.batchContinuous = false;
  }

  private flushBatch(): void {
    if (this.batchFrames === 0) return;
    const frames = this.batchFrames;
    this.out.push({
      type: 'samples',
      source: 'forwarder',
      sensorId: 0,
      axes: this.axes,
      frames,
      values: this.batch.slice(0, frames * this.axes),
      firstFrame: this.readings - frames,
      continuous: this.batchContinuous,
      hz: this.rateHz,
      receivedAtMs: this.now,
    });
    this.batchFrames = 0;
    this.batchContinuous = true;
  }

  private flushMalformed(): void {
    if (this.malformed === 0) return;
    this.out.push({ type: 'malformed-line', count: this.malformed, text: this.malformedPreview });
    this.malformed = 0;
  }

  private updateRate(): void {
    this.estimator.add(this.lines, this.now);
    const estimate = this.estimator.estimate();
    if (!estimate) return;
    if (this.rateHz !== null && !this.replacesRate(estimate)) return;
    this.rateHz = estimate.hz;
    this.rateError = estimate.relativeError;
    this.out.push({ type: 'rate', axes: this.axes, hz: estimate.hz, measuredHz: estimate.measuredHz });
  }

  private replacesRate({ hz, relativeError }: RateEstimate): boolean {
    const announced = this.rateHz ?? 0;
    if (hz === announced) return false;
    return (
      Math.abs(hz - announced) > RATE_CHANGE * announced || relativeError * PRECISION_GAIN <= this.rateError
    );
  }
}

/**
 * A line with a letter no printed number contains: Arduino's `print(float)` writes digits, '.', '-', an exponent
 * 'e'/'E', and "nan", "inf" or "ovf"; anything else (e.g. "x=1 y=2", "Starting sensor...") is a message.
 */
function isTextMessage(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = b[i] | 0x20;
    if (c >= 0x61 && c <= 0x7a && !NUMBER_LETTERS.has(c)) return true;
  }
  return false;
}
