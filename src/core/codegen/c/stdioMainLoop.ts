/** What one inference of a stdio runner does. */
export interface StdioInference {
  /** A C expression that runs one inference on the static `input` buffer; true on success. */
  run: string;
  /** The bytes written per inference and where they are (C expressions). */
  outputPointer: string;
  outputBytes: string;
}

/**
 * The `main(argc, argv)` every generated stdio runner shares: raw inputs (`sizeof input` bytes each) from the
 * file named by argv[1] (stdin without one) until end of file, one inference per input, raw results to the
 * file named by argv[2] (stdout without one). Exit 0 on success, 1 for a truncated input or a failed
 * inference, 2 when a file cannot be opened or written. The caller declares the static `input` buffer.
 */
export function stdioMainLoop(inference: StdioInference): string {
  const { run, outputPointer, outputBytes } = inference;
  return `int main(int argc, char **argv) {
  FILE *in = argc > 1 ? fopen(argv[1], "rb") : stdin;
  FILE *out = argc > 2 ? fopen(argv[2], "wb") : stdout;
  long inferences = 0;
  if (in == NULL || out == NULL) {
    fprintf(stderr, "cannot open %s\\n", in == NULL ? argv[1] : argv[2]);
    return 2;
  }
  for (;;) {
    const size_t got = fread(input, 1, sizeof input, in);
    if (got == 0 && feof(in)) break;
    if (got != sizeof input) {
      fprintf(stderr, "input %ld is truncated: %lu of %lu bytes\\n", inferences, (unsigned long)got,
              (unsigned long)sizeof input);
      return 1;
    }
    if (!(${run})) {
      fprintf(stderr, "inference %ld failed\\n", inferences);
      return 1;
    }
    if (fwrite(${outputPointer}, 1, ${outputBytes}, out) != ${outputBytes}) {
      fprintf(stderr, "cannot write output %ld\\n", inferences);
      return 2;
    }
    inferences++;
  }
  if (in != stdin) fclose(in);
  if (out != stdout && fclose(out) != 0) {
    fprintf(stderr, "cannot write %s\\n", argv[2]);
    return 2;
  }
  return 0;
}
`;
}
