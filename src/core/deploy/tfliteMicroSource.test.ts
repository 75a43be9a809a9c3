/**
 * The C header/source for TensorFlow Lite Micro: the arena size against TFLM's own figures for the shared models
 * (tflm_arena.json, a 64-bit host build: arena_used_bytes and the smallest arena AllocateTensors() accepts), the op
 * resolver each model needs, and model_data.cc built with g++: its array is 16-byte aligned and holds the file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTflite } from '../tflite/reader';
import { run, WARNING_FLAGS } from '../codegen/c/testUtils/toolchain';
import { generateTfliteMicroSource, resolverOps, tfliteMicroArenaSize } from './tfliteMicroSource';

const TFLITE = resolve(process.cwd(), '../shared/testdata/tflite');
const measured = JSON.parse(readFileSync(join(TFLITE, 'tflm_arena.json'), 'utf8')) as {
  models: Record<string, { arena_used_bytes: number; min_arena_size: number }>;
};
const dir = mkdtempSync(join(tmpdir(), 'deploy-tflm-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function shared(name: 'hello_world_int8' | 'kws_ref_model') {
  const bytes = new Uint8Array(readFileSync(join(TFLITE, `${name}.tflite`)));
  return { bytes, graph: readTflite(bytes, `${name}.tflite`), tflm: measured.models[`${name}.tflite`] };
}

describe('the TensorFlow Lite Micro arena size', () => {
  it.each(['hello_world_int8', 'kws_ref_model'] as const)(
    '%s: the planner gives TFLM’s arena_used_bytes, and what it needs covers TFLM’s smallest working arena',
    (name) => {
      const { graph, tflm } = shared(name);
      const host = tfliteMicroArenaSize(graph, 'host64');
      expect(host.usedBytes).toBe(tflm.arena_used_bytes);
      expect(host.neededBytes).toBeGreaterThanOrEqual(tflm.min_arena_size);
      // Planning temporaries, not a blanket margin: within 64 bytes of the measured minimum.
      expect(host.neededBytes - Math.max(tflm.min_arena_size, tflm.arena_used_bytes)).toBeLessThan(64);
      expect(host.recommendedBytes % 16).toBe(0);
    },
  );

  it('on a 32-bit core needs less than on the 64-bit host (smaller tail)', () => {
    const { graph } = shared('kws_ref_model');
    expect(tfliteMicroArenaSize(graph).usedBytes).toBeLessThan(
      tfliteMicroArenaSize(graph, 'host64').usedBytes,
    );
  });
});

describe('model_data.h / model_data.cc', () => {
  it('registers exactly the ops of the model', () => {
    const kws = shared('kws_ref_model');
    expect(resolverOps(kws.graph)).toEqual([
      'CONV_2D',
      'DEPTHWISE_CONV_2D',
      'AVERAGE_POOL_2D',
      'RESHAPE',
      'FULLY_CONNECTED',
      'SOFTMAX',
    ]);
    const [header] = generateTfliteMicroSource(kws.bytes, kws.graph, { title: 'kws' });
    expect(header.contents).toContain('constexpr int kModelOpCount = 6;');
    for (const call of [
      'AddConv2D',
      'AddDepthwiseConv2D',
      'AddAveragePool2D',
      'AddReshape',
      'AddFullyConnected',
      'AddSoftmax',
    ])
      expect(header.contents).toContain(`resolver.${call}();`);
    expect(header.contents).toContain(
      `constexpr int kTensorArenaSize = ${tfliteMicroArenaSize(kws.graph).recommendedBytes};`,
    );
    expect(header.contents).not.toContain('kFeatureMean');
  });

  it('compiles with g++; the array is 16-byte aligned and holds the .tflite byte for byte', async () => {
    const { bytes, graph } = shared('hello_world_int8');
    for (const f of generateTfliteMicroSource(bytes, graph, { title: 'hello world' })) {
      writeFileSync(join(dir, f.path), f.contents);
    }
    const main = join(dir, 'dump_model.cc');
    writeFileSync(
      main,
      `#include <stdint.h>
#include <stdio.h>
#include "model_data.h"
int main(int argc, char **argv) {
  if (argc != 2 || reinterpret_cast<uintptr_t>(g_model_data) % 16 != 0) return 1;
  FILE *out = fopen(argv[1], "wb");
  return out != NULL && fwrite(g_model_data, 1, g_model_data_len, out) == g_model_data_len && fclose(out) == 0 ? 0 : 2;
}
`,
    );
    const program = join(dir, 'dump_model');
    await run('Building model_data.cc', 'g++', [
      '-std=c++11',
      ...WARNING_FLAGS,
      join(dir, 'model_data.cc'),
      main,
      '-o',
      program,
    ]);
    await run('Dumping the model array', program, [join(dir, 'dumped.tflite')]);
    expect(new Uint8Array(readFileSync(join(dir, 'dumped.tflite')))).toEqual(bytes);
  });
});
