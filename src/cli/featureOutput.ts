import { npyFloat32Header } from '../core/formats/npy';
import type { OutputStream } from './command';

export type FeatureFormat = 'json' | 'npy';

/** Writes a feature matrix window by window, so the output is never held whole in memory. */
export interface FeatureWriter {
  /** Writes one window's features; `features` may be reused by the caller once this resolves. */
  row(features: Float32Array): Promise<void>;
  /** Writes what is still buffered and the end of the document. */
  end(): Promise<void>;
}

/** Output is handed on in chunks of about this size: few writes, and little held back. */
const CHUNK_BYTES = 1 << 20;

/**
 * {"shape": [windows, features], "features": [[...], ...]}, the document `JSON.stringify` gives for the whole
 * matrix (each float32 printed as the shortest text of its double value), written a row at a time.
 */
function jsonWriter(out: OutputStream, windowCount: number, featureCount: number): FeatureWriter {
  let pending: string[] = [`{"shape":[${windowCount},${featureCount}],"features":[`];
  let pendingLength = pending[0].length;
  let index = 0;
  const flush = async () => {
    await out.write(pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  return {
    async row(features) {
      const text = JSON.stringify(Array.from(features));
      // JSON has no NaN or Infinity: JSON.stringify would silently write null for them.
      if (text.includes('null')) {
        const bad = features.findIndex((v) => !Number.isFinite(v));
        throw new Error(
          `window ${index} feature ${bad} is ${features[bad]}, which JSON cannot hold; --format npy keeps it`,
        );
      }
      pending.push(index === 0 ? text : `,${text}`);
      pendingLength += text.length;
      index++;
      if (pendingLength >= CHUNK_BYTES) await flush();
    },
    async end() {
      pending.push(']}\n');
      await flush();
    },
  };
}

/** Float32Array stores in the machine's byte order: little-endian on every machine the studio runs on today. */
const LITTLE_ENDIAN_HOST = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * A NumPy `.npy` file (format 1.0): float32 little-endian, C order, shape (windows, features). On a little-endian
 * machine a row is copied as is; elsewhere each value is stored little-endian by a DataView.
 */
async function npyWriter(
  out: OutputStream,
  windowCount: number,
  featureCount: number,
  littleEndianHost: boolean,
): Promise<FeatureWriter> {
  await out.write(npyFloat32Header([windowCount, featureCount]));
  const rowBytes = featureCount * 4;
  const chunkBytes = Math.max(CHUNK_BYTES - (CHUNK_BYTES % rowBytes), rowBytes);
  let chunk = new Uint8Array(chunkBytes);
  let floats = new Float32Array(chunk.buffer);
  let view = new DataView(chunk.buffer);
  let used = 0;
  const flush = async () => {
    if (used === 0) return;
    // The stream may keep a chunk until it is written: each chunk is handed over whole and a new one begun.
    const full = chunk.subarray(0, used);
    chunk = new Uint8Array(chunkBytes);
    floats = new Float32Array(chunk.buffer);
    view = new DataView(chunk.buffer);
    used = 0;
    await out.write(full);
  };
  return {
    async row(features) {
      if (used + rowBytes > chunk.length) await flush();
      if (littleEndianHost) floats.set(features, used / 4);
      else for (let i = 0; i < featureCount; i++) view.setFloat32(used + i * 4, features[i], true);
      used += rowBytes;
    },
    end: flush,
  };
}

/**
 * Starts a feature document of `windowCount` × `featureCount` values on `out`. `littleEndianHost` is the
 * machine's byte order; tests pass false to check the byte-by-byte path.
 */
export async function featureWriter(
  format: FeatureFormat,
  out: OutputStream,
  windowCount: number,
  featureCount: number,
  littleEndianHost = LITTLE_ENDIAN_HOST,
): Promise<FeatureWriter> {
  return format === 'npy'
    ? npyWriter(out, windowCount, featureCount, littleEndianHost)
    : jsonWriter(out, windowCount, featureCount);
}
