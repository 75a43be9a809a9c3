import { EMPTY_SIGNATURE, type AcquisitionDocument } from './eiAcquisition';

const utf8 = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Signs an acquisition document with HMAC-SHA256 as Edge Impulse specifies: set alg 'HS256' and the signature
 * to 64 ASCII zeros, serialise, HMAC the serialised text with the key, and put the hex digest in place of the
 * zeros. The digest has the same length as the zeros, so the rest of the text is exactly what was hashed.
 * Returns the signed JSON text.
 */
export async function signAcquisition(json: AcquisitionDocument, hmacKey: string): Promise<string> {
  const unsigned = { ...json, protected: { ...json.protected, alg: 'HS256' }, signature: EMPTY_SIGNATURE };
  const text = JSON.stringify(unsigned);
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    utf8.encode(hmacKey),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const digest = hex(await globalThis.crypto.subtle.sign('HMAC', key, utf8.encode(text)));
  // `signature` is the first key after `protected`, whose fields hold no such text, so this hits the right one.
  return text.replace(`"signature":"${EMPTY_SIGNATURE}"`, `"signature":"${digest}"`);
}
