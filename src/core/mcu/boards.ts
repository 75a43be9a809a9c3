/**
 * The board catalogue (DESIGN.md §7): part, core, clock, RAM, flash, FPU, DSP extension or Helium, what the
 * board's own core and runtime take, its sensors, how its constant data (weights) is read, and where each figure
 * comes from. Ids are the CLI's `--board` and the JSON `board` values. Boards marked `calibrationOnly` carry a
 * published measurement (calibration.ts) and are not offered as deployment targets.
 */
import { StudioError } from '../errors';
import {
  RP2040_ROM_DOUBLE,
  RP2040_ROM_SINGLE,
  RP2350_DCP_DOUBLE,
  getCore,
  type CoreFamily,
  type FloatCosts,
} from './cores';

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

const MBED_NOTE =
  'Arduino Mbed OS core: an empty sketch builds to about 83 KB of flash and 45 KB of RAM (Mbed OS 6 with its ' +
  'RTOS and the USB serial stack), as the Arduino IDE reports it; the 64 KB boot loader sits outside the ' +
  '983 040 bytes a sketch may use.';

export const BOARDS: Record<BoardId, Board> = {
  nano33ble: {
    id: 'nano33ble',
    name: 'Arduino Nano 33 BLE Sense (Rev1 / Rev2)',
    part: 'Nordic nRF52840',
    core: 'cortex-m4f',
    clockMhz: 64,
    ramKb: 256,
    flashKb: 1024,
    fpu: 'single',
    dspExtension: true,
    helium: false,
    runtime: {
      runtime: 'Arduino Mbed OS Nano core (Mbed OS 6)',
      flashKb: 64 + 83,
      ramKb: 45,
      note: MBED_NOTE,
    },
    sensors: [
      'IMU: LSM9DS1 (Rev1) / BMI270 + BMM150 (Rev2), accelerometer, gyroscope, magnetometer',
      'PDM microphone: MP34DT05 (Rev1) / MP34DT06JTR (Rev2)',
      'APDS-9960 gesture, proximity, light and colour',
      'LPS22HB pressure',
      'HTS221 (Rev1) / HS3003 (Rev2) temperature and humidity',
    ],
    constantMemory: {
      where: 'internal flash',
      stallCyclesPerByte: 0.25,
      dataCacheKb: 0,
      note: 'assumed ≈ 1 wait state per 32-bit flash read at 64 MHz; the NVMC cache serves instruction fetches',
    },
    calibrationOnly: false,
    sources: {
      part: 'Arduino Nano 33 BLE Sense product page (ABX00031 / ABX00069)',
      clock: 'nRF52840 Product Specification: Arm Cortex-M4 with FPU, 64 MHz',
      memory: 'nRF52840 Product Specification: 1 MB flash, 256 KB RAM',
      fpu: 'nRF52840 Product Specification: single-precision FPU, DSP instructions',
      runtime: 'Arduino IDE build report, Arduino Mbed OS Nano Boards core (approximate)',
      sensors: 'Arduino Nano 33 BLE Sense Rev1 and Rev2 datasheets',
      constantMemory: 'assumption (see note)',
    },
  },
  'nicla-sense-me': {
    id: 'nicla-sense-me',
    name: 'Arduino Nicla Sense ME',
    part: 'Nordic nRF52832',
    core: 'cortex-m4f',
    clockMhz: 64,
    ramKb: 64,
    flashKb: 512,
    fpu: 'single',
    dspExtension: true,
    helium: false,
    runtime: {
      runtime: 'Arduino Mbed OS Nicla core + Arduino_BHY2',
      flashKb: 90,
      ramKb: 35,
      note:
        'assumed close to the Nano 33 BLE core (same Mbed OS and nRF5 drivers) plus the BHY2 host library; the ' +
        "BHI260AP's sensor-fusion firmware runs on the sensor itself, not in the nRF52832's memory",
    },
    sensors: [
      'BHI260AP 6-axis IMU with its own fusion processor',
      'BMM150 magnetometer',
      'BMP390 pressure',
      'BME688 gas, humidity, temperature',
    ],
    constantMemory: {
      where: 'internal flash',
      stallCyclesPerByte: 0.25,
      dataCacheKb: 0,
      note: 'assumed like the nRF52840',
    },
    calibrationOnly: false,
    sources: {
      part: 'Arduino Nicla Sense ME product page (ABX00050)',
      clock: 'nRF52832 Product Specification: Arm Cortex-M4 with FPU, 64 MHz',
      memory: 'nRF52832 Product Specification: 512 KB flash, 64 KB RAM',
      fpu: 'nRF52832 Product Specification: single-precision FPU, DSP instructions',
      runtime: 'assumption (see note)',
      sensors: 'Arduino Nicla Sense ME datasheet',
      constantMemory: 'assumption (see note)',
    },
  },
  pico: {
    id: 'pico',
    name: 'Raspberry Pi Pico',
    part: 'Raspberry Pi RP2040',
    core: 'cortex-m0plus',
    clockMhz: 133,
    ramKb: 264,
    flashKb: 2048,
    fpu: 'none',
    dspExtension: false,
    helium: false,
    runtime: {
      runtime: 'Pico SDK, bare metal (one core)',
      flashKb: 10,
      ramKb: 6,
      note: 'assumed: the SDK runtime, boot stage 2 (256 B) and the two 2 KB core stacks; USB serial adds about 12 KB',
    },
    sensors: ['on-chip temperature sensor (ADC input 4)'],
    constantMemory: {
      where: 'external flash',
      stallCyclesPerByte: 7,
      dataCacheKb: 16,
      note:
        'weights execute-in-place from the QSPI flash through the 16 KB XIP cache; a missed 8-byte line costs ' +
        '≈ 28 QSPI clocks at clk_sys/2 (estimated)',
    },
    softFloat: { single: RP2040_ROM_SINGLE, double: RP2040_ROM_DOUBLE },
    calibrationOnly: false,
    sources: {
      part: 'Raspberry Pi Pico datasheet',
      clock: 'RP2040 datasheet: dual Cortex-M0+ up to 133 MHz (one core modelled)',
      memory: 'Raspberry Pi Pico datasheet: 264 KB SRAM, 2 MB QSPI flash (W25Q16JV)',
      fpu: 'RP2040 datasheet: no FPU; boot ROM float library',
      runtime: 'assumption (see note)',
      sensors: 'RP2040 datasheet (ADC temperature sensor)',
      constantMemory: 'RP2040 datasheet §2.6.3 (XIP cache); stall estimated',
    },
  },
  pico2: {
    id: 'pico2',
    name: 'Raspberry Pi Pico 2',
    part: 'Raspberry Pi RP2350',
    core: 'cortex-m33',
    clockMhz: 150,
    ramKb: 520,
    flashKb: 4096,
    fpu: 'single',
    dspExtension: true,
    helium: false,
    runtime: {
      runtime: 'Pico SDK, bare metal (one Cortex-M33 core)',
      flashKb: 10,
      ramKb: 6,
      note: 'assumed as for the Pico',
    },
    sensors: ['on-chip temperature sensor'],
    constantMemory: {
      where: 'external flash',
      stallCyclesPerByte: 6,
      dataCacheKb: 16,
      note: 'QSPI flash through the 16 KB XIP cache, as on the RP2040 (estimated)',
    },
    softFloat: { double: RP2350_DCP_DOUBLE },
    calibrationOnly: false,
    sources: {
      part: 'Raspberry Pi Pico 2 datasheet',
      clock: 'RP2350 datasheet: dual Cortex-M33 at 150 MHz (one core modelled)',
      memory: 'Raspberry Pi Pico 2 datasheet: 520 KB SRAM, 4 MB QSPI flash',
      fpu: 'RP2350 datasheet: Cortex-M33 with FPU (single), DSP extension, double-precision coprocessor',
      runtime: 'assumption (see note)',
      sensors: 'RP2350 datasheet',
      constantMemory: 'RP2350 datasheet (XIP cache); stall estimated',
    },
  },
  esp32s3: {
    id: 'esp32s3',
    name: 'Espressif ESP32-S3-DevKitC-1 (N8)',
    part: 'Espressif ESP32-S3',
    core: 'xtensa-lx7',
    clockMhz: 240,
    ramKb: 512,
    flashKb: 8192,
    fpu: 'single',
    dspExtension: false,
    helium: false,
    runtime: {
      runtime: 'ESP-IDF (FreeRTOS), Wi-Fi off',
      flashKb: 150,
      ramKb: 35,
      note: "assumed: ESP-IDF's second-stage boot loader, FreeRTOS and drivers with the radio unused",
    },
    sensors: [],
    constantMemory: {
      where: 'external flash',
      stallCyclesPerByte: 2.8,
      dataCacheKb: 32,
      note: 'weights mapped from the module flash through the data cache; a 32-byte line ≈ 90 cycles at 240 MHz (estimated)',
    },
    calibrationOnly: false,
    sources: {
      part: 'ESP32-S3-DevKitC-1 user guide (ESP32-S3-WROOM-1-N8 module)',
      clock: 'ESP32-S3 datasheet: dual Xtensa LX7 up to 240 MHz (one core modelled)',
      memory: 'ESP32-S3 datasheet: 512 KB SRAM; module: 8 MB flash',
      fpu: 'ESP32-S3 Technical Reference Manual: single-precision FPU, PIE vector instructions',
      runtime: 'assumption (see note)',
      sensors: 'ESP32-S3-DevKitC-1 user guide (no sensors)',
      constantMemory: 'ESP32-S3 TRM (cache); stall estimated',
    },
  },
  'portenta-h7': {
    id: 'portenta-h7',
    name: 'Arduino Portenta H7',
    part: 'STMicroelectronics STM32H747XI',
    core: 'cortex-m7',
    clockMhz: 480,
    ramKb: 1024,
    flashKb: 2048,
    fpu: 'double',
    dspExtension: true,
    helium: false,
    runtime: {
      runtime: 'Arduino Mbed OS Portenta core (Cortex-M7)',
      flashKb: 150,
      ramKb: 60,
      note: "assumed: the Nano's Mbed OS figure plus the H7's larger drivers; the Cortex-M4 core is left idle",
    },
    sensors: [],
    constantMemory: {
      where: 'internal flash',
      stallCyclesPerByte: 0.2,
      dataCacheKb: 16,
      note: 'flash on the 240 MHz AXI bus with 2 wait states and 256-bit words; 16 KB L1 data cache',
    },
    calibrationOnly: false,
    sources: {
      part: 'Arduino Portenta H7 product page (ABX00042)',
      clock: 'STM32H747XI datasheet: Cortex-M7 at 480 MHz and Cortex-M4 at 240 MHz (the M7 modelled)',
      memory: 'STM32H747XI datasheet: 2 MB flash, 1 MB RAM',
      fpu: 'STM32H747XI datasheet: double-precision FPU, L1 caches 16 KB I + 16 KB D',
      runtime: 'assumption (see note)',
      sensors: 'Arduino Portenta H7 datasheet (sensors come on shields)',
      constantMemory: 'RM0399 flash latency table; stall estimated',
    },
  },
  'sparkfun-edge': {
    id: 'sparkfun-edge',
    name: 'SparkFun Edge',
    part: 'Ambiq Apollo3 Blue',
    core: 'cortex-m4f',
    clockMhz: 48,
    ramKb: 384,
    flashKb: 1024,
    fpu: 'single',
    dspExtension: true,
    helium: false,
    runtime: {
      runtime: 'AmbiqSuite, bare metal',
      flashKb: 20,
      ramKb: 8,
      note: "assumed: the HAL and board support of SparkFun's TensorFlow Lite examples",
    },
    sensors: ['ST LIS2DH12 3-axis accelerometer', 'two MEMS microphones', 'camera connector (HM01B0)'],
    constantMemory: {
      where: 'internal flash',
      stallCyclesPerByte: 0.1,
      dataCacheKb: 0,
      note: 'assumed: flash with zero wait states at 48 MHz behind the flash cache',
    },
    calibrationOnly: false,
    sources: {
      part: 'SparkFun Edge Development Board product page (DEV-15170)',
      clock: 'Apollo3 Blue datasheet: Cortex-M4F at 48 MHz, 96 MHz TurboSPOT burst (48 MHz modelled)',
      memory: 'Apollo3 Blue datasheet: 1 MB flash, 384 KB SRAM',
      fpu: 'Apollo3 Blue datasheet: Cortex-M4F with FPU',
      runtime: 'assumption (see note)',
      sensors: 'SparkFun Edge hookup guide',
      constantMemory: 'assumption (see note)',
    },
  },
  nrf9161: {
    id: 'nrf9161',
    name: 'Nordic nRF9161 DK',
    part: 'Nordic nRF9161 (LTE-M/NB-IoT SiP)',
    core: 'cortex-m33',
    clockMhz: 64,
    ramKb: 256,
    flashKb: 1024,
    fpu: 'single',
    dspExtension: true,
    helium: false,
    runtime: {
      runtime: 'nRF Connect SDK (Zephyr, TF-M, modem library)',
      flashKb: 200,
      ramKb: 70,
      note:
        'assumed: the TF-M secure image, Zephyr and the modem library with its shared-memory buffers, ' +
        'which the LTE modem needs in application RAM',
    },
    sensors: [],
    constantMemory: {
      where: 'internal flash',
      stallCyclesPerByte: 0.25,
      dataCacheKb: 0,
      note: 'assumed like the nRF52 series',
    },
    calibrationOnly: false,
    sources: {
      part: 'nRF9161 DK product page',
      clock: 'nRF9161 Product Specification: application processor Arm Cortex-M33, 64 MHz',
      memory: 'nRF9161 Product Specification: 1 MB flash, 256 KB RAM',
      fpu: 'nRF9161 Product Specification: FPU, DSP instructions, TrustZone',
      runtime: 'assumption (see note)',
      sensors: 'nRF9161 DK hardware guide (no sensors on the DK)',
      constantMemory: 'assumption (see note)',
    },
  },
  'nucleo-l4r5zi': {
    id: 'nucleo-l4r5zi',
    name: 'STM32 NUCLEO-L4R5ZI',
    part: 'STMicroelectronics STM32L4R5ZIT6',
    core: 'cortex-m4f',
    clockMhz: 120,
    ramKb: 640,
    flashKb: 2048,
    fpu: 'single',
    dspExtension: true,
    helium: false,
    runtime: {
      runtime: 'STM32Cube HAL, bare metal',
      flashKb: 12,
      ramKb: 3,
      note: 'assumed: HAL start-up, clock set-up and a UART',
    },
    sensors: [],
    constantMemory: {
      where: 'internal flash',
      stallCyclesPerByte: 0.6,
      dataCacheKb: 0,
      note:
        '5 wait states at 120 MHz (range 1 boost) for each 64-bit flash read; the ART prefetch serves instructions, ' +
        'its few data-cache lines hold no weight set',
    },
    calibrationOnly: false,
    sources: {
      part: 'NUCLEO-L4R5ZI product page (UM2179)',
      clock: 'STM32L4R5 datasheet (DS12023): Cortex-M4F at 120 MHz',
      memory: 'STM32L4R5 datasheet: 2 MB flash, 640 KB SRAM',
      fpu: 'STM32L4R5 datasheet: FPU, DSP instructions, ART Accelerator',
      runtime: 'assumption (see note)',
      sensors: 'UM2179 (no sensors on the Nucleo)',
      constantMemory: 'RM0432 flash read latency table',
    },
  },
  'ek-ra6m4': {
    id: 'ek-ra6m4',
    name: 'Renesas EK-RA6M4',
    part: 'Renesas RA6M4 (R7FA6M4AF3CFB)',
    core: 'cortex-m33',
    clockMhz: 200,
    ramKb: 256,
    flashKb: 1024,
    fpu: 'single',
    dspExtension: true,
    helium: false,
    runtime: {
      runtime: 'Renesas FSP, bare metal',
      flashKb: 12,
      ramKb: 3,
      note: 'assumed: FSP start-up and a UART',
    },
    sensors: [],
    constantMemory: {
      where: 'internal flash',
      stallCyclesPerByte: 0.4,
      dataCacheKb: 0,
      note: 'assumed ≈ 3 wait states per 64-bit code-flash read at 200 MHz',
    },
    calibrationOnly: true,
    sources: {
      part: 'EK-RA6M4 user manual',
      clock: 'RA6M4 datasheet: Cortex-M33 at 200 MHz',
      memory: 'RA6M4 datasheet: 1 MB code flash, 256 KB SRAM',
      fpu: 'RA6M4 datasheet: FPU, DSP extension, TrustZone',
      runtime: 'assumption (see note)',
      sensors: 'EK-RA6M4 user manual',
      constantMemory: 'assumption (see note)',
    },
  },
  'ek-ra8d1': {
    id: 'ek-ra8d1',
    name: 'Renesas EK-RA8D1',
    part: 'Renesas RA8D1 (R7FA8D1BHECBD)',
    core: 'cortex-m85',
    clockMhz: 480,
    ramKb: 1024,
    flashKb: 2048,
    fpu: 'double',
    dspExtension: true,
    helium: true,
    runtime: {
      runtime: 'Renesas FSP, bare metal',
      flashKb: 12,
      ramKb: 3,
      note: 'assumed: FSP start-up and a UART',
    },
    sensors: [],
    constantMemory: {
      where: 'internal flash',
      stallCyclesPerByte: 0.6,
      dataCacheKb: 32,
      note:
        'assumed: a ≈ 20 ns code-flash read is ≈ 10 cycles at 480 MHz for each 128-bit word; the Cortex-M85 data ' +
        'cache keeps a convolution’s weights but not a dense layer streamed once',
    },
    calibrationOnly: true,
    sources: {
      part: 'EK-RA8D1 user manual',
      clock: 'RA8D1 datasheet: Cortex-M85 with Helium at 480 MHz',
      memory: 'RA8D1 datasheet: 2 MB code flash, 1 MB SRAM',
      fpu: 'RA8D1 datasheet: double-precision FPU, Helium (MVE)',
      runtime: 'assumption (see note)',
      sensors: 'EK-RA8D1 user manual',
      constantMemory: 'assumption (see note)',
    },
  },
  'nucleo-g0b1re': {
    id: 'nucleo-g0b1re',
    name: 'STM32 NUCLEO-G0B1RE',
    part: 'STMicroelectronics STM32G0B1RET6',
    core: 'cortex-m0plus',
    clockMhz: 64,
    ramKb: 144,
    flashKb: 512,
    fpu: 'none',
    dspExtension: false,
    helium: false,
    runtime: {
      runtime: 'STM32Cube HAL, bare metal',
      flashKb: 10,
      ramKb: 2,
      note: 'assumed: HAL start-up and a UART',
    },
    sensors: [],
    constantMemory: {
      where: 'internal flash',
      stallCyclesPerByte: 0.25,
      dataCacheKb: 0,
      note: '2 wait states at 64 MHz for each 64-bit flash read',
    },
    calibrationOnly: true,
    sources: {
      part: 'NUCLEO-G0B1RE product page',
      clock: 'STM32G0B1 datasheet: Cortex-M0+ at 64 MHz',
      memory: 'STM32G0B1 datasheet: 512 KB flash, 144 KB SRAM',
      fpu: 'STM32G0B1 datasheet: no FPU',
      runtime: 'assumption (see note)',
      sensors: 'NUCLEO-G0B1RE user manual',
      constantMemory: 'RM0444 flash read latency table',
    },
  },
  'disco-f746ng': {
    id: 'disco-f746ng',
    name: 'STM32F746G-DISCO',
    part: 'STMicroelectronics STM32F746NGH6',
    core: 'cortex-m7',
    clockMhz: 216,
    ramKb: 320,
    flashKb: 1024,
    fpu: 'single',
    dspExtension: true,
    helium: false,
    runtime: {
      runtime: 'STM32Cube HAL, bare metal',
      flashKb: 12,
      ramKb: 3,
      note: 'assumed: HAL start-up and a UART',
    },
    sensors: [],
    constantMemory: {
      where: 'internal flash',
      stallCyclesPerByte: 0.25,
      dataCacheKb: 4,
      note: '7 wait states at 216 MHz for each 256-bit flash read over AXI; 4 KB L1 data cache',
    },
    calibrationOnly: true,
    sources: {
      part: 'STM32F746G-DISCO product page',
      clock: 'STM32F746 datasheet: Cortex-M7 at 216 MHz',
      memory: 'STM32F746 datasheet: 1 MB flash, 320 KB SRAM',
      fpu: 'STM32F746 datasheet: single-precision FPU, 4 KB I + 4 KB D L1 caches',
      runtime: 'assumption (see note)',
      sensors: 'STM32F746G-DISCO user manual',
      constantMemory: 'RM0385 flash read latency table',
    },
  },
};

