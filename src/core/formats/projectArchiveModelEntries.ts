/** Reading the trained models out of a project archive's zip (the folder layout is projectArchiveModels.ts). */
import { FormatError } from '../errors';
import { unzipBounded, type Fail } from './boundedZip';
import { MANIFEST_PATH } from './projectArchiveLayout';
import {
  assembleModel,
  expectedModelFiles,
  MAX_MODEL_JSON_BYTES,
  MODEL_JSON,
  modelDir,
  parseModelJson,
  type ArchivedModel,
} from './projectArchiveModels';

/**
 * The archive's models, each read on its own: a damaged one becomes a message naming its impulse, and the
 * others (and the rest of the project) still come back.
 */
export function readArchivedModels(
  bytes: Uint8Array,
  listedModels: ReadonlyArray<{ impulse: number }>,
  impulses: ReadonlyArray<{ name: string }>,
  fileName: string,
): { models: ArchivedModel[]; modelProblems: FormatError[] } {
  const models: ArchivedModel[] = [];
  const modelProblems: FormatError[] = [];
  const listed = new Set<number>();
  for (const { impulse } of listedModels) {
    const name = impulses[impulse]?.name;
    if (name === undefined || listed.has(impulse)) {
      const why = name === undefined ? 'it does not have' : 'it lists twice';
      throw new FormatError(
        'bad-manifest',
        fileName,
        `${MANIFEST_PATH} lists a model of impulse ${impulse}, which ${why}`,
      );
    }
    listed.add(impulse);
    const leftOut = (code: string, problem: string, cause?: unknown): never => {
      throw new FormatError(
        code,
        fileName,
        `the project was imported without the trained model of impulse “${name}”: ${problem.replace(/\.$/, '')}. Train it again.`,
        cause === undefined ? undefined : { cause },
      );
    };
    try {
      models.push({ impulse, model: readModel(bytes, modelDir(impulse), leftOut) });
    } catch (e) {
      if (!(e instanceof FormatError)) throw e;
      modelProblems.push(e);
    }
  }
  return { models, modelProblems };
}

/** One model's folder: model.json first, then the files it lists, each checked against its declared size. */
function readModel(bytes: Uint8Array, dir: string, leftOut: Fail) {
  // The zip's own problems read "is damaged …": here they are the archive's.
  const zipFail: Fail = (code, problem, cause) => leftOut(code, `the archive ${problem}`, cause);
  const fail = (problem: string, cause?: unknown) => leftOut('model-damaged', problem, cause);
  const jsonPath = `${dir}${MODEL_JSON}`;
  const jsonBytes = unzipBounded(
    bytes,
    (f) => {
      if (f.name !== jsonPath) return false;
      if (f.originalSize > MAX_MODEL_JSON_BYTES)
        fail(`${jsonPath} is larger than ${MAX_MODEL_JSON_BYTES / 1024 ** 2} MiB`);
      return true;
    },
    zipFail,
  )[jsonPath];
  if (!jsonBytes) fail(`${jsonPath} is missing`);
  const json = parseModelJson(jsonBytes, jsonPath, fail);
  const expected = expectedModelFiles(json);
  const files = unzipBounded(
    bytes,
    (f) => {
      if (!f.name.startsWith(dir)) return false;
      const size = expected.get(f.name.slice(dir.length));
      if (size === undefined) return false;
      if (f.originalSize !== size)
        fail(`${f.name} has ${f.originalSize} bytes, not the ${size} model.json says`);
      return true;
    },
    zipFail,
  );
  const byName = Object.fromEntries(
    Object.entries(files).map(([path, data]) => [path.slice(dir.length), data]),
  );
  return assembleModel(json, byName, dir, fail);
}
