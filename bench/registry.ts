import type { Benchmark } from './types';
import { bundleBench } from './bundle';
import { cliBench } from './cli';
import { compressBench } from './compress';
import { deployBench } from './deploy';
import { dspAudioBench } from './dsp-audio';
import { dspSpectralBench } from './dsp-spectral';
import { mcuBench } from './mcu';
import { mcuProfileBench } from './mcuProfile';
import { parserBench } from './parser';
import { browserBench } from './browser';
import { scaleBench } from './scale';
import { tuneBench } from './tune';

/** Every benchmark, in the order `npm run bench` runs them. */
export const benchmarks: Benchmark[] = [
  bundleBench,
  parserBench,
  dspAudioBench,
  dspSpectralBench,
  mcuBench,
  mcuProfileBench,
  deployBench,
  cliBench,
  compressBench,
  tuneBench,
  browserBench,
  scaleBench,
];
