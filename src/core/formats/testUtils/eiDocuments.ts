/** Edge Impulse data-acquisition documents and byte helpers shared by the eiAcquisition tests. */
import { EMPTY_SIGNATURE } from '../eiAcquisition';

export const envelope = (payload: Record<string, unknown>) => ({
  protected: { ver: 'v1', alg: 'none', iat: 1700000000 },
  signature: EMPTY_SIGNATURE,
  payload: { device_type: 'NANO33', interval_ms: 10, ...payload },
});

export const imu = envelope({
  device_name: 'ac:87:a3',
  sensors: [
    { name: 'accX', units: 'm/s2' },
    { name: 'accY', units: 'm/s2' },
  ],
  values: [
    [1.5, -2.25],
    [0.1, 9.81],
  ],
});

export const json = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc));

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function le(values: number[], kind: 'i16' | 'u16' | 'f32'): Uint8Array {
  const size = kind === 'f32' ? 4 : 2;
  const out = new Uint8Array(values.length * size);
  const v = new DataView(out.buffer);
  values.forEach((x, i) => {
    if (kind === 'i16') v.setInt16(i * 2, x, true);
    else if (kind === 'u16') v.setUint16(i * 2, x, true);
    else v.setFloat32(i * 4, x, true);
  });
  return out;
}
