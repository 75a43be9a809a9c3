import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { BOARD_IDS, BOARDS, boardFloatCosts, deployableBoards, getBoard } from './boards';
import { CORES } from './cores';

describe('board catalogue', () => {
  it('has the ids of DESIGN.md §7, the calibration parts marked', () => {
    expect(deployableBoards().map((b) => b.id)).toEqual([
      'nano33ble',
      'nicla-sense-me',
      'pico',
      'pico2',
      'esp32s3',
      'portenta-h7',
      'sparkfun-edge',
      'nrf9161',
      'nucleo-l4r5zi',
    ]);
    expect(BOARD_IDS.filter((id) => BOARDS[id].calibrationOnly)).toEqual([
      'ek-ra6m4',
      'ek-ra8d1',
      'nucleo-g0b1re',
      'disco-f746ng',
    ]);
    for (const id of BOARD_IDS) expect(BOARDS[id].id).toBe(id);
  });

  it('holds the figures DESIGN.md §7 gives for each board', () => {
    const design: Record<string, [string, number, number, number]> = {
      nano33ble: ['cortex-m4f', 64, 256, 1024],
      'nicla-sense-me': ['cortex-m4f', 64, 64, 512],
      pico: ['cortex-m0plus', 133, 264, 2048],
      pico2: ['cortex-m33', 150, 520, 4096],
      'portenta-h7': ['cortex-m7', 480, 1024, 2048],
      'sparkfun-edge': ['cortex-m4f', 48, 384, 1024],
      nrf9161: ['cortex-m33', 64, 256, 1024],
      'nucleo-l4r5zi': ['cortex-m4f', 120, 640, 2048],
      'ek-ra6m4': ['cortex-m33', 200, 256, 1024],
      'ek-ra8d1': ['cortex-m85', 480, 1024, 2048],
      'nucleo-g0b1re': ['cortex-m0plus', 64, 144, 512],
      'disco-f746ng': ['cortex-m7', 216, 320, 1024],
    };
    for (const [id, [core, mhz, ram, flash]] of Object.entries(design)) {
      const b = getBoard(id);
      expect([b.core, b.clockMhz, b.ramKb, b.flashKb], id).toEqual([core, mhz, ram, flash]);
    }
    expect([getBoard('esp32s3').core, getBoard('esp32s3').clockMhz, getBoard('esp32s3').ramKb]).toEqual([
      'xtensa-lx7',
      240,
      512,
    ]);
    expect(getBoard('ek-ra8d1').helium).toBe(true);
  });

  it('names a source for every figure and says what the runtime takes', () => {
    for (const id of BOARD_IDS) {
      const b = BOARDS[id];
      for (const [field, source] of Object.entries(b.sources))
        expect(source.length, `${id} ${field}`).toBeGreaterThan(5);
      expect(b.runtime.note.length, id).toBeGreaterThan(10);
      expect(b.runtime.flashKb + b.runtime.ramKb).toBeLessThan(b.flashKb + b.ramKb);
      expect(b.constantMemory.note.length, id).toBeGreaterThan(5);
      // An FPU or SIMD flag must be one the core family can have.
      if (b.helium) expect(CORES[b.core].simd).toBe('helium');
      if (b.dspExtension) expect(['dsp', 'helium']).toContain(CORES[b.core].simd);
    }
    expect(getBoard('nano33ble').runtime.runtime).toMatch(/Mbed OS/);
  });

  it('rejects an unknown id with the list of known ones', () => {
    expect(() => getBoard('uno')).toThrow(StudioError);
    expect(() => getBoard('uno')).toThrow(/Unknown board "uno": use one of nano33ble, nicla-sense-me/);
  });

  it('prices float32 on the FPU where there is one, else in software', () => {
    const nano = boardFloatCosts(getBoard('nano33ble'));
    expect(nano.singleInHardware).toBe(true);
    expect(nano.doubleInHardware).toBe(false);
    expect(nano.single.add).toBe(1);
    const pico = boardFloatCosts(getBoard('pico'));
    // The RP2040 boot ROM routines, not libgcc's.
    expect(pico.singleInHardware).toBe(false);
    expect(pico.single.add).toBe(76);
    expect(boardFloatCosts(getBoard('nucleo-g0b1re')).single.add).toBe(102);
    expect(boardFloatCosts(getBoard('portenta-h7')).doubleInHardware).toBe(true);
  });
});
