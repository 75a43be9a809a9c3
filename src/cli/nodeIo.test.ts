import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeIo } from './nodeIo';

describe('nodeIo output files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'studio-io-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('streams text and bytes into a file, creating its folders', async () => {
    const path = join(dir, 'a', 'b', 'out.bin');
    const out = await nodeIo().openOutput(path);
    expect(out.isTerminal).toBe(false);
    await out.write('AB');
    await out.write(Uint8Array.of(0x43, 0x44));
    await out.close();
    expect(readFileSync(path, 'latin1')).toBe('ABCD');
  });

  it('removes the file when the output is aborted', async () => {
    const path = join(dir, 'half.json');
    const out = await nodeIo().openOutput(path);
    await out.write('{"shape":');
    await out.abort();
    expect(existsSync(path)).toBe(false);
  });
});

describe.skipIf(!existsSync('/dev/full'))('nodeIo output errors', () => {
  it('reports a failed write (ENOSPC on /dev/full) on a later write and on close', async () => {
    const out = await nodeIo().openOutput('/dev/full');
    await out.write('a');
    await expect(out.write('b')).rejects.toThrow(/ENOSPC/);
    await expect(out.close()).rejects.toThrow(/ENOSPC/);
  });
});
