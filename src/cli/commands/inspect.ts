import { durationMs, frequencyHz, type ParsedSample } from '../../core/dataset/sample';
import { describeError, isStudioError } from '../../core/errors';
import { importFile } from '../../core/formats/importFile';
import { UsageError, type Command } from '../command';

/**
 * Output: one JSON object per file, one per line (JSON Lines), in the order given. This shape is stable:
 * scripts may rely on it; add fields, never rename or remove them.
 *
 *   {"file": string, "ok": true, "samples": [{"name": string, "label": string,
 *     "sensors": [{"name": string, "units": string}], "intervalMs": number, "frequencyHz": number,
 *     "frames": number, "durationMs": number, "deviceName": string, "deviceType": string}], "notes": string[]}
 *   {"file": string, "ok": false, "error": {"code": string, "message": string}}
 *
 * `code` is a FormatError code (see src/core/formats/formatErrors.ts) or 'read-failed' when the file could not
 * be read from disk. The exit code is 1 when any file failed, else 0.
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

export const inspect: Command = {
  name: 'inspect',
  summary: 'Import data files (.wav, .json, .cbor, .csv) and print what was read, as JSON lines.',
  usage: '<file...>',
  options: {
    label: {
      type: 'string',
      valueName: '<label>',
      description: 'label to give every sample (as the import dialog)',
    },
  },
  async run({ positionals, options }, { io }) {
    if (positionals.length === 0) throw new UsageError('inspect needs at least one file');
    const label = typeof options.label === 'string' ? options.label : undefined;
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
        const { samples, notes } = importFile(file, bytes, { label });
        io.out(JSON.stringify({ file, ok: true, samples: samples.map(describeSample), notes }));
      } catch (e) {
        failed++;
        const code = isStudioError(e) ? e.code : 'internal';
        io.out(JSON.stringify({ file, ok: false, error: { code, message: describeError(e) } }));
      }
    }
    return failed > 0 ? 1 : 0;
  },
};
