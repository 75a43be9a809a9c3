import { AUDIO_UNITS, isAudio, type Sample } from '../dataset/sample';
import { toCsv } from './csv';
import { toAcquisitionCbor, toAcquisitionJson } from './eiAcquisition';
import { formatError } from './formatErrors';
import { MAX_WAV_SAMPLE_RATE, writeWav } from './wav';

export type ExportFormat = 'json' | 'cbor' | 'csv' | 'wav';

export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

/** What an export needs of a sample (a Sample or a ParsedSample with a label both fit). */
export type ExportableSample = Pick<
  Sample,
  'name' | 'label' | 'sensors' | 'intervalMs' | 'values' | 'deviceName' | 'deviceType'
>;

const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  cbor: 'application/cbor',
  csv: 'text/csv',
  wav: 'audio/wav',
};

/** Characters that file systems reject become '_'; so do dots in a label, which would move its boundary. */
function safeFilePart(text: string, isLabel: boolean): string {
  const unsafe = (ch: string) => ch < ' ' || '\\/:*?"<>|'.includes(ch) || (isLabel && ch === '.');
  return Array.from(text, (ch) => (unsafe(ch) ? '_' : ch)).join('');
}

/**
 * `<label>.<name>.<ext>`, so that importing the file restores the label. A name that already starts with
 * `<label>.` (it came from such a file) is not prefixed again. Dots and unsafe characters in the label become '_'.
 */
export function exportFileName(sample: Pick<Sample, 'name' | 'label'>, format: ExportFormat): string {
  const label = safeFilePart(sample.label, true) || '_';
  const name = safeFilePart(sample.name, false) || 'sample';
  return name.startsWith(`${label}.`) ? `${name}.${format}` : `${label}.${name}.${format}`;
}

/** Writes one sample as a file. WAV is for audio samples only; values must be finite (text formats have no NaN). */
export function exportSample(sample: ExportableSample, format: ExportFormat): ExportedFile {
  const fileName = exportFileName(sample, format);
  const bad = sample.values.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) {
    const axes = sample.sensors.length;
    throw formatError(
      'unsupported-export',
      fileName,
      `frame ${Math.floor(bad / axes)} axis "${sample.sensors[bad % axes].name}" is ${sample.values[bad]}; only finite values can be exported`,
    );
  }
  let bytes: Uint8Array;
  if (format === 'wav') {
    if (!isAudio(sample) || !(sample.values instanceof Int16Array)) {
      const sensors = sample.sensors.map((s) => `${s.name} (${s.units})`).join(', ');
      throw formatError(
        'unsupported-export',
        fileName,
        `only audio samples (one sensor in '${AUDIO_UNITS}' units) can be exported as WAV; this sample has ${sensors}`,
      );
    }
    const rate = 1000 / sample.intervalMs;
    const wholeRate = Math.round(rate);
    if (wholeRate < 1 || wholeRate > MAX_WAV_SAMPLE_RATE || Math.abs(rate - wholeRate) > rate * 1e-9) {
      throw formatError(
        'unsupported-export',
        fileName,
        `a WAV file needs a whole number of Hz up to ${MAX_WAV_SAMPLE_RATE}, but this sample is at ${rate} Hz`,
      );
    }
    bytes = writeWav(sample.values, wholeRate);
  } else if (format === 'cbor') {
    bytes = toAcquisitionCbor(sample);
  } else {
    const text = format === 'json' ? toAcquisitionJson(sample) : toCsv(sample);
    bytes = new TextEncoder().encode(text);
  }
  return { fileName, mime: MIME[format], bytes };
}
