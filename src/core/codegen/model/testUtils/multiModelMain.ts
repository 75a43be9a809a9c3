import type { GeneratedFile } from '../../c/generatedFile';
import { macroPrefix } from '../modelHeader';

/**
 * One test program for many generated models (an emulator boots once): for each prefix it reads
 * `<prefix>.in` (raw input tensors) until end of file and writes `<prefix>.out` (raw output tensors).
 */
export function multiModelMain(prefixes: string[]): GeneratedFile {
  const runners = prefixes.map((p) => {
    const m = macroPrefix(p);
    return `static int run_${p}(FILE *in, FILE *out) {
  static ${p}_model_input_t input[${m}_INPUT_SIZE];
  static ${p}_model_output_t output[${m}_OUTPUT_SIZE];
  while (fread(input, sizeof input, 1, in) == 1) {
    if (${p}_model_invoke(input, output) != ${m}_OK) return 1;
    if (fwrite(output, sizeof output, 1, out) != 1) return 2;
  }
  return 0;
}`;
  });
  return {
    path: 'multi_model_main.c',
    contents: `#include <stdio.h>

${prefixes.map((p) => `#include "${p}_model.h"`).join('\n')}

${runners.join('\n\n')}

typedef struct {
  const char *input;
  const char *output;
  int (*run)(FILE *in, FILE *out);
} model_run_t;

static const model_run_t runs[] = {
${prefixes.map((p) => `    {"${p}.in", "${p}.out", run_${p}},`).join('\n')}
};

int main(void) {
  size_t i;
  for (i = 0; i < sizeof runs / sizeof runs[0]; i++) {
    FILE *in = fopen(runs[i].input, "rb");
    FILE *out = fopen(runs[i].output, "wb");
    int status;
    if (in == NULL || out == NULL) return 2;
    status = runs[i].run(in, out);
    fclose(in);
    if (fclose(out) != 0 || status != 0) {
      fprintf(stderr, "%s failed (%d)\\n", runs[i].input, status);
      return status == 0 ? 2 : status;
    }
  }
  return 0;
}
`,
  };
}
