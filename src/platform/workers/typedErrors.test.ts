import { expose, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { FormatError, StudioError, isStudioError } from '../../core/errors';
import { typedThrowHandler } from './typedErrors';

const channels: MessageChannel[] = [];

/** Calls `fail` on the far side of a real message channel and returns what the caller catches. */
async function thrownAcross(fail: () => unknown): Promise<unknown> {
  const channel = new MessageChannel();
  channels.push(channel);
  expose({ fail }, channel.port1);
  const remote = wrap<{ fail: () => unknown }>(channel.port2);
  try {
    await remote.fail();
  } catch (e) {
    return e;
  }
  throw new Error('expected the remote call to throw');
}

afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

describe('typed errors across comlink', () => {
  it('keeps a StudioError and its code, so a cancel is recognised', async () => {
    const e = await thrownAcross(() => {
      throw new StudioError('cancelled', 'Feature generation was cancelled.');
    });
    expect(isStudioError(e)).toBe(true);
    expect(e).toMatchObject({ code: 'cancelled', message: 'Feature generation was cancelled.' });
    expect((e as Error).stack).toContain('typedErrors.test');
  });

  it('rebuilds a FormatError with its file name and message', async () => {
    const e = await thrownAcross(() => {
      throw new FormatError('bad-csv', 'wave.1.csv', 'row 3 has 2 fields, the header 4');
    });
    expect(e).toBeInstanceOf(FormatError);
    expect(e).toMatchObject({
      code: 'bad-csv',
      fileName: 'wave.1.csv',
      message: 'wave.1.csv: row 3 has 2 fields, the header 4',
      name: 'FormatError',
    });
  });

  it('keeps the name of a StudioError subclass', async () => {
    class PayloadError extends StudioError {
      constructor() {
        super('payload', 'The payload ended early.');
        this.name = 'PayloadError';
      }
    }
    const e = await thrownAcross(() => {
      throw new PayloadError();
    });
    expect(isStudioError(e)).toBe(true);
    expect(e).toMatchObject({ name: 'PayloadError', code: 'payload' });
  });

  it('gives a plain Error for other errors, and other thrown values as they are', async () => {
    const plain = await thrownAcross(() => {
      throw new RangeError('out of range');
    });
    expect(isStudioError(plain)).toBe(false);
    expect(plain).toBeInstanceOf(Error);
    expect(plain).toMatchObject({ name: 'RangeError', message: 'out of range' });
    expect(await thrownAcross(() => Promise.reject('just text'))).toBe('just text');
  });

  it('serialises to structured-cloneable data without transferables', () => {
    const [wire, transferables] = typedThrowHandler.serialize({
      value: new FormatError('empty-file', 'a.wav', 'the file is empty (0 bytes)'),
    });
    expect(transferables).toEqual([]);
    expect(structuredClone(wire)).toEqual(wire);
    expect(() => typedThrowHandler.deserialize(wire)).toThrow(FormatError);
  });
});
