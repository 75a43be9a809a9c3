import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { CommandDecoder, encodeCommand, type CommandDecoderEvent } from './hostCommands';
import type { HostCommand } from './studioFrames';
import { encodeText } from './studioEncoder';
import { concat, everySplit, randomChunks, seededRandom } from './testUtils/streams';

const commands: HostCommand[] = [
  { type: 'hello' },
  { type: 'start', sensorId: 1 },
  { type: 'stop', sensorId: 254 },
  { type: 'stop', sensorId: 'all' },
  { type: 'set-rate', sensorId: 2, hz: 59.5 },
];

function decodeAll(chunks: Uint8Array[]): CommandDecoderEvent[] {
  const decoder = new CommandDecoder();
  return chunks.flatMap((c) => decoder.decodeCommands(c));
}

describe('host commands', () => {
  it('encodes the documented bytes', () => {
    const hex = Array.from(encodeCommand({ type: 'start', sensorId: 1 }, 5), (x) =>
      x.toString(16).padStart(2, '0'),
    );
    expect(hex.join(' ')).toBe('a5 5a 82 00 00 05 00 01 00 01 5f 47');
  });

  it('round-trips every command whatever the chunking', () => {
    const bytes = concat(commands.map((c, i) => encodeCommand(c, 65534 + i)));
    const expected = commands.map((command, i) => ({ type: 'command', seq: (65534 + i) & 0xffff, command }));
    for (const chunks of everySplit(bytes)) expect(decodeAll(chunks)).toEqual(expected);
    expect(decodeAll(randomChunks(bytes, seededRandom(3), 5))).toEqual(expected);
  });

  it('skips corrupt commands and device frames sent the wrong way, and keeps the good ones', () => {
    const corrupt = encodeCommand({ type: 'start', sensorId: 3 }, 1).slice();
    corrupt[9] ^= 0x04;
    const deviceFrame = encodeText('not a command', 0);
    const bytes = concat([
      Uint8Array.from([0x00, 0x41, 0xa5]),
      encodeCommand({ type: 'hello' }, 0),
      corrupt,
      deviceFrame,
      encodeCommand({ type: 'set-rate', sensorId: 1, hz: 100 }, 2),
    ]);
    const events = decodeAll([bytes]);
    expect(events.filter((e) => e.type === 'command').map((e) => e.type === 'command' && e.seq)).toEqual([
      0, 2,
    ]);
    expect(events.filter((e) => e.type !== 'command')).toEqual([
      { type: 'garbage', bytes: 3 },
      { type: 'corrupt', reason: 'crc', count: 2, bytes: corrupt.length + deviceFrame.length },
    ]);
  });

  it('survives 1000 random and mutated inputs with typed events only', () => {
    const random = seededRandom(11);
    const valid = concat(commands.map((c, i) => encodeCommand(c, i)));
    for (let i = 0; i < 1000; i++) {
      const input =
        i % 2 === 0
          ? Uint8Array.from({ length: Math.floor(random() * 200) }, () =>
              random() < 0.2 ? 0xa5 : Math.floor(random() * 256),
            )
          : valid.map((b) => (random() < 0.05 ? b ^ (1 << Math.floor(random() * 8)) : b));
      const events = decodeAll(randomChunks(input, random, 16));
      for (const e of events) expect(['command', 'corrupt', 'garbage']).toContain(e.type);
      if (i % 2 === 1) {
        // Whatever got through is one of the commands that were sent.
        for (const e of events) if (e.type === 'command') expect(commands).toContainEqual(e.command);
      }
    }
  });

  it('refuses commands that cannot be encoded', () => {
    expect(() => encodeCommand({ type: 'start', sensorId: 0 }, 0)).toThrow(StudioError);
    expect(() => encodeCommand({ type: 'set-rate', sensorId: 1, hz: 0 }, 0)).toThrow(StudioError);
    expect(() => encodeCommand({ type: 'set-rate', sensorId: 1, hz: NaN }, 0)).toThrow(StudioError);
  });
});
