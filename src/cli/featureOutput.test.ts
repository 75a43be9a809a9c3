import { describe, expect, it } from 'vitest';
import { npyFloat32Header } from '../core/formats/npy';
import type { OutputStream } from './command';
import { featureWriter, type FeatureFormat } from './featureOutput';

/** An output that keeps what it is given; the writer's row buffer is overwritten after each row. */
function collect(): { out: OutputStream; chunks: (string | Uint8Array)[] } {
  const chunks: (string | Uint8Array)[] = [];
  const out: OutputStream = {
    isTerminal: false,
    write: async (chunk) => {
      chunks.push(chunk);
    },
    close: async () => {},
    abort: async () => {},
  };
  return { out, chunks };
}

/** `windows` rows of `features` values each, distinct and not exactly representable in few digits. */
function matrix(windows: number, features: number): Float32Array[] {
  return Array.from({ length: windows }, (_, w) =>
    Float32Array.from({ length: features }, (_, f) => Math.sin(w * 7919 + f) * 10 ** ((f % 9) - 4)),
  );
}

async function write(format: FeatureFormat, rows: Float32Array[], littleEndianHost?: boolean) {
  const { out, chunks } = collect();
  const writer = await featureWriter(format, out, rows.length, rows[0].length, littleEndianHost);
  const reused = new Float32Array(rows[0].length);
  for (const row of rows) {
    reused.set(row);
    await writer.row(reused);
  }
  await writer.end();
  return chunks;
}

const concat = (chunks: (string | Uint8Array)[]) => {
  const bytes = chunks.map((c) => (typeof c === 'string' ? new TextEncoder().encode(c) : c));
  const all = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of bytes) {
    all.set(b, offset);
    offset += b.length;
  }
  return all;
};

describe('featureWriter', () => {
  it('writes JSON equal to JSON.stringify of the whole matrix, in chunks of about 1 MiB', async () => {
    const rows = matrix(300, 400);
    const chunks = await write('json', rows);
    expect(chunks.join('')).toBe(
      JSON.stringify({ shape: [300, 400], features: rows.map((r) => Array.from(r)) }) + '\n',
    );
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.slice(0, -1).every((c) => c.length >= 1 << 20)).toBe(true);
  });

  it.each([
    ['small rows', 700, 500],
    ['rows larger than a chunk', 3, 300_000],
  ])(
    'writes .npy: the header, then every float32 little-endian, the same on either byte order (%s)',
    async (_, windows, features) => {
      const rows = matrix(windows, features);
      const expected = new Uint8Array(windows * features * 4);
      const view = new DataView(expected.buffer);
      rows.forEach((row, w) => row.forEach((v, f) => view.setFloat32((w * features + f) * 4, v, true)));
      for (const littleEndianHost of [true, false]) {
        const bytes = concat(await write('npy', rows, littleEndianHost));
        const header = npyFloat32Header([windows, features]);
        expect(bytes.subarray(0, header.length)).toEqual(header);
        // Buffer.equals: toEqual walks megabytes element by element for its diff.
        expect(Buffer.from(bytes.subarray(header.length)).equals(expected)).toBe(true);
      }
    },
  );
});
