import type { GeneratedFile } from '../../c/generatedFile';
import { macroPrefix } from '../modelHeader';

/**
 * A test program for the generated input and output helpers: reads float32 feature windows from argv[1]
 * until end of file and writes, per window, the input tensor `<prefix>_model_features_to_input` made of it
 * followed by the float32 values `<prefix>_model_output_to_float` made of the model's output.
 */
export function featuresMain(prefix: string): GeneratedFile {
  const m = macroPrefix(prefix);
  return {
    path: `${prefix}_features_main.c`,
    contents: `#include <stdio.h>

#include "${prefix}_model.h"

static float features[${m}_INPUT_SIZE];
static ${prefix}_model_input_t input[${m}_INPUT_SIZE];
static ${prefix}_model_output_t output[${m}_OUTPUT_SIZE];
static float values[${m}_OUTPUT_SIZE];

int main(int argc, char **argv) {
  FILE *in = argc > 2 ? fopen(argv[1], "rb") : NULL;
  FILE *out = argc > 2 ? fopen(argv[2], "wb") : NULL;
  if (in == NULL || out == NULL) return 2;
  while (fread(features, sizeof features, 1, in) == 1) {
    ${prefix}_model_features_to_input(features, input);
    if (${prefix}_model_invoke(input, output) != ${m}_OK) return 1;
    ${prefix}_model_output_to_float(output, values);
    if (fwrite(input, sizeof input, 1, out) != 1 || fwrite(values, sizeof values, 1, out) != 1) return 2;
  }
  fclose(in);
  return fclose(out) == 0 ? 0 : 2;
}
`,
  };
}
