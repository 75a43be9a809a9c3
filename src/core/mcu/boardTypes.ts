/** The board catalogue's ids and record types (boards.ts holds the catalogue, DESIGN.md §7). */
import type { CoreFamily, FloatCosts } from './cores';

export const BOARD_IDS = [
  'nano33ble',
  'nicla-sense-me',
  'pico',
  'pico2',
  'esp32s3',
  'portenta-h7',
  'sparkfun-edge',
  'nrf9161',
  'nucleo-l4r5zi',
  'ek-ra6m4',
  'ek-ra8d1',
  'nucleo-g0b1re',
  'disco-f746ng',
] as const;

export type BoardId = (typeof BOARD_IDS)[number];

export type FpuKind = 'none' | 'single' | 'double';

/** What the board's own firmware (boot loader, OS core, drivers) takes before the model gets any memory. */
export interface RuntimeReserve {
  runtime: string;
  flashKb: number;
  ramKb: number;
  /** What the figures assume and why. */
  note: string;
}

/**
 * How constant data (weights) is read: from internal flash with wait states, or from external QSPI flash
 * through a cache. `stallCyclesPerByte` is what a byte that misses every cache costs beyond the load itself;
 * data that fits in `dataCacheKb` is read from flash once per inference.
 */
export interface ConstantMemory {
  where: 'internal flash' | 'external flash';
  stallCyclesPerByte: number;
  dataCacheKb: number;
  note: string;
}

export interface BoardSources {
  part: string;
  clock: string;
  memory: string;
  fpu: string;
  runtime: string;
  sensors: string;
  constantMemory: string;
}

export interface Board {
  id: BoardId;
  name: string;
  part: string;
  core: CoreFamily;
  clockMhz: number;
  ramKb: number;
  flashKb: number;
  fpu: FpuKind;
  /** The Armv7E-M/Armv8-M DSP extension (SMLAD…), which CMSIS-NN's fast int8 paths need. */
  dspExtension: boolean;
  helium: boolean;
  runtime: RuntimeReserve;
  sensors: string[];
  constantMemory: ConstantMemory;
  /** Software float routines other than the core's libgcc ones (the RP2040 ROM, the RP2350 coprocessor). */
  softFloat?: { single?: FloatCosts; double?: FloatCosts };
  /** A calibration part: it has a published measurement and is not a deployment target. */
  calibrationOnly: boolean;
  sources: BoardSources;
}

/**
 * What the cost model needs to know of a target: a catalogue board, or a part described only by its core and clock
 * (as the Edge Impulse figures in calibration.ts are).
 */
export type Target = Pick<
  Board,
  'name' | 'core' | 'clockMhz' | 'fpu' | 'dspExtension' | 'helium' | 'constantMemory' | 'softFloat'
>;
