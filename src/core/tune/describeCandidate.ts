/** Short descriptions of a candidate for the tuner's table: its window, its searched DSP settings, its network. */
import type { BlockParams } from '../dsp/block';
import type { SearchSpace } from './searchSpace';
import type { CandidateSpec, NetworkGenes } from './tuneTypes';

export const windowText = (spec: CandidateSpec) => `${spec.windowSizeMs} ms every ${spec.windowStrideMs} ms`;

const ms = (seconds: unknown) => `${Math.round(Number(seconds) * 10_000) / 10} ms`;

/** How each searched parameter reads; the FFT length of audio blocks follows the frame length. */
const PARAM_TEXT: Record<string, (value: unknown, params: BlockParams) => string | null> = {
  'fft-length': (v) => `FFT ${v}`,
  'filter-type': (v, p) =>
    v === 'low'
      ? `low-pass ${p['filter-cutoff']} Hz`
      : v === 'high'
        ? `high-pass ${p['filter-cutoff']} Hz`
        : 'no filter',
  'wavelet-level': (v) => `wavelet level ${v}`,
  num_cepstral: (v) => `${v} cepstra`,
  num_filters: (v) => `${v} filters`,
  frame_length: (v) => `frame ${ms(v)}`,
  frame_stride: (v) => `frame stride ${ms(v)}`,
  fft_length: (v) => `FFT ${v}`,
};

/** The keys the space searches, in its order, and the FFT length where it follows the frame. */
function searchedKeys(space: SearchSpace): string[] {
  const keys = space.dsp.flatMap((d) => d.options.flatMap((o) => Object.keys(o)));
  if (keys.includes('frame_length')) keys.push('fft_length');
  return [...new Set(keys)].filter((k) => k in PARAM_TEXT && k !== 'filter-cutoff');
}

export function dspText(space: SearchSpace, params: BlockParams): string {
  const parts = searchedKeys(space)
    .filter((k) => params[k] !== undefined)
    .map((k) => PARAM_TEXT[k](params[k], params))
    .filter((t): t is string => t !== null);
  return parts.length > 0 ? parts.join(', ') : 'as the impulse';
}

export function networkText(network: NetworkGenes): string {
  const widths = network.widths.join('→');
  if (network.family === 'dense') return `dense ${widths}`;
  return `${network.family} ${widths}, kernel ${network.kernel}`;
}

/** The search space in a few lines, for the page. */
export function spaceText(space: SearchSpace): string[] {
  const lines = [
    `Window ${space.windowSizesMs.join(', ')} ms, stride ${space.strideFractions.map((f) => `${f * 100} %`).join(' or ')} of the window`,
  ];
  for (const d of space.dsp) {
    const options = d.options.map((o) => {
      const [key] = Object.keys(o);
      return PARAM_TEXT[key]?.(o[key], o) ?? Object.values(o).join(' ');
    });
    lines.push(`${d.title}: ${options.join(' / ')}`);
  }
  for (const f of space.families) {
    const kernels = f.family === 'dense' ? '' : `, kernel ${f.kernels.join(' or ')}`;
    lines.push(
      `${f.family}: ${f.depths.join(', ')} layers, first ${f.firstWidths.join(' / ')} ${f.family === 'dense' ? 'neurons' : 'filters'}${kernels}`,
    );
  }
  return lines;
}
