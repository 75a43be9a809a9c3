/** What the generator writes (API, names, constants, arena) and what it refuses; the built code is tested elsewhere. */
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../ir/graph';
import { standardizationOf } from '../../ir/standardize';
import { activation, constant, quant, singleOpGraph } from '../../interp/testGraphs';
import { generateModelC } from './generateModelC';
import { generateModelRunnerMain } from './modelRunnerMain';
import { loadSharedModel } from './testUtils/sharedModels';

function file(model: ReturnType<typeof generateModelC>, path: string): string {
  const found = model.files.find((f) => f.path === path);
  if (found === undefined) throw new Error(`no ${path} among ${model.files.map((f) => f.path).join(', ')}`);
  return found.contents;
}

const kws = generateModelC(loadSharedModel('kws_ref_model').graph, undefined, { prefix: 'kws' });

function floatDense(): Graph {
  return singleOpGraph(
    activation('x', [1, 3], 'float32'),
    [constant('w', [2, 3], Float32Array.of(0.5, -1, 2, 0.25, 0, -3))],
    activation('y', [1, 2], 'float32'),
    { kind: 'FULLY_CONNECTED', activation: 'RELU' },
  );
}

describe('generateModelC on the KWS model', () => {
  const header = file(kws, 'kws_model.h');
  const source = file(kws, 'kws_model.c');

  it('declares the API on the raw int8 tensors with their sizes, quantisation and the arena size', () => {
    expect(header).toContain('int kws_model_invoke(const int8_t *input, int8_t *output);');
    expect(header).toContain('void kws_model_features_to_input(const float *features, int8_t *input);');
    expect(header).toContain('void kws_model_output_to_float(const int8_t *output, float *values);');
    expect(header).toMatch(
      /#define KWS_MODEL_INPUT_SIZE 490\n#define KWS_MODEL_INPUT_SCALE 0\.5847029f\n#define KWS_MODEL_INPUT_ZERO_POINT 83\n/,
    );
    expect(header).toMatch(
      /#define KWS_MODEL_OUTPUT_SIZE 12\n#define KWS_MODEL_OUTPUT_SCALE 0\.00390625f\n#define KWS_MODEL_OUTPUT_ZERO_POINT \(-128\)\n/,
    );
    expect(header).toContain(`#define KWS_MODEL_ARENA_SIZE ${kws.arenaSize}`);
    expect(header).toContain('#define KWS_MODEL_HAS_STANDARDIZATION 0');
    expect(header).toContain('extern "C"');
  });

  it('ping-pongs the 8000-byte activations in a 16000-byte arena (TFLite Micro plans the same head)', () => {
    expect(kws.arenaSize).toBe(16000);
    expect(source).toContain('int8_t i8[16000];');
    expect(source).toContain('int8_t *const layer0_conv_2d_output = arena.i8 + 0;');
    expect(source).toContain('int8_t *const layer1_depthwise_conv_2d_output = arena.i8 + 8000;');
  });

  it('calls one named kernel per layer in order, commented with its shapes, and none for RESHAPE', () => {
    const calls = [...source.matchAll(/^ {2}(tml_\w+)\(&(layer\d+_\w+),/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(calls).toEqual([
      'tml_conv_2d_int8 layer0_conv_2d',
      'tml_depthwise_conv_2d_int8 layer1_depthwise_conv_2d',
      'tml_conv_2d_int8 layer2_conv_2d',
      'tml_depthwise_conv_2d_int8 layer3_depthwise_conv_2d',
      'tml_conv_2d_int8 layer4_conv_2d',
      'tml_depthwise_conv_2d_int8 layer5_depthwise_conv_2d',
      'tml_conv_2d_int8 layer6_conv_2d',
      'tml_depthwise_conv_2d_int8 layer7_depthwise_conv_2d',
      'tml_conv_2d_int8 layer8_conv_2d',
      'tml_average_pool_2d_int8 layer9_average_pool_2d',
      'tml_fully_connected_int8 layer11_fully_connected',
      'tml_softmax_int8 layer12_softmax',
    ]);
    expect(source).toContain('  /* layer0_conv_2d: [1, 49, 10, 1] -> [1, 25, 5, 64] */');
    expect(source).toContain('/* layer10_reshape: [1, 1, 1, 64] -> [1, 64], no code');
    expect(source).toContain(' * Layer 0: CONV_2D (layer0_conv_2d)');
    expect(source).toContain(' * SAME padding (top 4, left 1), stride 2x2, dilation 1x1, activation RELU');
  });

  it('keeps weights, biases and per-channel multipliers in const arrays', () => {
    expect(source).toContain('static const int8_t layer0_conv_2d_filter[2560] = {');
    expect(source).toContain('static const int32_t layer0_conv_2d_bias[64] = {');
    expect(source).toContain('static const int32_t layer0_conv_2d_multiplier[64] = {');
    expect(source).toContain('static const int32_t layer0_conv_2d_shift[64] = {');
    expect(source).toContain('static const int8_t layer11_fully_connected_weights[768] = {');
    expect(source).toContain('static const tml_softmax_int8_t layer12_softmax = {');
    expect(source).not.toMatch(/malloc|calloc|realloc/);
    expect(kws.constantBytes).toBe(2560 + 4 * 4096 + 4 * 576 + 768 + 4 * (9 * 64 + 12));
  });

  it('ships only the kernel sources the model uses', () => {
    expect(kws.files.map((f) => f.path)).toEqual([
      'kws_model.h',
      'kws_model.c',
      'tml_fixed_point.h',
      'tml_int8_dot.h',
      'tml_kernels.h',
      'tml_convolution.c',
      'tml_fully_connected.c',
      'tml_pooling.c',
      'tml_softmax.c',
      'tml_quantize.c',
    ]);
  });
});

describe('generateModelC on other graphs', () => {
  it('takes float pointers for a float32 model and has no quantisation macros', () => {
    const model = generateModelC(floatDense(), undefined, { prefix: 'dense', title: 'Gestures / Impulse 1' });
    const header = file(model, 'dense_model.h');
    expect(header).toContain('int dense_model_invoke(const float *input, float *output);');
    expect(header).toContain(' * dense_model.h - Gestures / Impulse 1');
    expect(header).not.toContain('SCALE');
    expect(model.files.map((f) => f.path)).toEqual([
      'dense_model.h',
      'dense_model.c',
      'tml_fixed_point.h',
      'tml_int8_dot.h',
      'tml_kernels.h',
      'tml_fully_connected.c',
    ]);
    expect(file(model, 'dense_model.c')).toContain('{0.0f, FLT_MAX}, /* activation RELU: min, max */');
    expect(file(model, 'dense_model.c')).toContain('needs no arena');
  });

  it('writes the standardisation as const float arrays applied in features_to_input', () => {
    const graph = { ...floatDense(), standardization: standardizationOf([1, -2, 0.5], [2, 0, 4]) };
    const model = generateModelC(graph, undefined, { prefix: 'std' });
    const source = file(model, 'std_model.c');
    expect(source).toMatch(/static const float feature_mean\[3\] = \{\n {4}1\.0f, -2\.0f, 0\.5f,\n\};/);
    expect(source).toMatch(/static const float feature_std\[3\] = \{\n {4}2\.0f, 1\.0f, 4\.0f,\n\};/);
    expect(source).toContain('input[i] = (features[i] - feature_mean[i]) / feature_std[i];');
    expect(file(model, 'std_model.h')).toContain('#define STD_MODEL_HAS_STANDARDIZATION 1');
  });

  it('uses a given arena plan', () => {
    const q = quant(0.1);
    const graph: Graph = {
      tensors: [
        activation('x', [1, 4], 'int8', q),
        constant('w', [4, 4], new Int8Array(16), q),
        activation('h', [1, 4], 'int8', q),
        activation('y', [1, 4], 'int8', q),
      ],
      ops: [
        { kind: 'FULLY_CONNECTED', inputs: [0, 1], outputs: [2], activation: 'NONE' },
        { kind: 'QUANTIZE', inputs: [2], outputs: [3] },
      ],
      inputs: [0],
      outputs: [3],
    };
    const model = generateModelC(graph, { size: 64, offsets: new Map([[2, 48]]) }, { prefix: 'planned' });
    expect(model.arenaSize).toBe(64);
    expect(file(model, 'planned_model.c')).toContain(
      'int8_t *const layer0_fully_connected_output = arena.i8 + 48;',
    );
    expect(() =>
      generateModelC(graph, { size: 32, offsets: new Map([[2, 48]]) }, { prefix: 'planned' }),
    ).toThrow(expect.objectContaining({ code: 'codegen-bad-arena-plan' }));
  });

  it.each<[string, () => Graph, string, RegExp]>([
    ['a prefix that is not a C identifier', floatDense, 'codegen-bad-identifier', /not a C identifier/],
    [
      'two inputs',
      () => ({ ...floatDense(), inputs: [0, 1] }),
      'codegen-unsupported',
      /2 inputs and 1 outputs; generated C takes one of each/,
    ],
    [
      'a graph the interpreter refuses',
      () => ({ ...floatDense(), ops: [{ ...floatDense().ops[0], inputs: [0] }] }),
      'interp-invalid-graph',
      /Op 0 \(FULLY_CONNECTED\): expected 2 to 3 inputs, got 1/,
    ],
    [
      'an empty tensor',
      () => {
        const g = floatDense();
        g.tensors.push(activation('nothing', [0], 'float32'));
        return g;
      },
      'codegen-empty-tensor',
      /Tensor 3 \("nothing"\) has no values/,
    ],
    [
      'non-finite float32 weights',
      () => {
        const g = floatDense();
        (g.tensors[1].data as Float32Array)[0] = Infinity;
        return g;
      },
      'codegen-non-finite',
      /not a finite float32 value/,
    ],
  ])('refuses %s', (what, graph, code, message) => {
    const prefix = what.startsWith('a prefix') ? 'my-model' : 'm';
    let error: unknown;
    try {
      generateModelC(graph(), undefined, { prefix });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  });
});

describe('generateModelRunnerMain', () => {
  it('reads argv[1] or stdin and writes argv[2] or stdout, one inference per input', () => {
    const main = generateModelRunnerMain({ prefix: 'kws' });
    expect(main.path).toBe('kws_model_runner.c');
    expect(main.contents).toContain('FILE *in = argc > 1 ? fopen(argv[1], "rb") : stdin;');
    expect(main.contents).toContain('FILE *out = argc > 2 ? fopen(argv[2], "wb") : stdout;');
    expect(main.contents).toContain('if (!(kws_model_invoke(input, output) == KWS_MODEL_OK)) {');
  });
});
