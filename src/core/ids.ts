/** Random ids: 16 hex chars from the platform's CSPRNG (available in Node ≥ 19, browsers and workers). */
export function newId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