/**
 * What the cost model needs to know of a target: a catalogue board, or a part described only by its core and clock
 * (as the Edge Impulse figures in calibration.ts are).
 */
export type Target = Pick<
  Board,
  'name' | 'core' | 'clockMhz' | 'fpu' | 'dspExtension' | 'helium' | 'constantMemory' | 'softFloat'
>;

/** The boards a model can be profiled for and deployed to (calibration parts left out). */
export function deployableBoards(): Board[] {
  return BOARD_IDS.map((id) => BOARDS[id]).filter((b) => !b.calibrationOnly);
}

export function isBoardId(id: string): id is BoardId {
  return (BOARD_IDS as readonly string[]).includes(id);
}

/** The board for an id, or StudioError('mcu-board') listing the known ids. */
export function getBoard(id: string): Board {
  if (!isBoardId(id))
    throw new StudioError(
      'mcu-board',
      `Unknown board "${id}": use one of ${BOARD_IDS.filter((b) => !BOARDS[b].calibrationOnly).join(', ')} ` +
        `(calibration parts: ${BOARD_IDS.filter((b) => BOARDS[b].calibrationOnly).join(', ')}).`,
    );
  return BOARDS[id];
}

/** The float32 and float64 costs on a board: its FPU where it has one, else its software routines. */
export function boardFloatCosts(board: Target): {
  single: FloatCosts;
  double: FloatCosts;
  singleInHardware: boolean;
  doubleInHardware: boolean;
} {
  const core = getCore(board.core);
  const singleInHardware = board.fpu !== 'none' && core.singleFpu !== null;
  const doubleInHardware = board.fpu === 'double' && core.doubleFpu !== null;
  return {
    single: singleInHardware ? core.singleFpu! : (board.softFloat?.single ?? core.softSingle),
    double: doubleInHardware ? core.doubleFpu! : (board.softFloat?.double ?? core.softDouble),
    singleInHardware,
    doubleInHardware,
  };
}
