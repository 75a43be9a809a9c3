import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../interp/testGraphs';
import { cArrayBody, cCall, cFloat, cInt, checkCIdentifier, commentText } from './cLiterals';
import { hostBuild, run, writeFiles } from './testUtils/toolchain';

function literalValues(): number[] {
  const random = seededRandom(3);
  return [
    ...Array.from({ length: 2000 }, () => (random() - 0.5) * 10 ** Math.floor(random() * 78 - 42)),
    1.4e-45,
    1.17549435e-38,
    3.4028234663852886e38,
    -3.4028234663852886e38,
    16777217,
  ];
}

describe('cFloat', () => {
  it('writes short literals with a point and an f', () => {
    expect(cFloat(1)).toBe('1.0f');
    expect(cFloat(0.1)).toBe('0.1f');
    expect(cFloat(-2.5)).toBe('-2.5f');
    expect(cFloat(1 / 256)).toBe('0.00390625f');
    expect(cFloat(3e-8)).toBe('3.0e-8f');
    expect(cFloat(0)).toBe('0.0f');
    expect(cFloat(-0)).toBe('-0.0f');
  });

  it('reads back as the same float32 for random, tiny, subnormal and huge values', () => {
    for (const v of literalValues()) {
      const text = cFloat(v);
      expect(Math.fround(Number(text.slice(0, -1))), text).toBe(Math.fround(v));
    }
  });

  it('gives g++ the same float32 bits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c-literals-'));
    try {
      const values = literalValues();
      const [source] = writeFiles(dir, [
        {
          path: 'literals.c',
          contents: `#include <stdio.h>
#include <string.h>
#include <stdint.h>
static const float values[] = {
${cArrayBody(values, cFloat)}
};
int main(void) {
  size_t i;
  FILE *out = fopen("bits.bin", "wb");
  for (i = 0; i < sizeof values / sizeof values[0]; i++) {
    uint32_t bits;
    memcpy(&bits, &values[i], sizeof bits);
    fwrite(&bits, sizeof bits, 1, out);
  }
  return fclose(out);
}
`,
        },
      ]);
      await hostBuild('the literal check', [source], join(dir, 'literals'));
      await run('The literal check', join(dir, 'literals'), [], dir);
      const bits = new Uint32Array(new Uint8Array(readFileSync(join(dir, 'bits.bin'))).buffer);
      expect(Array.from(bits)).toEqual(Array.from(new Uint32Array(Float32Array.from(values).buffer)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses values that are not finite in float32', () => {
    expect(() => cFloat(NaN)).toThrow(/finite/);
    expect(() => cFloat(1e39)).toThrow(/finite/);
  });
});

describe('cInt', () => {
  it('writes INT32_MIN as an expression and refuses values beyond int32', () => {
    expect(cInt(-2147483648)).toBe('(-2147483647 - 1)');
    expect(cInt(2147483647)).toBe('2147483647');
    expect(() => cInt(2147483648)).toThrow(/32-bit/);
    expect(() => cInt(0.5)).toThrow(/32-bit/);
  });
});

describe('layout helpers', () => {
  it('fills array lines up to the width and ends each with a comma', () => {
    const body = cArrayBody(
      Int8Array.from({ length: 40 }, (_, i) => i - 20),
      cInt,
    );
    const lines = body.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => l.startsWith('    ') && l.endsWith(',') && l.length <= 110)).toBe(true);
    expect(lines.join(' ').match(/-?\d+/g)!.map(Number)).toEqual(
      Array.from({ length: 40 }, (_, i) => i - 20),
    );
  });

  it('wraps a long call after commas with aligned continuation lines', () => {
    const args = Array.from({ length: 8 }, (_, i) => `argument_number_${i}`);
    const lines = cCall('  ', 'tml_kernel', args).split('\n');
    expect(lines[0].startsWith('  tml_kernel(argument_number_0,')).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith(' '.repeat('  tml_kernel('.length)))).toBe(true);
    expect(lines.every((l) => l.length <= 110)).toBe(true);
    expect(lines.at(-1)!.endsWith('argument_number_7);')).toBe(true);
  });

  it('keeps comments ASCII, unterminated and short', () => {
    expect(commentText('a */ b — c')).toBe('a * / b ? c');
    expect(commentText('x'.repeat(200), 20)).toBe(`${'x'.repeat(17)}...`);
  });

  it('accepts C identifiers only', () => {
    expect(() => checkCIdentifier('kws_2', 'prefix')).not.toThrow();
    expect(() => checkCIdentifier('2kws', 'prefix')).toThrow(/not a C identifier/);
    expect(() => checkCIdentifier('my-model', 'prefix')).toThrow(/not a C identifier/);
  });
});
