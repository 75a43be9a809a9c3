/**
 * Parsing of a block's parameter JSON (DESIGN.md §5): a missing key takes its default, an unknown key or a bad
 * value is a StudioError('dsp-params') naming the block, the key and what is allowed. Numbers and booleans may
 * also arrive as strings ("0.02", "true"), as they do in saved impulses, and are converted.
 *
 * Every key of a block's Edge Impulse parameters.json is accepted: a block may declare other spellings of its
 * keys (the reference's Python keyword names, e.g. `fft_length` for `fft-length`: stored under the
 * parameters.json name) and keys it ignores (display only, or read only by older implementation versions), each
 * with the reason that paramSpecNotes reports.
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

/** A given key the block accepts but will not use, or spells differently. */
export interface ParamNote {
  /** The key as given. */
  key: string;
  /**
   * 'alias': another spelling, stored as `storedAs`; 'ignored': accepted and dropped (display only, or an older
   * implementation version's); 'unused': stored, but the chosen settings do not use it.
   */
  kind: 'alias' | 'ignored' | 'unused';
  reason: string;
  storedAs?: string;
}

/** One line for the user: what happens to the key, and why. */
export function describeParamNote(note: ParamNote): string {
  switch (note.kind) {
    case 'alias':
      return `"${note.key}" is read as "${note.storedAs}"`;
    case 'ignored':
      return `"${note.key}" is ignored: ${note.reason}`;
    case 'unused':
      return `"${note.key}" is not used with these settings: ${note.reason}`;
  }
}

/** A block's parameters: its own keys (the defaults), how each is checked, and what else it accepts. */
export interface ParamSpec<P extends BlockParams> {
  title: string;
  defaults: P;
  rules: ParamRules<P>;
  /** Other spellings of a key and the key stored, e.g. the reference's keyword `fft_length` for `fft-length`. */
  aliases?: Readonly<Record<string, keyof P & string>>;
  /** Keys accepted and ignored, each with why. */
  ignored?: Readonly<Record<string, string>>;
  /** The stored keys the given settings leave unused, each with why (e.g. fft-length under Wavelet analysis). */
  unused?: (given: Readonly<Record<string, unknown>>) => Partial<Record<keyof P & string, string>>;
}

function givenObject(title: string, json: unknown): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new StudioError('dsp-params', `${title}: parameters must be a JSON object, not ${shown(json)}.`);
  return json as Record<string, unknown>;
}

/**
 * The given values under their stored keys (aliases resolved, ignored keys dropped), without checking the
 * values. Throws for an unknown key and for one parameter given under two spellings with different values.
 */
export function storedKeys<P extends BlockParams>(
  spec: ParamSpec<P>,
  json: unknown,
): Record<string, unknown> {
  if (json === undefined || json === null) return {};
  const given = givenObject(spec.title, json);
  const known = Object.keys(spec.defaults);
  const out: Record<string, unknown> = {};
  const spelling: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined || Object.hasOwn(spec.ignored ?? {}, key)) continue;
    const stored = known.includes(key) ? key : spec.aliases?.[key];
    if (stored === undefined)
      throw new StudioError(
        'dsp-params',
        `${spec.title}: unknown parameter "${key}". Known parameters: ${known.join(', ')}.`,
      );
    if (stored in out && shown(out[stored]) !== shown(value))
      throw new StudioError(
        'dsp-params',
        `${spec.title}: "${spelling[stored]}" and "${key}" are the same parameter with different values ` +
          `(${shown(out[stored])} and ${shown(value)}): give it once.`,
      );
    out[stored] = value;
    spelling[stored] = key;
  }
  return out;
}

/**
 * Validates `json` against a block's spec: aliases are stored under their key, ignored keys dropped, a missing
 * key takes its default. `undefined` or `null` means "all defaults". The result has exactly the keys of the
 * defaults, in that order.
 */
export function parseParamSpec<P extends BlockParams>(spec: ParamSpec<P>, json: unknown): P {
  const given = storedKeys(spec, json);
  const out: Record<string, number | string | boolean> = {};
  for (const key of Object.keys(spec.defaults)) {
    if (given[key] === undefined) {
      out[key] = spec.defaults[key];
      continue;
    }
    const rule = spec.rules[key as keyof P];
    const value = rule.parse(given[key]);
    if (value === undefined)
      throw new StudioError(
        'dsp-params',
        `${spec.title}: parameter "${key}" must be ${rule.expected}, not ${shown(given[key])}.`,
      );
    out[key] = value;
  }
  return out as P;
}

/** Notes on the given keys: other spellings, ignored keys, and parameters the given settings do not use. */
export function paramSpecNotes<P extends BlockParams>(spec: ParamSpec<P>, json: unknown): ParamNote[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [];
  const known = Object.keys(spec.defaults);
  const given = Object.entries(json as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const stored: Record<string, unknown> = { ...spec.defaults };
  for (const [key, value] of given) {
    const as = known.includes(key) ? key : spec.aliases?.[key];
    if (as !== undefined) stored[as] = value;
  }
  const unused: Record<string, string | undefined> = spec.unused?.(stored) ?? {};
  const notes: ParamNote[] = [];
  for (const [key] of given) {
    const ignored = spec.ignored?.[key];
    const alias = spec.aliases?.[key];
    const as = known.includes(key) ? key : alias;
    if (ignored !== undefined) notes.push({ key, kind: 'ignored', reason: ignored });
    else if (alias !== undefined && !known.includes(key))
      notes.push({ key, kind: 'alias', reason: `another spelling of "${alias}"`, storedAs: alias });
    const why = as === undefined ? undefined : unused[as];
    if (why !== undefined) notes.push({ key, kind: 'unused', reason: why });
  }
  return notes;
}

/**
 * Validates `json` against a block's defaults and rules (a block without other spellings or ignored keys).
 * `undefined` or `null` means "all defaults". The result has exactly the keys of `defaults`, in that order.
 */
export function parseBlockParams<P extends BlockParams>(
  blockTitle: string,
  defaults: P,
  json: unknown,
  rules: ParamRules<P>,
): P {
  return parseParamSpec({ title: blockTitle, defaults, rules }, json);
}
