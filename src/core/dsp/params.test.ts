import { describe, expect, it } from 'vitest';
import {
  booleanRule,
  choiceRule,
  numberRule,
  paramSpecNotes,
  parseBlockParams,
  parseParamSpec,
  storedKeys,
  type ParamRules,
  type ParamSpec,
} from './params';

const paramsError = (pattern: RegExp) =>
  expect.objectContaining({ code: 'dsp-params', message: expect.stringMatching(pattern) });

type P = { size: number; odd: number; log: boolean; kind: 'none' | 'low' };
const defaults: P = { size: 0.5, odd: 101, log: true, kind: 'none' };
const rules: ParamRules<P> = {
  size: numberRule({ above: 0, max: 1 }),
  odd: numberRule({ integer: true, odd: true, min: 1 }),
  log: booleanRule(),
  kind: choiceRule(['none', 'low'] as const),
};
const parse = (json: unknown) => parseBlockParams('Test block', defaults, json, rules);

describe('parseBlockParams', () => {
  it('gives the defaults for a missing key, undefined or null', () => {
    expect(parse(undefined)).toEqual(defaults);
    expect(parse(null)).toEqual(defaults);
    expect(parse({ size: 0.25 })).toEqual({ ...defaults, size: 0.25 });
  });

  it('returns a fresh object with the keys in the defaults order', () => {
    const parsed = parse({ kind: 'low', size: 1 });
    expect(Object.keys(parsed)).toEqual(['size', 'odd', 'log', 'kind']);
    expect(parse({})).not.toBe(defaults);
  });

  it('accepts numbers and booleans written as strings, as saved impulses store them', () => {
    expect(parse({ size: '0.75', odd: '3', log: 'false' })).toEqual({
      size: 0.75,
      odd: 3,
      log: false,
      kind: 'none',
    });
  });

  it('rejects an unknown key, naming it and listing the known ones', () => {
    expect(() => parse({ sise: 1 })).toThrow(
      paramsError(/Test block: unknown parameter "sise".*size, odd, log, kind/),
    );
  });

  it('rejects a value outside its rule, saying what is allowed', () => {
    expect(() => parse({ size: 0 })).toThrow(paramsError(/"size" must be a number > 0 and ≤ 1, not 0/));
    expect(() => parse({ size: 2 })).toThrow(paramsError(/"size"/));
    expect(() => parse({ size: 'abc' })).toThrow(paramsError(/"size".*"abc"/));
    expect(() => parse({ size: '' })).toThrow(paramsError(/"size"/));
    expect(() => parse({ size: NaN })).toThrow(paramsError(/"size"/));
    expect(() => parse({ odd: 4 })).toThrow(paramsError(/"odd" must be an odd integer ≥ 1, not 4/));
    expect(() => parse({ odd: 3.5 })).toThrow(paramsError(/"odd"/));
    expect(() => parse({ log: 1 })).toThrow(paramsError(/"log" must be true or false/));
    expect(() => parse({ kind: 'high' })).toThrow(
      paramsError(/"kind" must be one of "none", "low", not "high"/),
    );
  });

  it('rejects parameters that are not an object', () => {
    expect(() => parse([1, 2])).toThrow(paramsError(/must be a JSON object/));
    expect(() => parse('size=1')).toThrow(paramsError(/must be a JSON object/));
  });
});

describe('numberRule', () => {
  it('checks exclusive bounds', () => {
    const rule = numberRule({ below: 12 });
    expect(rule.parse(11.9)).toBe(11.9);
    expect(rule.parse(12)).toBeUndefined();
    expect(rule.parse(-Infinity)).toBeUndefined();
    expect(rule.expected).toBe('a number < 12');
  });
});

describe('parseParamSpec: other spellings and ignored keys', () => {
  const spec: ParamSpec<P> = {
    title: 'Test block',
    defaults,
    rules,
    aliases: { the_size: 'size' },
    ignored: { legend: 'display only' },
    unused: (given) => (given.kind === 'none' ? { odd: 'used only by a low kind' } : {}),
  };

  it('stores another spelling under the key and drops ignored keys', () => {
    expect(parseParamSpec(spec, { the_size: 0.25, legend: 'whatever', kind: 'low' })).toEqual({
      ...defaults,
      size: 0.25,
      kind: 'low',
    });
    expect(storedKeys(spec, { the_size: '0.25', legend: true })).toEqual({ size: '0.25' });
  });

  it('accepts both spellings with one value, and refuses two different values', () => {
    expect(parseParamSpec(spec, { size: 0.25, the_size: 0.25 }).size).toBe(0.25);
    expect(() => parseParamSpec(spec, { size: 0.25, the_size: 0.5 })).toThrow(
      paramsError(
        /"size" and "the_size" are the same parameter with different values \(0.25 and 0.5\): give it once/,
      ),
    );
  });

  it('checks a value given under another spelling by its rule, and still refuses an unknown key', () => {
    expect(() => parseParamSpec(spec, { the_size: 5 })).toThrow(
      paramsError(/"size" must be a number > 0 and ≤ 1, not 5/),
    );
    expect(() => parseParamSpec(spec, { lgend: 1 })).toThrow(paramsError(/unknown parameter "lgend"/));
  });

  it('notes other spellings, ignored keys and parameters the settings leave unused, for the keys given', () => {
    expect(paramSpecNotes(spec, { the_size: 0.5, legend: 1, odd: 3 })).toEqual([
      { key: 'the_size', kind: 'alias', reason: 'another spelling of "size"', storedAs: 'size' },
      { key: 'legend', kind: 'ignored', reason: 'display only' },
      { key: 'odd', kind: 'unused', reason: 'used only by a low kind' },
    ]);
    expect(paramSpecNotes(spec, { odd: 3, kind: 'low' })).toEqual([]);
    expect(paramSpecNotes(spec, 'not an object')).toEqual([]);
  });
});
