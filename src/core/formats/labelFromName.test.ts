import { describe, expect, it } from 'vitest';
import { baseName, extensionOf, labelFromName } from './labelFromName';

describe('labelFromName', () => {
  it.each([
    ['idle.01.json', 'idle'],
    ['wave.s1.2024.csv', 'wave'],
    ['dir/sub/yes.abc123.wav', 'yes'],
    ['C:\\data\\no.x.cbor', 'no'],
    ['idle.json', null],
    ['idle', null],
    ['.hidden.x.csv', null],
    ['dir.with.dots/idle.csv', null],
  ])('%s → %s', (name, label) => expect(labelFromName(name)).toBe(label));
});

describe('baseName and extensionOf', () => {
  it.each([
    ['idle.01.json', 'idle.01', '.json'],
    ['a/b/c.WAV', 'c', '.wav'],
    ['C:\\x\\y.csv', 'y', '.csv'],
    ['noext', 'noext', ''],
    ['.bashrc', '.bashrc', ''],
  ])('%s → %s, %s', (name, base, ext) => {
    expect(baseName(name)).toBe(base);
    expect(extensionOf(name)).toBe(ext);
  });
});
