/**
 * What each processing block's C emitter gives the generator: it adds its settings, tables, buffers and step
 * routines to the unit and names the routine `static void <entry>(const float *window, float *features)`
 * that computes the block's features of one window (WINDOW_FRAMES × WINDOW_AXES values, interleaved by axis).
 */
import type { BlockParams, WindowShape } from '../../dsp/block';
import type { CUnit } from './cUnit';

export interface EmittedBlock {
  /** The C function computing the features of one window. */
  entry: string;
  /** How the C arithmetic relates to the TypeScript block's, for the file's header comment. */
  arithmetic: string;
}

export type BlockEmitter<P extends BlockParams = BlockParams> = (
  unit: CUnit,
  params: P,
  shape: WindowShape,
) => EmittedBlock;
