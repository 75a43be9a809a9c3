import type { ImportResult } from '../../core/formats/importFile';
import { extensionOf } from '../../core/formats/labelFromName';
import { parseWav } from '../../core/formats/wav';
import { streamSampleFeatures } from '../../core/impulse/generateFeatures';
import { getBlock } from '../../core/dsp/blocks';
import type { BlockId } from '../../core/dsp/block';
import { durationMs, frequencyHz } from '../../core/dataset/sample';
import { describeError, FormatError } from '../../core/errors';
import { UsageError, type CliIo, type CommandRun, type OutputStream } from '../command';
import { featureWriter, type FeatureFormat } from '../featureOutput';
import { progressLine } from '../progressLine';
import { FEATURE_BLOCKS, FEATURE_FORMATS } from './featuresCommand';

function positiveNumber(name: string, v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !(n > 0))
    throw new UsageError(`--${name} needs a positive number of milliseconds`);
  return n;
}

/** --format, else npy for an --out file named *.npy, else JSON. */
function outputFormat(format: string | boolean | undefined, out: string | undefined): FeatureFormat {
  if (format === undefined) return out?.toLowerCase().endsWith('.npy') ? 'npy' : 'json';
  if (!FEATURE_FORMATS.includes(format as FeatureFormat)) {
    throw new UsageError(`--format must be one of ${FEATURE_FORMATS.join(', ')}`);
  }
  return format as FeatureFormat;
}

/**
 * The samples and import notes of the input file as importFile gives them. A WAV file goes straight to its
 * parser: importFile also loads the JSON and CBOR readers with their schemas, most of the code the command
 * would otherwise load for an audio file.
 */
async function readInput(path: string, bytes: Uint8Array): Promise<Pick<ImportResult, 'samples' | 'notes'>> {
  if (extensionOf(path) === '.wav') {
    const { sample, notes } = parseWav(path, bytes);
    return { samples: [sample], notes };
  }
  const { importFile } = await import('../../core/formats/importFile');
  return importFile(path, bytes, {});
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
 * Output (stdout, or the --out file), written window by window as the features are computed: JSON
 * {"shape": [windows, features], "features": [[...], ...]}, or with --format npy a NumPy .npy file of float32
 * (windows, features) — the same core as the studio's DSP worker. Windows cover the whole sample at its own
 * rate and with all its axes; without --window-ms the whole sample is one window. The file's import notes
 * (e.g. a WAV cut off before the end its header declares) go to stderr as `features: note: …`, and on a
 * terminal a progress line. Exit code 1 with a message on stderr when the input or the parameters are wrong.
 */
export const run: CommandRun = async ({ options }, { io }) => {
  const block = options.block;
  if (typeof block !== 'string' || !FEATURE_BLOCKS.includes(block as BlockId)) {
    throw new UsageError(`--block must be one of ${FEATURE_BLOCKS.join(', ')}`);
  }
  if (typeof options.input !== 'string') throw new UsageError('--input <file> is required');
  const windowMs = positiveNumber('window-ms', options['window-ms']);
  const strideMs = positiveNumber('stride-ms', options['stride-ms']);
  const outPath = typeof options.out === 'string' ? options.out : undefined;
  const format = outputFormat(options.format, outPath);
  let out: OutputStream | undefined;
  try {
    const params = typeof options.params === 'string' ? await readParams(io, options.params) : {};
    const checked = getBlock(block).parseParams(params);
    const { samples, notes } = await readInput(options.input, await io.readFile(options.input));
    for (const note of notes) io.err(`features: note: ${options.input}: ${note}`);
    const sample = samples[0];
    const frames = sample.values.length / sample.sensors.length;
    const whole = durationMs({ frameCount: frames, intervalMs: sample.intervalMs });
    const size = windowMs ?? whole;
    const stream = streamSampleFeatures(
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
    if (stream.windowCount === 0) throw new Error(stream.skippedReason ?? 'the sample gives no window');
    out = await io.openOutput(outPath);
    if (format === 'npy' && out.isTerminal) {
      throw new UsageError('--format npy is binary: give --out <file.npy> or redirect stdout');
    }
    const writer = await featureWriter(format, out, stream.windowCount, stream.featureCount);
    // Features printed on the terminal itself would be overwritten by the status line: no progress then.
    const progress = progressLine(out.isTerminal ? undefined : io.status, 'features', stream.windowCount);
    for (const row of stream.rows()) {
      await writer.row(row.features);
      progress.done(row.index + 1);
    }
    progress.clear();
    await writer.end();
    await out.close();
    return 0;
  } catch (e) {
    io.status?.('');
    await out?.abort();
    if (e instanceof UsageError) throw e;
    io.err(`features: ${describeError(e)}`);
    return 1;
  }
};
