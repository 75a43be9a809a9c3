import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

/**
 * tfjs in Node: the wasm backend (single-threaded, as in the studio's worker) or plain cpu. Convolutional
 * networks use cpu, as in the studio: tfjs's wasm backend has no convolution gradient kernels.
 */
export async function useNodeBackend(choice: 'wasm' | 'cpu', convolutional = false): Promise<string> {
  if (choice === 'wasm' && !convolutional) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return 'wasm';
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}
