import { durationMs, frequencyHz, type ParsedSample } from '../../core/dataset/sample';
import type { DspBlock } from '../../core/dsp/block';
import { DSP_BLOCKS, getBlock } from '../../core/dsp/blocks';
import { readParamsFile } from '../../core/dsp/paramsFile';
import { describeError, isStudioError } from '../../core/errors';
import { importFile } from '../../core/formats/importFile';
import { UsageError, type CommandRun } from '../command';

/**
 * Output: one JSON object per file, one per line (JSON Lines), in the order given. This shape is stable:
 * scripts may rely on it; add fields, never rename or remove them.
 *
 *   {"file": string, "ok": true, "samples": [{"name": string, "label": string,
 *     "sensors": [{"name": string, "units": string}], "intervalMs": number, "frequencyHz": number,
 *     "frames": number, "durationMs": number, "deviceName": string, "deviceType": string}], "notes": string[]}
 *   {"file": string, "ok": false, "error": {"code": string, "message": string}}
 *
 * With --block, each file is instead that processing block's parameters (a JSON object, named as in Edge
 * Impulse's parameters.json or as the reference's Python keywords):
 *
 *   {"file": string, "ok": true, "block": string, "params": {<every parameter as stored>}, "notes": string[]}
 *
 * where the notes say which given keys are read under another name, ignored (and why), or not used by the
 * chosen settings (e.g. fft-length with Wavelet analysis).
 *
 * `code` is a FormatError code (see src/core/formats/formatErrors.ts), 'params-json' or 'dsp-params' for a
 * parameters file, or 'read-failed' when the file could not be read from disk. The exit code is 1 when any file
 * failed, else 0.
 */
function describeSample(sample: ParsedSample) {
  const frames = sample.values.length / sample.sensors.length;
  return {
    name: sample.name,
    label: sample.label,
    sensors: sample.sensors,
    intervalMs: sample.intervalMs,
    frequencyHz: frequencyHz(sample),
    frames,
    durationMs: durationMs({ frameCount: frames, intervalMs: sample.intervalMs }),
    deviceName: sample.deviceName,
    deviceType: sample.deviceType,
  };
}

/** What one file holds: a data file's samples, or with `block` that block's parameters. */
function inspectFile(
  file: string,
  bytes: Uint8Array,
  label: string | undefined,
  block: DspBlock | undefined,
) {
  if (block) {
    const { params, notes } = readParamsFile(file, bytes, block);
    return { file, ok: true, block: block.id, params, notes };
  }
  const { samples, notes } = importFile(file, bytes, { label });
  return { file, ok: true, samples: samples.map(describeSample), notes };
}

export const run: CommandRun = async ({ positionals, options }, { io }) => {
  if (positionals.length === 0) throw new UsageError('inspect needs at least one file');
  const label = typeof options.label === 'string' ? options.label : undefined;
  let block: DspBlock | undefined;
  if (typeof options.block === 'string') {
    if (!Object.hasOwn(DSP_BLOCKS, options.block))
      throw new UsageError(`--block must be one of ${Object.keys(DSP_BLOCKS).join(', ')}`);
    block = getBlock(options.block);
  }
  let failed = 0;
  for (const file of positionals) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(file);
    } catch (e) {
      failed++;
      io.out(
        JSON.stringify({
          file,
          ok: false,
          error: { code: 'read-failed', message: `${file}: ${describeError(e)}` },
        }),
      );
      continue;
    }
    try {
      io.out(JSON.stringify(inspectFile(file, bytes, label, block)));
    } catch (e) {
      failed++;
      const code = isStudioError(e) ? e.code : 'internal';
      io.out(JSON.stringify({ file, ok: false, error: { code, message: describeError(e) } }));
    }
  }
  return failed > 0 ? 1 : 0;
};
