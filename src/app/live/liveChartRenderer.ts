import { AXIS_COLORS } from '../chart/axisColors';
import { drawLiveChart, newChartMemory, type ChartTheme, type LiveChartView } from './drawLiveChart';
import type { LiveBuffer } from './liveBuffer';

export type LiveChartStatus = 'empty' | 'live' | 'paused';

/** No data for this long (or for three sample intervals of a slower sensor) shows the chart as paused. */
const STALL_MS = 1000;
/**
 * At most about 30 paints a second: smooth enough for a scrolling trace, and half the main-thread time of
 * painting on every display frame, which matters while a 16 kHz stream is also being parsed and recorded.
 */
const MIN_PAINT_INTERVAL_MS = 30;

/**
 * Keeps a canvas painted from a LiveBuffer, outside React: at most one paint per animation frame and only
 * after something changed (new data, a resize, new settings). Tells its owner when the stream starts,
 * stalls or is cleared, which is all React needs to re-render for.
 */
export class LiveChartRenderer {
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly memory = newChartMemory();
  private readonly theme: ChartTheme;
  private readonly resizeObserver: ResizeObserver;
  private readonly unsubscribe: () => void;
  private cssWidth = 0;
  private cssHeight = 0;
  private pendingFrame: number | null = null;
  private lastPaintMs = -Infinity;
  private stallTimer: ReturnType<typeof setTimeout> | null = null;
  private status: LiveChartStatus | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    container: HTMLElement,
    private readonly source: LiveBuffer,
    private readonly view: LiveChartView,
    private readonly onStatus: (status: LiveChartStatus) => void,
  ) {
    this.ctx = canvas.getContext('2d');
    this.theme = readTheme(container);
    this.resizeObserver = new ResizeObserver(([entry]) => {
      this.cssWidth = entry.contentRect.width;
      this.cssHeight = entry.contentRect.height;
      this.requestPaint();
    });
    this.resizeObserver.observe(container);
    this.unsubscribe = source.subscribe(this.onData);
    // The owner cannot know whether a buffer that already holds data is still flowing: report either way.
    this.onData();
  }

  dispose(): void {
    this.unsubscribe();
    this.resizeObserver.disconnect();
    if (this.pendingFrame !== null) cancelAnimationFrame(this.pendingFrame);
    if (this.stallTimer !== null) clearTimeout(this.stallTimer);
  }

  private readonly onData = () => {
    if (this.source.totalFrames === 0) {
      this.memory.yRange = null;
      this.setStatus('empty');
    } else {
      const quietMs = performance.now() - this.source.lastPushMs;
      this.setStatus(quietMs < this.stallMs() ? 'live' : 'paused');
      if (this.stallTimer === null && quietMs < this.stallMs()) this.armStallTimer(this.stallMs() - quietMs);
    }
    this.requestPaint();
  };

  private stallMs(): number {
    return Math.max(STALL_MS, 3000 / this.view.sampleRateHz);
  }

  /** One timer at a time, re-armed for the remainder, rather than one per batch. */
  private armStallTimer(ms: number): void {
    this.stallTimer = setTimeout(() => {
      this.stallTimer = null;
      const quietMs = performance.now() - this.source.lastPushMs;
      if (quietMs >= this.stallMs()) this.setStatus(this.source.totalFrames > 0 ? 'paused' : 'empty');
      else this.armStallTimer(this.stallMs() - quietMs);
    }, ms);
  }

  private setStatus(status: LiveChartStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.onStatus(status);
  }

  private requestPaint(): void {
    if (this.pendingFrame === null) this.pendingFrame = requestAnimationFrame(this.paint);
  }

  private readonly paint = (frameMs: number) => {
    this.pendingFrame = null;
    if (frameMs - this.lastPaintMs < MIN_PAINT_INTERVAL_MS) {
      this.requestPaint();
      return;
    }
    this.lastPaintMs = frameMs;
    if (!this.ctx || this.cssWidth === 0 || this.cssHeight === 0) return;
    // Checked on every paint: moving the window to another monitor changes the ratio without a resize.
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(this.cssWidth * dpr);
    const h = Math.round(this.cssHeight * dpr);
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    drawLiveChart(
      this.ctx,
      this.source,
      this.view,
      { width: this.cssWidth, height: this.cssHeight, dpr },
      this.theme,
      this.memory,
    );
  };
}

/** Colours and font from the app's stylesheet (styles.css variables), so the canvas matches the page. */
function readTheme(element: HTMLElement): ChartTheme {
  const style = getComputedStyle(element);
  const variable = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    ink: variable('--ink', '#111827'),
    muted: variable('--muted', '#6b7280'),
    grid: variable('--line', '#e5e7eb'),
    fontFamily: style.fontFamily || 'sans-serif',
    colors: AXIS_COLORS,
  };
}
