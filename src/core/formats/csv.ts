import { AUDIO_UNITS, type ParsedSample, type SensorInfo } from '../dataset/sample';
import { detectSeparator, quoteField, splitFields, type CsvSeparator } from './csvFields';
import { formatError } from './formatErrors';
import { isOutsideInt16, toInt16 } from './int16';
import { baseName } from './labelFromName';
import { fitsFloat32, float32Text, parseDecimal } from './numberText';
import { IMPORT_DEVICE_TYPE, type ParseResult } from './parseResult';
import { decodeUtf8 } from './text';

/** Units of an axis whose header gives none, as Edge Impulse writes them. */
export const NO_UNITS = 'N/A';

/** How far one timestamp step may stray from the mean interval. */
const MAX_JITTER = 0.01;

/** `accX (m/s2)` or `accX [m/s2]` → name and units; otherwise the whole text is the name. */
const NAME_WITH_UNITS = /^(.*\S)\s*(?:\(([^()]*)\)|\[([^[\]]*)\])$/;

function readColumn(text: string): SensorInfo {
  const trimmed = text.trim();
  const match = NAME_WITH_UNITS.exec(trimmed);
  if (match === null) return { name: trimmed, units: NO_UNITS };
  const units = (match[2] ?? match[3]).trim();
  return { name: match[1], units: units === '' ? NO_UNITS : units };
}

function brief(x: number): string {
  return String(Number(x.toPrecision(6)));
}

interface Line {
  /** 1-based line number in the file, the header being row 1: what an editor shows. */
  row: number;
  text: string;
}

function readHeader(fileName: string, header: Line) {
  const fail = (problem: string) => formatError('invalid-csv', fileName, problem);
  const separator = detectSeparator(header.text);
  const fields = splitFields(header.text, separator);
  if (!Array.isArray(fields)) throw fail(`the header row: ${fields.problem}`);
  const columns = fields.map(readColumn);
  const timestampAt = columns.findIndex((c) => c.name.toLowerCase() === 'timestamp');
  if (timestampAt < 0) {
    throw fail(
      `no 'timestamp' column: the header starts with "${columns[0].name}". An Edge Impulse CSV time series has a ` +
        'first column "timestamp" in milliseconds, then one column per axis (e.g. "timestamp,accX,accY,accZ")',
    );
  }
  if (timestampAt > 0)
    throw fail(`'timestamp' must be the first column, but it is column ${timestampAt + 1}`);
  const axes = columns.slice(1);
  if (axes.length === 0) throw fail("the header has only a 'timestamp' column; add at least one axis column");
  const columnOf = new Map<string, number>();
  axes.forEach((axis, i) => {
    if (axis.name === '') throw fail(`column ${i + 2} of the header has no name`);
    const first = columnOf.get(axis.name);
    if (first !== undefined) throw fail(`column ${i + 2} repeats the name "${axis.name}" of column ${first}`);
    columnOf.set(axis.name, i + 2);
  });
  return { separator, columnCount: columns.length, axes };
}

function notANumber(
  row: number,
  column: number,
  name: string,
  cell: string,
  separator: CsvSeparator,
): string {
  const shown = cell.length > 40 ? `${cell.slice(0, 40)}…` : cell;
  const decimalComma =
    separator === ';' && /^\s*[+-]?\d*,\d+\s*$/.test(cell) ? ' (use a point as decimal mark)' : '';
  return `row ${row} column ${column} ("${name}") is not a number: "${shown}"${decimalComma}`;
}

/** The mean interval, checked against every step; a whole number of Hz when it is one up to rounding. */
function readInterval(fileName: string, times: number[], rows: Line[]): number {
  const fail = (problem: string) => formatError('invalid-csv', fileName, problem);
  for (let i = 1; i < times.length; i++) {
    if (!(times[i] > times[i - 1])) {
      throw fail(
        `row ${rows[i].row}: timestamp ${times[i]} is not after the previous one (${times[i - 1]}); timestamps must increase`,
      );
    }
  }
  const span = times[times.length - 1] - times[0];
  const interval = span / (times.length - 1);
  // Exporters often round timestamps to whole ms (30 Hz steps 33, 33, 34 ms): allow that rounding too.
  const wholeMs = times.every(Number.isInteger);
  const tolerance = Math.max(interval * MAX_JITTER, wholeMs ? 1 : 0) + interval * 1e-9;
  for (let i = 1; i < times.length; i++) {
    const step = times[i] - times[i - 1];
    if (Math.abs(step - interval) > tolerance) {
      throw fail(
        `row ${rows[i].row}: the timestamp step is ${brief(step)} ms but the mean interval is ${brief(interval)} ms; ` +
          'samples must be at a constant interval (within 1 %, or 1 ms for whole-ms timestamps)',
      );
    }
  }
  const hz = 1000 / interval;
  const wholeHz = Math.round(hz);
  if (wholeHz > 0 && Math.abs(hz - wholeHz) <= hz * 1e-9) return 1000 / wholeHz;
  // Whole-ms timestamps of a whole-Hz rate (30 Hz: 0, 33, 67, 100…): take that rate when it reproduces them all.
  const evenSteps = times.every((t, i) => i === 0 || t - times[i - 1] === times[1] - times[0]);
  if (wholeMs && !evenSteps && wholeHz > 0) {
    const candidate = 1000 / wholeHz;
    if (times.every((t, i) => Math.round(times[0] + i * candidate) === t)) return candidate;
  }
  return interval;
}

