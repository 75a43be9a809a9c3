import type { DeployFormat } from '../../core/deploy/deployment';

const CONTENTS: Record<'impulse' | 'file', Partial<Record<DeployFormat, string[]>>> = {
  impulse: {
    arduino: [
      'library.properties and src/<library>.h: install with Sketch > Include Library > Add .ZIP Library',
      'src/: the processing block, the network and run_impulse(signal, &result) as generated C',
      'examples/: continuous-inference sketches for the Nano 33 BLE Sense (Rev1 and Rev2 IMU, or the microphone) and a TensorFlow Lite Micro variant',
      'examples/stdio_runner/: run the library on a PC on your own vectors',
    ],
    cpp: [
      'src/impulse.h: run_impulse(signal, &result), the labels, per-stage timing and the anomaly score',
      'src/: the processing block, the network (weights as const arrays, one static arena) and its kernels',
      'examples/stdio_runner/ and a Makefile: raw windows in, results out',
      'README.md: how to call it, build it and what memory it needs',
    ],
    header: [
      'model_data.h: the arena size from the studio’s planner, the op resolver and a usage snippet',
      'model_data.cc: the .tflite as a 16-byte aligned array',
    ],
    tflite: ['the model as a TensorFlow Lite flatbuffer, input standardisation in its metadata'],
  },
  file: {
    cpp: [
      'src/model.h: model_invoke(input, output) on the raw input and output tensors',
      'src/: the model as generated C and its kernels; examples/stdio_runner/ and a Makefile',
    ],
    header: [
      'model_data.h: the arena size from the studio’s planner, the op resolver and a usage snippet',
      'model_data.cc: your .tflite as a 16-byte aligned array',
    ],
  },
};

/** What the chosen download holds. */
export function FormatContents({ subject, format }: { subject: 'impulse' | 'file'; format: DeployFormat }) {
  const items = CONTENTS[subject][format] ?? [];
  return (
    <section className="card deploy-contents" data-testid="deploy-contents">
      <h2 className="small">Inside the download</h2>
      <ul className="small">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
