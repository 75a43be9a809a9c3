import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withoutEagerLoad } from './tfliteEagerLoad';

const bundle = readFileSync(
  createRequire(import.meta.url).resolve('@tensorflow/tfjs-tflite/dist/tf-tflite.fesm.js'),
  'utf8',
);

describe('withoutEagerLoad', () => {
  it('removes the path-less loader load from the installed tfjs-tflite and nothing else', () => {
    const out = withoutEagerLoad(bundle);
    expect(out).not.toContain('getInstance("","tflite_web_api"');
    // The statements on either side survive intact.
    expect(out).toContain('goog.exportSymbol("tfweb.tflite_web_api.getWasmFeatures"');
    expect(out).toContain("var tfweb$1 = (typeof window !== 'undefined'");
    // Only the one statement went: its worker script text is ≈ 3 kB, far below the bundle's size.
    expect(bundle.length - out.length).toBeGreaterThan(1000);
    expect(bundle.length - out.length).toBeLessThan(10_000);
    // The loads that follow setWasmPath still go through the loader.
    expect(out.split('EmscriptenModuleLoader.getInstance(').length - 1).toBe(7);
  });

  it('refuses a bundle that no longer has the statement, so an upgrade is noticed', () => {
    expect(() => withoutEagerLoad('export const x = 1;')).toThrow(/not found exactly once/);
  });
});
