import { describe, expect, it } from 'vitest';
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
