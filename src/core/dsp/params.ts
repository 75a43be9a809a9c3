/**
 * Parsing of a block's parameter JSON (DESIGN.md §5): a missing key takes its default, an unknown key or a bad
 * value is a StudioError('dsp-params') naming the block, the key and what is allowed. Numbers and booleans may
 * also arrive as strings ("0.02", "true"), as they do in saved impulses, and are converted.
 */
import { StudioError } from '../errors';
import type { BlockParams } from './block';

/** How one parameter is checked: `parse` gives the value, or undefined when it is not allowed. */
export interface ParamRule<T> {
  /** What the value must be, completing "must be …" in the error message. */
  readonly expected: string;
  parse(value: unknown): T | undefined;
}

export type ParamRules<P extends BlockParams> = { readonly [K in keyof P]: ParamRule<P[K]> };

export interface NumberRuleOptions {
  integer?: boolean;
  odd?: boolean;
  min?: number;
  /** The value must be strictly greater than this. */
  above?: number;
  max?: number;
  /** The value must be strictly less than this. */
  below?: number;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return undefined;
}

function describeNumber(o: NumberRuleOptions): string {
  const kind = o.integer ? (o.odd ? 'an odd integer' : 'an integer') : 'a number';
  const bounds: string[] = [];
  if (o.min !== undefined) bounds.push(`≥ ${o.min}`);
  if (o.above !== undefined) bounds.push(`> ${o.above}`);
  if (o.max !== undefined) bounds.push(`≤ ${o.max}`);
  if (o.below !== undefined) bounds.push(`< ${o.below}`);
  return bounds.length ? `${kind} ${bounds.join(' and ')}` : kind;
}

/** A finite number, optionally an (odd) integer within bounds. */
export function numberRule(options: NumberRuleOptions = {}): ParamRule<number> {
  return {
    expected: describeNumber(options),
    parse(value) {
      const n = toNumber(value);
      if (n === undefined || !Number.isFinite(n)) return undefined;
      if (options.integer && !Number.isInteger(n)) return undefined;
      if (options.odd && Math.abs(n % 2) !== 1) return undefined;
      if (options.min !== undefined && n < options.min) return undefined;
      if (options.above !== undefined && n <= options.above) return undefined;
      if (options.max !== undefined && n > options.max) return undefined;
      if (options.below !== undefined && n >= options.below) return undefined;
      return n;
    },
  };
}

/** true or false (also "true"/"false"). */
export function booleanRule(): ParamRule<boolean> {
  return {
    expected: 'true or false',
    parse(value) {
      if (typeof value === 'boolean') return value;
      if (value === 'true') return true;
      if (value === 'false') return false;
      return undefined;
    },
  };
}

/** One of a fixed list of strings. */
export function choiceRule<T extends string>(choices: readonly T[]): ParamRule<T> {
  return {
    expected: `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`,
    parse(value) {
      return typeof value === 'string' && (choices as readonly string[]).includes(value)
        ? (value as T)
        : undefined;
    },
  };
}

function shown(value: unknown): string {
  // NaN is what an empty number field holds.
  if (typeof value === 'number' && Number.isNaN(value)) return 'empty';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}

/**
 * Validates `json` against a block's defaults and rules. `undefined` or `null` means "all defaults".
 * The result has exactly the keys of `defaults`, in that order.
 */
export function parseBlockParams<P extends BlockParams>(
  blockTitle: string,
  defaults: P,
  json: unknown,
  rules: ParamRules<P>,
): P {
  if (json === undefined || json === null) return { ...defaults };
  if (typeof json !== 'object' || Array.isArray(json))
    throw new StudioError(
      'dsp-params',
      `${blockTitle}: parameters must be a JSON object, not ${shown(json)}.`,
    );
  const given = json as Record<string, unknown>;
  const known = Object.keys(defaults);
  for (const key of Object.keys(given)) {
    if (!known.includes(key))
      throw new StudioError(
        'dsp-params',
        `${blockTitle}: unknown parameter "${key}". Known parameters: ${known.join(', ')}.`,
      );
  }
  const out: Record<string, number | string | boolean> = {};
  for (const key of known) {
    if (given[key] === undefined) {
      out[key] = defaults[key];
      continue;
    }
    const rule = rules[key as keyof P];
    const value = rule.parse(given[key]);
    if (value === undefined)
      throw new StudioError(
        'dsp-params',
        `${blockTitle}: parameter "${key}" must be ${rule.expected}, not ${shown(given[key])}.`,
      );
    out[key] = value;
  }
  return out as P;
}
