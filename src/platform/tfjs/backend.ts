import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type BackendChoice = 'wasm' | 'cpu';

export interface ActiveBackend {
  name: BackendChoice;
  /** Why the chosen backend is not the one asked for, if so. */
  note?: string;
}

let active: Promise<ActiveBackend> | null = null;
let activeChoice: BackendChoice | null = null;

/** Where the build serves tfjs's wasm binaries (copied from node_modules by the Vite plugin, never a CDN). */
export const TFJS_WASM_DIR = 'wasm/tfjs/';

async function activate(choice: BackendChoice, baseUrl: string): Promise<ActiveBackend> {
  if (choice === 'wasm') {
    // The threaded wasm build hangs in module workers (DESIGN.md §9): force the single-threaded SIMD one.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(new URL(TFJS_WASM_DIR, baseUrl).href);
    try {
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return { name: 'wasm' };
      }
    } catch (e) {
      await tf.setBackend('cpu');
      return {
        name: 'cpu',
        note: `WebAssembly backend failed to start (${e instanceof Error ? e.message : String(e)}); using the CPU backend.`,
      };
    }
    await tf.setBackend('cpu');
    return { name: 'cpu', note: 'WebAssembly backend is unavailable here; using the CPU backend.' };
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { name: 'cpu' };
}

/** Gradient kernels a convolutional network needs that tfjs's wasm backend (4.22) does not implement. */
const CONV_GRADIENTS = ['Conv2DBackpropFilter', 'Conv2DBackpropInput'];

/**
 * The backend to train a network on: the choice, except that convolutional networks go to cpu when the wasm
 * backend lacks their gradient kernels (the note says so).
 */
export async function trainingBackend(
  choice: BackendChoice,
  baseUrl: string,
  convolutional: boolean,
): Promise<ActiveBackend> {
  const backend = await useTfBackend(choice, baseUrl);
  if (backend.name !== 'wasm' || !convolutional) return backend;
  const missing = CONV_GRADIENTS.filter((k) => !tf.getKernel(k, 'wasm'));
  if (missing.length === 0) return backend;
  const cpu = await useTfBackend('cpu', baseUrl);
  return {
    ...cpu,
    note: `The WebAssembly backend has no ${missing.join(' or ')} kernel, which convolutional networks need to learn; this network trains on the CPU backend.`,
  };
}

/** Switches tfjs to the backend (once per choice); falls back to cpu with a note when wasm cannot start. */
export function useTfBackend(choice: BackendChoice, baseUrl: string): Promise<ActiveBackend> {
  if (!active || activeChoice !== choice) {
    activeChoice = choice;
    active = activate(choice, baseUrl);
  }
  return active;
}
