import { describe, expect, it } from 'vitest';
import { headerPolicy, metaPolicy, RUNTIME_FRAME_FILE } from './contentSecurityPolicy';

describe('the pages’ Content-Security-Policy', () => {
  it('gives the app no eval beyond WebAssembly’s, and lets nobody frame it', () => {
    for (const path of ['/', '/index.html', '/assets/train.worker-abc.js']) {
      expect(metaPolicy(path)).toContain("script-src 'self' 'wasm-unsafe-eval';");
      expect(metaPolicy(path)).not.toContain("'unsafe-eval'");
      expect(headerPolicy(path)).toBe(`${metaPolicy(path)}; frame-ancestors 'none'`);
    }
  });

  it('allows the official runtime’s frame its eval, still connecting only to its origin, framed by the app', () => {
    const path = `/${RUNTIME_FRAME_FILE}?v=1`;
    expect(metaPolicy(path)).toContain("script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval';");
    expect(metaPolicy(path)).toContain("connect-src 'self'");
    expect(headerPolicy(path)).toMatch(/; frame-ancestors 'self'$/);
  });
});
