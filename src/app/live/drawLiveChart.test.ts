import { describe, expect, it } from 'vitest';
import { drawLiveChart, newChartMemory, type ChartTheme } from './drawLiveChart';
import { LiveBuffer } from './liveBuffer';

interface Call {
  name: string;
  args: unknown[];
}

/** A 2-D context that records every call (the drawing logic runs in Node; the pixels are the browser's). */
function recordingContext(): { ctx: CanvasRenderingContext2D; calls: Call[] } {
  const calls: Call[] = [];
  const target: Record<string, unknown> = {};
  const ctx = new Proxy(target, {
    get: (t, name: string) => (name in t ? t[name] : (...args: unknown[]) => void calls.push({ name, args })),
    set: (t, name: string, value) => {
      t[name] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

const theme: ChartTheme = {
  ink: '#111',
  muted: '#666',
  grid: '#eee',
  fontFamily: 'sans-serif',
  colors: ['#00f', '#f00', '#0f0'],
};

/** Per data path after the clip: its lineTo calls; and the column rectangles filled there. */
function dataDrawing(calls: Call[]): { segments: number[]; rects: number } {
  const clip = calls.findIndex((c) => c.name === 'clip');
  const segments: number[] = [];
  let rects = 0;
  for (const c of calls.slice(clip + 1)) {
    if (c.name === 'restore') break;
    if (c.name === 'beginPath') segments.push(0);
    if (c.name === 'lineTo') segments[segments.length - 1]++;
    if (c.name === 'fillRect') rects++;
  }
  return { segments, rects };
}

function texts(calls: Call[]): string[] {
  return calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));
}

describe('drawLiveChart', () => {
  it('draws 2 s of 16 kHz audio as one min–max rectangle per device pixel column', () => {
    const buffer = new LiveBuffer(1, 32000);
    const pcm = new Int16Array(48000);
    for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(8000 * Math.sin(i / 7));
    buffer.push(pcm, pcm.length);
    const { ctx, calls } = recordingContext();
    const view = { axes: [{ name: 'audio', units: 'wav' }], sampleRateHz: 16000, windowSeconds: 2 };
    drawLiveChart(ctx, buffer, view, { width: 600, height: 240, dpr: 2 }, theme, newChartMemory());
    const plotPixels = (600 - 58 - 20) * 2;
    const { segments, rects } = dataDrawing(calls);
    expect(segments).toEqual([]);
    expect(rects).toBeGreaterThan(plotPixels - 4);
    expect(rects).toBeLessThanOrEqual(plotPixels);
    const labels = texts(calls);
    expect(labels).not.toContain('wav');
    expect(labels).toContain('2.0 s');
    expect(labels).toContain('3.0 s');
  });

  it('draws sparse IMU data as a line through every frame, one path per axis, with the shared unit', () => {
    const buffer = new LiveBuffer(3, 1000);
    const frames = 150;
    const data = new Float32Array(frames * 3).map((_, i) => Math.sin(i));
    buffer.push(data, frames);
    const { ctx, calls } = recordingContext();
    const axes = ['accX', 'accY', 'accZ'].map((name) => ({ name, units: 'm/s2' }));
    drawLiveChart(
      ctx,
      buffer,
      { axes, sampleRateHz: 100, windowSeconds: 2 },
      { width: 800, height: 300, dpr: 1 },
      theme,
      newChartMemory(),
    );
    expect(dataDrawing(calls)).toEqual({ segments: [frames - 1, frames - 1, frames - 1], rects: 0 });
    const labels = texts(calls);
    expect(labels).toContain('m/s2');
    expect(labels).toContain('0.0 s');
    expect(labels.some((l) => l === '1' || l === '1.0' || l === '0.5')).toBe(true);
  });

  it('keeps a dense many-axis chart within its drawing budget by widening the columns', () => {
    const axes = 9;
    const frames = 5000;
    const buffer = new LiveBuffer(axes, frames);
    buffer.push(
      new Float32Array(frames * axes).map((_, i) => Math.sin(i / 50)),
      frames,
    );
    const { ctx, calls } = recordingContext();
    const view = {
      axes: Array.from({ length: axes }, (_, a) => ({ name: `a${a}`, units: 'u' })),
      sampleRateHz: 1000,
      windowSeconds: 5,
    };
    drawLiveChart(ctx, buffer, view, { width: 800, height: 300, dpr: 2 }, theme, newChartMemory());
    const { rects } = dataDrawing(calls);
    expect(rects).toBeGreaterThan(5000);
    expect(rects).toBeLessThanOrEqual(6000);
  });

  it('leaves the unit to the legend when axes differ, and draws an empty buffer as bare axes', () => {
    const buffer = new LiveBuffer(2, 100);
    const { ctx, calls } = recordingContext();
    const axes = [
      { name: 'accX', units: 'm/s2' },
      { name: 'gyrX', units: 'dps' },
    ];
    drawLiveChart(
      ctx,
      buffer,
      { axes, sampleRateHz: 100, windowSeconds: 1 },
      { width: 400, height: 200, dpr: 1 },
      theme,
      newChartMemory(),
    );
    expect(dataDrawing(calls)).toEqual({ segments: [], rects: 0 });
    expect(texts(calls)).not.toContain('m/s2');
    expect(texts(calls)).toContain('0.0 s');
  });
});
