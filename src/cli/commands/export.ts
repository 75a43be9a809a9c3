import { StudioError } from '../../core/errors';
import { importProjectArchive } from '../../core/formats/projectArchive';
import { featureConfigHash } from '../../core/impulse/impulse';
import { precisionProblem } from '../../core/deploy/choices';
import {
  buildImpulseDeployment,
  buildModelDeployment,
  DEPLOY_FORMATS,
  MODEL_FORMATS,
  type DeployFormat,
  type Deployment,
  type Precision,
} from '../../core/deploy/deployment';
import { UsageError, type CliIo, type CommandRun, type ParsedArgs } from '../command';

const FORMATS = DEPLOY_FORMATS.map((f) => f.id);

function formatOf(options: ParsedArgs['options'], allowed: readonly DeployFormat[]): DeployFormat {
  const format = options.format;
  if (typeof format !== 'string') throw new UsageError(`--format ${allowed.join('|')} is required`);
  if (!(allowed as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be ${allowed.join(', ')}; "${format}" is not one`);
  }
  return format as DeployFormat;
}

async function fromProject(
  options: ParsedArgs['options'],
  io: CliIo,
): Promise<Deployment & { precision: string }> {
  const format = formatOf(options, FORMATS);
  if (typeof options.impulse !== 'string')
    throw new UsageError('--impulse <name> is required with --project');
  if (options.int8 && options.float32) throw new UsageError('choose --int8 or --float32, not both');
  const file = options.project as string;
  const archive = importProjectArchive(file, await io.readFile(file));
  const index = archive.impulses.findIndex((i) => i.name === options.impulse);
  if (index < 0) {
    const names = archive.impulses.map((i) => `"${i.name}"`).join(', ');
    throw new StudioError(
      'export-impulse',
      `the project has no impulse named "${options.impulse}"${names ? ` (it has ${names})` : ''}`,
    );
  }
  const impulse = archive.impulses[index];
  const model = archive.models.find((m) => m.impulse === index)?.model;
  if (!model) {
    const damaged = archive.modelProblems.find((p) => p.message.includes(`“${impulse.name}”`));
    throw new StudioError(
      'export-untrained',
      damaged?.message ?? `the impulse "${impulse.name}" has no trained model: train it first (studio train)`,
    );
  }
  if (model.configHash !== featureConfigHash(impulse)) {
    throw new StudioError(
      'export-stale',
      `the impulse "${impulse.name}" changed since its model was trained: train it again`,
    );
  }
  const precision: Precision = options.float32 ? 'float32' : options.int8 || model.int8 ? 'int8' : 'float32';
  const problem = precisionProblem(model, precision);
  if (problem) throw new StudioError('export-precision', `--${precision}: ${problem}`);
  const source = { projectName: archive.project.name, impulse, model, precision };
  const deployment = buildImpulseDeployment(source, format);
  return { ...deployment, precision: model.learn.kind === 'anomaly' ? 'k-means' : precision };
}

async function fromModel(file: string, options: ParsedArgs['options'], io: CliIo) {
  const format = formatOf(options, MODEL_FORMATS);
  if (options.int8 || options.float32 || options.impulse !== undefined) {
    throw new UsageError('--impulse, --int8 and --float32 go with --project; a .tflite is deployed as it is');
  }
  return { ...buildModelDeployment(await io.readFile(file), file, format), precision: 'as in the file' };
}

/**
 * Writes the download the Deployment page would make (core/deploy/deployment.ts) to --out, and prints one JSON
 * line: {"out", "format", "precision", "bytes", "entries"} (entries: the paths inside the zip, [] for a .tflite).
 */
export const run: CommandRun = async ({ positionals, options }, { io }) => {
  if (typeof options.out !== 'string') throw new UsageError('--out <file> is required');
  if (positionals.length > 1) throw new UsageError('give one .tflite file at most');
  const [model] = positionals;
  if ((model === undefined) === (typeof options.project !== 'string')) {
    throw new UsageError('give either --project <project.zip> --impulse <name> or one <model.tflite>');
  }
  const deployment =
    model === undefined ? await fromProject(options, io) : await fromModel(model, options, io);
  await io.writeFile(options.out, deployment.bytes);
  io.out(
    JSON.stringify({
      out: options.out,
      format: options.format,
      precision: deployment.precision,
      bytes: deployment.bytes.length,
      entries: deployment.entries,
    }),
  );
  return 0;
};
