import { sliceWindows } from '../../core/dataset/windowing';
import { describeError, StudioError } from '../../core/errors';
import { importProjectArchive, type ProjectArchive } from '../../core/formats/projectArchive';
import { missingAxes } from '../../core/impulse/defaults';
import { describeImpulse } from '../../core/impulse/generateFeatures';
import { featureConfigHash } from '../../core/impulse/impulse';
import { deployableBoards, getBoard, type Board } from '../../core/mcu/boards';
import type { Runtime } from '../../core/mcu/cost';
import {
  profileRun,
  runOnFeatures,
  runSeeded,
  type PrecisionReport,
  type RunSubject,
} from '../../core/mcu/profileRun';
import type { BoardProfile } from '../../core/mcu/profileTypes';
import { readTflite, writeTflite } from '../../core/tflite';
import { UsageError, type CliIo, type CommandRun, type ParsedArgs } from '../command';

/** The CLI's runtime names and the cost model's (cost.ts RUNTIMES). */
const RUNTIME_NAMES: Record<string, Runtime> = {
  tflm: 'tflm-reference',
  'cmsis-nn': 'tflm-cmsis-nn',
  generated: 'studio-generated',
};
const CLI_NAME = Object.fromEntries(Object.entries(RUNTIME_NAMES).map(([cli, id]) => [id, cli])) as Record<
  Runtime,
  string
>;

function runtimeOf(options: ParsedArgs['options']): Runtime {
  const name = options.runtime ?? 'cmsis-nn';
  if (typeof name !== 'string' || !Object.hasOwn(RUNTIME_NAMES, name))
    throw new UsageError(`--runtime must be one of ${Object.keys(RUNTIME_NAMES).join(', ')}`);
  return RUNTIME_NAMES[name];
}

function boardsOf(options: ParsedArgs['options']): Board[] {
  const board = options.board ?? 'all';
  if (typeof board !== 'string') throw new UsageError('--board needs a board id or all');
  if (board === 'all') return deployableBoards();
  try {
    return [getBoard(board)];
  } catch (e) {
    throw new UsageError(describeError(e));
  }
}

function fromFile(file: string, bytes: Uint8Array): RunSubject {
  const graph = readTflite(bytes, file);
  const precision = graph.tensors.some((t) => t.data === undefined && t.dtype === 'int8')
    ? 'int8'
    : 'float32';
  return { models: [{ precision, graph, tfliteBytes: bytes.length }], execute: () => runSeeded(graph, 1) };
}

/** The first window of an enabled sample (testing ones first) that the impulse can cut one from. */
function realWindow(archive: ProjectArchive, impulse: ProjectArchive['impulses'][number]) {
  const samples = [...archive.samples]
    .filter((s) => s.enabled && !missingAxes(s, impulse.input))
    .sort((a, b) => Number(b.category === 'testing') - Number(a.category === 'testing'));
  for (const sample of samples) {
    const sliced = sliceWindows(sample, impulse.input);
    if (sliced.windows.length === 0) continue;
    const { block, params } = describeImpulse(impulse, sliced.shape);
    return {
      features: block.run(params, sliced.windows[0], sliced.shape),
      source: `the first window of sample "${sample.name}" (${sample.label})`,
    };
  }
  throw new StudioError(
    'profile-no-window',
    'no enabled sample of the project gives a window for this impulse',
  );
}

