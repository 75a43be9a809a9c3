import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET_BOARD, targetBoard } from './targetBoard';

describe('target board', () => {
  it('is the stored board when it is a deployment target, else the Nano 33 BLE Sense', () => {
    expect(targetBoard('pico2').id).toBe('pico2');
    expect(targetBoard(undefined).id).toBe(DEFAULT_TARGET_BOARD);
    expect(targetBoard('no-such-board').id).toBe('nano33ble');
    // A calibration part is not offered as a target.
    expect(targetBoard('ek-ra6m4').id).toBe('nano33ble');
  });
});
