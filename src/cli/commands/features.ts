import { importFile } from '../../core/formats/importFile';
import { sampleFeatures } from '../../core/impulse/generateFeatures';
import { getBlock } from '../../core/dsp/blocks';
import type { BlockId } from '../../core/dsp/block';
import { durationMs, frequencyHz } from '../../core/dataset/sample';
import { describeError, FormatError } from '../../core/errors';
import { UsageError, type Command, type CliIo } from '../command';

const BLOCKS: BlockId[] = ['spectral', 'mfe', 'mfcc', 'spectrogram', 'raw', 'flatten'];

function positiveNumber(name: string, v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !(n > 0))
    throw new UsageError(`--${name} needs a positive number of milliseconds`);
  return n;
}

/** The block parameters of a --params file, or a FormatError naming the file when it is not JSON. */
async function readParams(io: CliIo, file: string): Promise<unknown> {
  const text = new TextDecoder().decode(await io.readFile(file));
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FormatError('features-params', file, `not valid JSON (${describeError(e)})`);
  }
}

/**
 * Output (stdout, or the --out file): {"shape": [windows, features], "features": [[...], ...]} — the same core
 * as the studio's DSP worker. Windows cover the whole sample at its own rate and with all its axes; without
 * --window-ms the whole sample is one window. Exit code 1 with a message on stderr when the input or the
 * parameters are wrong.
 */
export const features: Command = {
  name: 'features',
  summary: 'Run a processing block over a sample file and print the feature matrix as JSON.',
  usage: '--block <id> --input <file> [--params p.json] [--window-ms N --stride-ms N] [--out features.json]',
  options: {
    block: { type: 'string', valueName: `<${BLOCKS.join('|')}>`, description: 'the processing block' },
    params: {
      type: 'string',
      valueName: '<p.json>',
      description: "block parameters, named as in Edge Impulse's parameters.json",
    },
    input: { type: 'string', valueName: '<sample.(json|csv|wav|cbor)>', description: 'the sample' },
    'window-ms': { type: 'string', valueName: '<N>', description: 'window size (default: the whole sample)' },
    'stride-ms': {
      type: 'string',
      valueName: '<N>',
      description: 'window stride (default: the window size)',
    },
    out: { type: 'string', valueName: '<file>', description: 'write the JSON here instead of stdout' },
  },
  async run({ options }, { io }) {
    const block = options.block;
    if (typeof block !== 'string' || !BLOCKS.includes(block as BlockId)) {
      throw new UsageError(`--block must be one of ${BLOCKS.join(', ')}`);
    }
    if (typeof options.input !== 'string') throw new UsageError('--input <file> is required');
    const windowMs = positiveNumber('window-ms', options['window-ms']);
    const strideMs = positiveNumber('stride-ms', options['stride-ms']);
    try {
      const params = typeof options.params === 'string' ? await readParams(io, options.params) : {};
      const checked = getBlock(block as BlockId).parseParams(params);
      const { samples } = importFile(options.input, await io.readFile(options.input), {});
      const sample = samples[0];
      const frames = sample.values.length / sample.sensors.length;
      const whole = durationMs({ frameCount: frames, intervalMs: sample.intervalMs });
      const size = windowMs ?? whole;
      const result = sampleFeatures(
        {
          input: {
            windowSizeMs: size,
            windowStrideMs: strideMs ?? size,
            frequencyHz: frequencyHz(sample),
            zeroPad: false,
            axes: sample.sensors.map((s) => s.name),
          },
          dsp: { block: block as BlockId, params: checked },
        },
        sample,
      );
      if (result.windowCount === 0) throw new Error(result.skippedReason ?? 'the sample gives no window');
      const rows: number[][] = [];
      for (let w = 0; w < result.windowCount; w++)
        rows.push(
          Array.from(result.features.subarray(w * result.featureCount, (w + 1) * result.featureCount)),
        );
      const json = JSON.stringify({ shape: [result.windowCount, result.featureCount], features: rows });
      if (typeof options.out === 'string') await io.writeFile(options.out, json + '\n');
      else io.out(json);
      return 0;
    } catch (e) {
      io.err(`features: ${describeError(e)}`);
      return 1;
    }
  },
};
