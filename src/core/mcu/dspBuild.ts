/**
 * RAM and flash of an impulse's processing block on a microcontroller: the studio's own generated DSP C
 * (codegen/dsp/generateDspC.ts), whose static buffers, input window, feature vector and constant tables it sizes
 * exactly, plus its code, measured per block for a Cortex-M4F (arm-none-eabi-gcc 12.2 -Os, the defaults of each
 * block: code = .text minus the tables) with the <math.h> routines it links (newlib-nano link deltas).
 */
import type { BlockId } from '../dsp/block';
import { describeError } from '../errors';
import { generateDspC } from '../codegen/dsp/generateDspC';
import type { Impulse } from '../impulse/impulse';
import type { BytesPart } from './profileTypes';

const DSP_BUILD =
  "the studio's generated DSP C, arm-none-eabi-gcc 12.2 -Os for a Cortex-M4F (the block's defaults)";

/** Code bytes of each block, and of the library routines it calls. */
const BLOCK_CODE: Record<BlockId, { code: number; library: Record<string, number> }> = {
  spectral: { code: 1_476, library: { log10f: 876, sqrtf: 136 } },
  mfcc: { code: 1_436, library: { logf: 680, sqrtf: 136 } },
  mfe: { code: 1_120, library: { log10f: 876, rintf: 224 } },
  spectrogram: { code: 796, library: { log10f: 876 } },
  raw: { code: 30, library: {} },
  flatten: { code: 376, library: { sqrtf: 136 } },
};

/** Spectral analysis with wavelets instead of the FFT: its own code, logf and the soft double it reads in. */
const WAVELET_CODE = { code: 1_974, library: { logf: 680, sqrtf: 136, 'double arithmetic': 2_252 } };

export interface DspBuild {
  ram: BytesPart[];
  flash: BytesPart[];
}

/** The DSP's parts of the RAM and flash budgets, or the reason the generated DSP cannot be built. */
export function dspBuild(impulse: Pick<Impulse, 'input' | 'dsp'>): DspBuild | { problem: string } {
  let code;
  try {
    code = generateDspC(impulse);
  } catch (e) {
    return { problem: describeError(e) };
  }
  const exact = (name: string, bytes: number, from: string): BytesPart => ({
    name,
    bytes,
    accuracy: 'exact',
    from,
  });
  const measured =
    impulse.dsp.block === 'spectral' && impulse.dsp.params['analysis-type'] === 'Wavelet'
      ? WAVELET_CODE
      : BLOCK_CODE[impulse.dsp.block];
  const library = Object.entries(measured.library);
  const libraryBytes = library.reduce((sum, [, bytes]) => sum + bytes, 0);
  return {
    ram: [
      exact(
        'input window buffer',
        code.ram.windowBytes,
        `${code.window.frames} frames × ${code.window.axes} axes, float32`,
      ),
      exact('DSP working buffers', code.ram.bytes, "the generated DSP C's static buffers"),
      exact('feature vector', code.ram.featureBytes, `${code.featureCount} float32 features`),
    ],
    flash: [
      exact('DSP tables', code.tables.bytes, "the generated DSP C's constant tables"),
      {
        name: `DSP code (${code.block}${library.length ? ` + ${library.map(([n]) => n).join(', ')}` : ''})`,
        bytes: measured.code + libraryBytes,
        accuracy: 'estimated',
        from: DSP_BUILD,
      },
    ],
  };
}