/**
 * Reads an Edge Impulse CSV time series: a header row, a first column `timestamp` in ms at a constant interval,
 * one column per axis (`name (units)` or `name [units]`). Comma, or semicolon/tab when the header uses them.
 * Errors name rows by their line number in the file (the header is row 1).
 */
export function parseCsv(fileName: string, input: Uint8Array | string): ParseResult {
  if (input.length === 0) throw formatError('empty-file', fileName, 'the file is empty (0 bytes)');
  const fail = (problem: string) => formatError('invalid-csv', fileName, problem);
  const text = typeof input === 'string' ? input : decodeUtf8(fileName, input);
  const lines: Line[] = text
    .split(/\r\n|\n|\r/)
    .map((line, i) => ({ row: i + 1, text: line }))
    .filter((line) => line.text.trim() !== '');
  if (lines.length === 0) throw fail('the file holds no text, not even a header row');
  const [header, ...rows] = lines;
  const { separator, columnCount, axes } = readHeader(fileName, header);
  if (rows.length < 2) {
    throw fail(
      `the file has ${rows.length} data row(s); at least 2 are needed to find the sampling interval`,
    );
  }

  const audio = axes.length === 1 && axes[0].units === AUDIO_UNITS;
  const count = rows.length * axes.length;
  const values = audio ? new Int16Array(count) : new Float32Array(count);
  const times: number[] = [];
  let clipped = 0;
  rows.forEach(({ row, text: line }, r) => {
    const cells = splitFields(line, separator);
    if (!Array.isArray(cells)) throw fail(`row ${row}: ${cells.problem}`);
    if (cells.length !== columnCount) {
      throw fail(`row ${row} has ${cells.length} values but the header has ${columnCount} columns`);
    }
    cells.forEach((cell, c) => {
      const x = parseDecimal(cell);
      if (x === null)
        throw fail(notANumber(row, c + 1, c === 0 ? 'timestamp' : axes[c - 1].name, cell, separator));
      if (c === 0) {
        times.push(x);
      } else if (audio) {
        if (isOutsideInt16(x)) clipped++;
        values[r] = toInt16(x);
      } else if (!fitsFloat32(x)) {
        throw fail(
          `row ${row} column ${c + 1} ("${axes[c - 1].name}") is ${x}, beyond the float32 range (±3.4e38)`,
        );
      } else {
        values[r * axes.length + c - 1] = x;
      }
    });
  });
  const notes = clipped > 0 ? [`${clipped} audio values outside the 16-bit range were clipped`] : [];
  return {
    sample: {
      name: baseName(fileName),
      label: null,
      sensors: axes,
      intervalMs: readInterval(fileName, times, rows),
      values,
      deviceName: '',
      deviceType: IMPORT_DEVICE_TYPE,
    },
    notes,
  };
}

function columnHeader({ name, units }: SensorInfo): string {
  // A name that itself ends in brackets gets explicit units, or reading it back would take them as units.
  if (units === NO_UNITS || units === '') return NAME_WITH_UNITS.test(name) ? `${name} (${NO_UNITS})` : name;
  return /[()]/.test(units) ? `${name} [${units}]` : `${name} (${units})`;
}

/** Edge Impulse CSV: `timestamp,<axis (units)>…`, one row per frame, timestamps as ms from the first frame. */
export function toCsv(sample: Pick<ParsedSample, 'sensors' | 'intervalMs' | 'values'>): string {
  const axes = sample.sensors.length;
  const frames = Math.floor(sample.values.length / axes);
  const number = sample.values instanceof Int16Array ? String : float32Text;
  const lines = [['timestamp', ...sample.sensors.map(columnHeader)].map(quoteField).join(',')];
  for (let i = 0; i < frames; i++) {
    const cells = [String(Number((i * sample.intervalMs).toPrecision(12)))];
    for (let a = 0; a < axes; a++) cells.push(number(sample.values[i * axes + a]));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}
