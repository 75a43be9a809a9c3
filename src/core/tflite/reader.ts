import { elementCount, type Graph } from '../ir/graph';
import { decodeStandardization, STANDARDIZATION_METADATA } from '../ir/standardize';
import { malformed, tfliteError } from './errors';
import { FlatReader } from './flatReader';
import { findGraphProblem } from './graphProblems';
import { readOperator, readOperatorCodes } from './readOperators';
import { bufferBytes, readTensor } from './readTensors';
import { FILE_IDENTIFIER, METADATA, MODEL, SCHEMA_VERSION, SUBGRAPH } from './schema';

function hasIdentifier(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  return String.fromCharCode(...bytes.subarray(4, 8)) === FILE_IDENTIFIER;
}

/**
 * Turns a `.tflite` file into the IR: subgraph 0's tensors (constants with fresh copies of their data), operators
 * in execution order, inputs and outputs. Every offset and length is checked before it is used, so a damaged file
 * raises a FormatError whose code starts with `tflite-`, never another exception.
 */
export function readTflite(bytes: Uint8Array, fileName = 'model.tflite'): Graph {
  if (!hasIdentifier(bytes)) {
    throw tfliteError(
      'tflite-not-a-model',
      fileName,
      'this is not a TensorFlow Lite model (no "TFL3" identifier)',
    );
  }
  const r = new FlatReader(bytes, (problem) => malformed(fileName, problem));
  const model = r.rootTable();
  const version = r.uint32(model, MODEL.version, 0, 'the schema version');
  if (version !== SCHEMA_VERSION) {
    throw tfliteError(
      'tflite-version',
      fileName,
      `the model uses TFLite schema version ${version}; the studio reads version ${SCHEMA_VERSION}`,
    );
  }
  const subgraphs = r.tableVector(model, MODEL.subgraphs, 'subgraph');
  if (subgraphs.length === 0) throw malformed(fileName, 'the model has no subgraph');
  if (subgraphs.length > 1) {
    throw tfliteError(
      'tflite-multiple-subgraphs',
      fileName,
      `the model has ${subgraphs.length} subgraphs (control flow or several signatures); the studio runs one`,
    );
  }
  const subgraph = subgraphs[0];
  const codes = readOperatorCodes(r, model);
  const buffers = r.tableVector(model, MODEL.buffers, 'buffer');
  const tensors = r
    .tableVector(subgraph, SUBGRAPH.tensors, 'tensor')
    .map((t, i) => readTensor(r, t, i, buffers, fileName));
  const ops = r
    .tableVector(subgraph, SUBGRAPH.operators, 'operator')
    .map((t, i) => readOperator(r, t, i, codes, tensors, fileName));
  const graph: Graph = {
    tensors,
    ops,
    inputs: r.int32Vector(subgraph, SUBGRAPH.inputs, 'the model inputs') ?? [],
    outputs: r.int32Vector(subgraph, SUBGRAPH.outputs, 'the model outputs') ?? [],
  };
  const description = r.string(model, MODEL.description, 'the model description');
  if (description !== null) graph.description = description;
  for (const entry of r.tableVector(model, MODEL.metadata, 'metadata entry')) {
    if (r.string(entry, METADATA.name, 'a metadata name') !== STANDARDIZATION_METADATA) continue;
    const index = r.uint32(entry, METADATA.buffer, 0, 'the buffer of a metadata entry');
    if (index >= buffers.length) {
      throw malformed(fileName, `its metadata refers to buffer ${index}, but the file has ${buffers.length}`);
    }
    const input = graph.tensors[graph.inputs[0]];
    const features = input === undefined ? 0 : elementCount(input.shape);
    const decoded = decodeStandardization(bufferBytes(r, buffers[index], `buffer ${index}`), features);
    if (typeof decoded === 'string') throw malformed(fileName, decoded);
    graph.standardization = decoded;
  }
  const problem = findGraphProblem(graph);
  if (problem !== null) throw malformed(fileName, problem);
  return graph;
}