function fromProject(options: ParsedArgs['options'], file: string, bytes: Uint8Array): RunSubject {
  if (typeof options.impulse !== 'string')
    throw new UsageError('--impulse <name> is required with --project');
  if (options.int8 && options.float32) throw new UsageError('choose --int8 or --float32, not both');
  const archive = importProjectArchive(file, bytes);
  const index = archive.impulses.findIndex((i) => i.name === options.impulse);
  if (index < 0) {
    const names = archive.impulses.map((i) => `"${i.name}"`).join(', ');
    throw new StudioError(
      'profile-impulse',
      `the project has no impulse named "${options.impulse}"${names ? ` (it has ${names})` : ''}`,
    );
  }
  const impulse = archive.impulses[index];
  const model = archive.models.find((m) => m.impulse === index)?.model;
  if (!model)
    throw new StudioError(
      'profile-untrained',
      `the impulse "${impulse.name}" has no trained model: train it first (studio train)`,
    );
  if (model.configHash !== featureConfigHash(impulse))
    throw new StudioError(
      'profile-stale',
      `the impulse "${impulse.name}" changed since its model was trained: train it again`,
    );
  const { features, source } = realWindow(archive, impulse);
  const subject = { impulse, anomaly: model.anomaly };
  if (model.anomaly)
    return { ...subject, models: [], execute: () => runOnFeatures(model.anomaly!, features, source) };
  const int8 = !options.float32 && (options.int8 || model.int8 !== undefined);
  if (int8 && !model.int8)
    throw new StudioError('profile-precision', '--int8: the model has not been quantised to int8');
  const graph = int8 ? model.int8!.graph : model.float!;
  const tfliteBytes = int8 ? model.int8!.int8Bytes : writeTflite(graph).length;
  return {
    ...subject,
    models: [{ precision: int8 ? 'int8' : 'float32', graph, tfliteBytes }],
    execute: () => runOnFeatures(graph, features, source),
  };
}

/** One board as the JSON contract has it (issue 17): do not rename these keys. */
function jsonOf(p: BoardProfile) {
  return {
    board: p.board,
    clockMHz: p.clockMhz,
    runtime: CLI_NAME[p.runtime],
    dspMs: p.dspMs?.ms ?? null,
    nnMs: p.nnMs?.ms ?? null,
    latencyMs: p.latencyMs.ms,
    latencyRangeMs: p.latencyRangeMs,
    arenaBytes: p.arena.used.bytes,
    ramBytes: p.ram.usedBytes,
    flashBytes: p.flash.usedBytes,
    ramAvailableBytes: p.ram.availableBytes,
    flashAvailableBytes: p.flash.availableBytes,
    fits: p.fits,
    reason: p.reason,
    layers: p.layers,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toPrecision(3));

function printTable(io: CliIo, profiles: BoardProfile[]): void {
  const header = ['board', 'MHz', 'latency ms', 'range ms', 'arena', 'RAM / free', 'flash / free', 'fits'];
  const rows = profiles.map((p) => [
    p.board,
    String(p.clockMhz),
    ms(p.latencyMs.ms),
    `${ms(p.latencyRangeMs[0])}–${ms(p.latencyRangeMs[1])}`,
    kb(p.arena.used.bytes),
    `${kb(p.ram.usedBytes)} / ${kb(p.ram.availableBytes)}`,
    `${kb(p.flash.usedBytes)} / ${kb(p.flash.availableBytes)}`,
    p.fits ? 'yes' : 'NO',
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  for (const r of all)
    io.out(
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  for (const p of profiles.filter((x) => !x.fits)) io.out(`${p.board}: ${p.reason}`);
}

/**
 * Profiles a .tflite (run once on a seeded input) or a project impulse's trained model (run on a real window,
 * DSP added) on the boards under one runtime. With --json prints the array of jsonOf objects; otherwise a table.
 * Latencies and code sizes are estimates; say so on standard error.
 */
export const run: CommandRun = async ({ positionals, options }, { io }) => {
  const project = options.project;
  if (project !== undefined && typeof project !== 'string') throw new UsageError('--project needs a file');
  if (project === undefined && positionals.length !== 1)
    throw new UsageError(
      'profile needs one model file (.tflite), or --project <project.zip> --impulse <name>',
    );
  if (project !== undefined && positionals.length > 0)
    throw new UsageError('give either a .tflite or --project, not both');
  if (project === undefined && (options.impulse !== undefined || options.int8 || options.float32))
    throw new UsageError('--impulse, --int8 and --float32 go with --project');
  const runtime = runtimeOf(options);
  const boards = boardsOf(options);
  try {
    const file = project ?? positionals[0];
    const bytes = await io.readFile(file);
    const subject = project === undefined ? fromFile(file, bytes) : fromProject(options, file, bytes);
    const [report]: PrecisionReport[] = profileRun(subject, boards);
    const profiles = report.profiles[runtime];
    io.err(
      `profile: ran the ${report.precision === 'none' ? 'anomaly' : report.precision} model in the studio's interpreter on ${report.execution.input}; latency and code size are estimates`,
    );
    if (options.json) io.out(JSON.stringify(profiles.map(jsonOf)));
    else printTable(io, profiles);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.err(`profile: ${describeError(e)}`);
    return 1;
  }
};
