import { describe, expect, it } from 'vitest';
import { fakeIo } from '../fakeIo';
import { runCli } from '../run';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('studio inspect --block', () => {
  it("prints the block's stored parameters and says what the given keys leave unused", async () => {
    const { io, out } = fakeIo({
      'mem/spectral.json': json({
        'analysis-type': 'Wavelet',
        wavelet: 'sym4',
        wavelet_level: 2,
        'fft-length': 128,
        'spectral-peaks-count': 3,
      }),
    });
    expect(await runCli(['inspect', '--block', 'spectral', 'mem/spectral.json'], io)).toBe(0);
    const line = JSON.parse(out[0]);
    expect(line).toMatchObject({ file: 'mem/spectral.json', ok: true, block: 'spectral' });
    expect(line.params).toMatchObject({ 'analysis-type': 'Wavelet', wavelet: 'sym4', 'wavelet-level': 2 });
    expect(line.params).not.toHaveProperty('wavelet_level');
    expect(line.params).not.toHaveProperty('spectral-peaks-count');
    expect(line.notes).toEqual([
      '"wavelet_level" is read as "wavelet-level"',
      '"fft-length" is not used with these settings: used by FFT analysis only',
      '"spectral-peaks-count" is ignored: read only by implementation version 1 (spectral peaks and power edges); ' +
        'version 4 ignores it',
    ]);
  });

  it('reports a bad parameters file without stopping at it, and exits 1', async () => {
    const { io, out } = fakeIo({
      'mem/unknown.json': json({ show_axes: true, frame_lenght: 0.02 }),
      'mem/broken.json': new TextEncoder().encode('{"frame_length": '),
      'mem/good.json': json({ show_axes: false }),
    });
    const files = ['mem/unknown.json', 'mem/broken.json', 'mem/good.json'];
    expect(await runCli(['inspect', '--block', 'spectrogram', ...files], io)).toBe(1);
    const [unknown, broken, good] = out.map((l) => JSON.parse(l));
    expect(unknown.error).toEqual({
      code: 'dsp-params',
      message: expect.stringMatching(/Spectrogram: unknown parameter "frame_lenght"/),
    });
    expect(broken.error).toEqual({
      code: 'params-json',
      message: expect.stringMatching(/^mem\/broken.json: not valid JSON/),
    });
    expect(good.notes).toEqual([
      '"show_axes" is ignored: display only (axes on the spectrogram graph); the features do not depend on it',
    ]);
  });

  it('refuses an unknown block id with the list of blocks', async () => {
    const { io, err } = fakeIo();
    expect(await runCli(['inspect', '--block', 'wavelet', 'x.json'], io)).toBe(2);
    expect(err[0]).toMatch(/--block must be one of raw, flatten, spectral, mfe, mfcc, spectrogram/);
  });
});
