/** Synthetic data-forwarder traffic: lines printed at a fixed rate, delivered the way USB and the event loop do. */
import { ascii } from './streams';

export interface TimedChunk {
  bytes: Uint8Array;
  atMs: number;
}

/** A line like a sketch prints: `axes` values with 2–4 decimals, comma separated, CRLF terminated. */
export function sensorLine(i: number, axes = 3): string {
  const values = Array.from({ length: axes }, (_, a) =>
    (Math.sin(i * 0.1 + a) * (a + 1) * 9.81).toFixed(2 + (a % 3)),
  );
  return values.join(',') + '\r\n';
}

/**
 * Lines printed at `hz` for `seconds`, sent in `burst`-byte USB packets as soon as a packet is full, each
 * arriving 0…jitterMs later (never before the previous one).
 */
export function burstDelivery(
  hz: number,
  seconds: number,
  random: () => number,
  {
    burst = 64,
    jitterMs = 4,
    line = sensorLine,
  }: { burst?: number; jitterMs?: number; line?: (i: number) => string } = {},
): TimedChunk[] {
  const chunks: TimedChunk[] = [];
  let pending: number[] = [];
  let lastArrival = 0;
  const lines = Math.floor(seconds * hz);
  for (let i = 0; i < lines; i++) {
    const printedAt = (i * 1000) / hz;
    pending.push(...ascii(line(i)));
    while (pending.length >= burst) {
      lastArrival = Math.max(lastArrival, printedAt + random() * jitterMs);
      chunks.push({ bytes: Uint8Array.from(pending.slice(0, burst)), atMs: lastArrival });
      pending = pending.slice(burst);
    }
  }
  return chunks;
}
