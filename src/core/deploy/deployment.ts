/**
 * Every download of the Deployment page and of `studio export` (issue 18), built from the impulse and its trained
 * model, or from a `.tflite` the user brings: the `.tflite` file itself, the C header/source for TensorFlow Lite
 * Micro, the C/C++ library and the Arduino library (zips built here, with the zip library the project archive
 * uses). Pure: the caller saves the bytes.
 */
import { zipSync } from 'fflate';
import { StudioError } from '../errors';
import type { Graph } from '../ir/graph';
import { readTflite, writeTflite } from '../tflite';
import type { GeneratedFile } from '../codegen/c/generatedFile';
import { libraryMainHeader, libraryProperties } from './arduino/libraryProperties';
import { generateSketches } from './arduino/sketches';
import {
  bareModelLibrarySources,
  deployedGraph,
  impulseLibrarySources,
  type ImpulseSource,
  type Precision,
} from './impulseLibrary';
import { libraryName, modelFileLibraryName } from './libraryName';
import { bareModelReadme, impulseReadme, MAKEFILE, tfliteMicroReadme } from './libraryReadme';
import { generateTfliteMicroSource, resolverOps, tfliteMicroArenaSize } from './tfliteMicroSource';
import { MODEL_FORMATS, type DeployFormat } from './formats';

export { DEPLOY_FORMATS, MODEL_FORMATS, type DeployFormat } from './formats';

export interface Deployment {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** The paths inside the zip (empty for a .tflite). */
  entries: string[];
}

export interface DeployOptions {
  /** The studio's address, for library.properties' url. */
  url?: string;
  /** Called as each stage of a library's build starts (for a progress line). */
  onStep?: (step: string) => void;
}

const ZIP = 'application/zip';

/** The files under one root folder, zipped: an Arduino library zip must hold the library's folder. */
export function zipFolder(
  root: string,
  files: readonly GeneratedFile[],
): { bytes: Uint8Array; entries: string[] } {
  const encoder = new TextEncoder();
  const tree: Record<string, Uint8Array> = {};
  for (const f of files) {
    const path = `${root}/${f.path}`;
    if (path in tree) throw new Error(`the library holds ${path} twice`);
    tree[path] = encoder.encode(f.contents);
  }
  return { bytes: zipSync(tree, { level: 6 }), entries: Object.keys(tree) };
}

function zipDeployment(root: string, files: readonly GeneratedFile[]): Deployment {
  const zip = zipFolder(root, files);
  return { fileName: `${root}.zip`, mime: ZIP, ...zip };
}

function headerDeployment(root: string, tflite: Uint8Array, graph: Graph, title: string): Deployment {
  const files = generateTfliteMicroSource(tflite, graph, { title });
  const readme = tfliteMicroReadme(title, tfliteMicroArenaSize(graph).recommendedBytes, resolverOps(graph));
  return zipDeployment(root, [...files, readme]);
}

/** The download of `format` for a trained impulse at `precision`. */
export function buildImpulseDeployment(
  source: ImpulseSource,
  format: DeployFormat,
  options: DeployOptions = {},
): Deployment {
  const name = libraryName(source.projectName, source.impulse.name);
  const title = `${source.projectName} / ${source.impulse.name}`;
  if (format === 'tflite' || format === 'header') {
    if (source.model.learn.kind === 'anomaly') {
      throw new StudioError(
        'deploy-no-network',
        'K-means anomaly detection has no TensorFlow Lite model: deploy it as a C++ or Arduino library.',
      );
    }
    const graph = deployedGraph(source.model, source.precision);
    const tflite = writeTflite(graph);
    if (format === 'tflite') {
      return {
        fileName: `${name}_${source.precision}.tflite`,
        mime: 'application/octet-stream',
        bytes: tflite,
        entries: [],
      };
    }
    return headerDeployment(`${name}_tflite_micro`, tflite, graph, `${title} (${source.precision})`);
  }
  options.onStep?.('Generating the processing block and the network as C');
  const lib = impulseLibrarySources(source);
  const memory = {
    arenaBytes: lib.model?.arenaSize ?? 0,
    dspRamBytes: lib.dsp.ram.bytes,
    constantBytes: lib.model?.constantBytes ?? 0,
  };
  const readmeSpec = {
    name,
    title: lib.title,
    learning: lib.learning,
    signal: {
      frames: lib.dsp.window.frames,
      axes: source.impulse.input.axes,
      frequencyHz: lib.dsp.window.frequencyHz,
    },
    featureCount: lib.dsp.featureCount,
    memory,
  };
  if (format === 'cpp') {
    options.onStep?.('Zipping the library');
    return zipDeployment(name, [
      impulseReadme({ ...readmeSpec, arduino: null }),
      MAKEFILE,
      ...lib.sources,
      lib.runner,
    ]);
  }
  options.onStep?.('Writing the example sketches');
  const sketches = generateSketches({
    libraryName: name,
    title: lib.title,
    input: source.impulse.input,
    learning: lib.learning,
    tfliteMicroFiles: lib.graph
      ? generateTfliteMicroSource(writeTflite(lib.graph), lib.graph, {
          title: `${lib.title} (${source.precision})`,
        })
      : null,
  });
  const sketchNames = sketches.files.filter((f) => f.path.endsWith('.ino')).map((f) => f.path.split('/')[1]);
  const paragraph =
    `Generated by TinyML Studio: the processing block in C, ${lib.graph ? `the ${source.precision} network as static C bit-exact with the studio's interpreter` : 'k-means anomaly scoring'}, ` +
    'one statically planned arena, no interpreter and no dynamic allocation; example sketches for the Nano 33 BLE Sense.';
  options.onStep?.('Zipping the library');
  return zipDeployment(name, [
    libraryProperties(name, lib.title, paragraph, options.url),
    impulseReadme({ ...readmeSpec, arduino: { sketches: sketchNames, missing: sketches.missing } }),
    libraryMainHeader(name, lib.title, lib.graph !== null),
    ...lib.sources,
    lib.runner,
    ...sketches.files,
  ]);
}

/** Reads a dropped `.tflite` (StudioError naming an unsupported op or a damaged file). */
export function readModelFile(bytes: Uint8Array, fileName: string): Graph {
  return readTflite(bytes, fileName);
}

/** The download of `format` for a bare model: the generated library (`model_invoke`) or the TFLM header. */
export function buildModelDeployment(
  bytes: Uint8Array,
  fileName: string,
  format: DeployFormat,
  options: Pick<DeployOptions, 'onStep'> = {},
): Deployment {
  if (!MODEL_FORMATS.includes(format)) {
    throw new StudioError(
      'deploy-model-format',
      `A .tflite file without an impulse deploys as ${MODEL_FORMATS.join(' or ')}, not as ${format}.`,
    );
  }
  options.onStep?.(`Reading ${fileName}`);
  const graph = readModelFile(bytes, fileName);
  const name = modelFileLibraryName(fileName);
  const title = fileName.replace(/^.*[\\/]/, '');
  if (format === 'header') return headerDeployment(`${name}_tflite_micro`, bytes, graph, title);
  options.onStep?.('Generating the model as C');
  const lib = bareModelLibrarySources(graph, title);
  options.onStep?.('Zipping the library');
  return zipDeployment(name, [
    bareModelReadme(name, title, { arenaBytes: lib.model.arenaSize, constantBytes: lib.model.constantBytes }),
    MAKEFILE,
    ...lib.sources,
    lib.runner,
  ]);
}

export type { ImpulseSource, Precision };
