import { describe, expect, it } from 'vitest';
import { standardizationOf, STANDARDIZATION_METADATA } from '../ir/standardize';
import { readTflite } from './reader';
import { OPCODE } from './schema';
import { floatGraph, int8Graph } from './testUtils/testGraphs';
import { SHARED_MODELS, sharedModelBytes } from './testUtils/sharedModels';
import { writeTflite } from './writer';

describe('write/read round trip', () => {
  it.each(SHARED_MODELS)('reproduces %s exactly: read(write(read(file))) equals read(file)', (name) => {
    const graph = readTflite(sharedModelBytes(name));
    expect(readTflite(writeTflite(graph))).toStrictEqual(graph);
  });

  it.each([
    ['float32', floatGraph],
    ['int8', int8Graph],
  ])('reproduces the hand-built %s graph covering every op kind', (_, build) => {
    const graph = build();
    expect(readTflite(writeTflite(graph))).toStrictEqual(graph);
  });

  it('the hand-built graphs together use every op kind the writer supports', () => {
    const kinds = new Set([...floatGraph().ops, ...int8Graph().ops].map((op) => op.kind));
    expect([...kinds].sort()).toEqual(Object.keys(OPCODE).sort());
  });

  it('is stable: writing a read-back graph gives the same bytes', () => {
    const bytes = writeTflite(int8Graph());
    expect(writeTflite(readTflite(bytes))).toEqual(bytes);
  });
});

describe('input standardisation in the metadata', () => {
  const withStandardization = () => {
    const graph = floatGraph();
    const features = graph.tensors[graph.inputs[0]].shape.reduce((a, b) => a * b, 1);
    graph.standardization = standardizationOf(
      Array.from({ length: features }, (_, j) => j - 1.5),
      Array.from({ length: features }, (_, j) => 0.25 + j),
    );
    return graph;
  };

  it('is written as a named metadata entry and read back exactly', () => {
    const graph = withStandardization();
    const bytes = writeTflite(graph);
    expect(new TextDecoder().decode(bytes)).toContain(STANDARDIZATION_METADATA);
    expect(readTflite(bytes)).toStrictEqual(graph);
  });

  it('is refused by the writer when it does not match the input', () => {
    const graph = withStandardization();
    graph.standardization = standardizationOf([0], [1]);
    expect(() => writeTflite(graph)).toThrow(/standardisation of 1 features/);
  });
});
