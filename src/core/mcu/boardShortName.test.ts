import { describe, expect, it } from 'vitest';
import { BOARD_IDS, BOARDS } from './boards';
import { boardShortName } from './boardShortName';

describe('boardShortName', () => {
  it('gives every catalogue board a short name, distinct and shorter than the full one', () => {
    const names = BOARD_IDS.map((id) => boardShortName(id));
    for (const [i, id] of BOARD_IDS.entries()) {
      expect(names[i], id).toMatch(/\S/);
      expect(names[i].length, id).toBeLessThanOrEqual(Math.min(BOARDS[id].name.length, 18));
    }
    expect(new Set(names).size).toBe(BOARD_IDS.length);
  });

  it('keeps the words a user knows the board by', () => {
    expect(boardShortName('nano33ble')).toBe('Nano 33 BLE Sense');
    expect(boardShortName('pico2')).toBe('Pico 2');
    for (const id of BOARD_IDS) {
      const words = boardShortName(id).split(' ');
      // Each word of the short name is in the full name (the short name drops words, it does not invent them).
      for (const word of words) expect(BOARDS[id].name, id).toContain(word);
    }
  });
});
