import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { runCli } from './run';
import { fakeIo } from './fakeIo';

const YES = resolve('../shared/testdata/audio/yes_1000ms.wav');

const withJsonFiles = (files: Record<string, unknown>) =>
  fakeIo(
    Object.fromEntries(
      Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(JSON.stringify(v))]),
    ),
  );

describe('studio features', () => {
  it('prints the MFCC matrix of a 1 s WAV as one window of 50 × 13', async () => {
    const t = fakeIo();
    expect(await runCli(['features', '--block', 'mfcc', '--input', YES], t.io)).toBe(0);
    const json = JSON.parse(t.out[0]) as { shape: number[]; features: number[][] };
    expect(json.shape).toEqual([1, 650]);
    expect(json.features[0]).toHaveLength(650);
    expect(json.features[0].every(Number.isFinite)).toBe(true);
  });

  it('windows the sample, takes --params, and writes --out', async () => {
    const t = withJsonFiles({ 'p.json': { num_filters: 32 } });
    const code = await runCli(
      [
        'features',
        '--block',
        'mfe',
        '--params',
        'p.json',
        '--input',
        YES,
        '--window-ms',
        '500',
        '--stride-ms',
        '250',
        '--out',
        'f.json',
      ],
      t.io,
    );
    expect(code).toBe(0);
    const json = JSON.parse(t.written['f.json'] as string) as { shape: number[] };
    // 500 ms windows every 250 ms over 1 s: 3 windows; 0.5 s at 16 kHz gives 49 frames × 32 filters.
    expect(json.shape).toEqual([3, 49 * 32]);
  });

  it('names an unknown parameter and fails with exit code 1', async () => {
    const t = withJsonFiles({ 'p.json': { 'fft-lenght': 64 } });
    expect(
      await runCli(['features', '--block', 'spectral', '--params', 'p.json', '--input', YES], t.io),
    ).toBe(1);
    expect(t.err.join('\n')).toContain('fft-lenght');
  });
});
