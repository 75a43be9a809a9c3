/**
 * The rule of one number field and the message that says how to fix it. Settings keep whatever the user typed
 * (NaN for an empty field): the rules decide, the same way for the form that shows the message and for the
 * action that refuses to start a job.
 */
export interface NumberRule {
  /** The field's name, as the form labels it: it starts the message ("Epochs must be …"). */
  label: string;
  integer?: boolean;
  min?: number;
  /** The value must be strictly greater than this. */
  above?: number;
  max?: number;
  /** Shown after the bounds ("from 100 to 600,000 ms"). */
  unit?: string;
}

/** Problems by field key ('epochs', 'layers.1.units', …); a key is present only when its field is wrong. */
export type Problems = Record<string, string>;

/** "1000", "0.00001", "600,000": thousands are grouped from five digits on. */
const shown = (n: number) =>
  Math.abs(n) >= 10_000 ? n.toLocaleString('en', { maximumFractionDigits: 10 }) : String(n);

/** What the value must be: "a whole number from 1 to 1000", "a number above 0 ms". */
export function describeRule(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const low = rule.min ?? rule.above;
  if (low === undefined && rule.max === undefined) return kind;
  if (rule.min !== undefined && rule.max !== undefined)
    return `${kind} from ${shown(rule.min)} to ${shown(rule.max)}${unit}`;
  const bounds: string[] = [];
  if (rule.min !== undefined) bounds.push(`of at least ${shown(rule.min)}`);
  if (rule.above !== undefined) bounds.push(`above ${shown(rule.above)}`);
  if (rule.max !== undefined) bounds.push(`at most ${shown(rule.max)}`);
  return `${kind} ${bounds.join(' and ')}${unit}`;
}

/** Whether `value` obeys the rule (NaN and ±Infinity never do). */
export function obeys(value: number, rule: NumberRule): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.max === undefined || value <= rule.max)
  );
}

/** The message for a value that breaks the rule, or null. */
export function numberProblem(value: number, rule: NumberRule): string | null {
  return obeys(value, rule) ? null : `${rule.label} must be ${describeRule(rule)}.`;
}

/** Checks each numeric field of `values` that has a rule; keys are `prefix` + the field's name. */
export function fieldProblems<T extends object>(
  values: T,
  rules: { readonly [K in keyof T]?: NumberRule },
  prefix = '',
): Problems {
  const out: Problems = {};
  for (const key of Object.keys(rules) as Array<keyof T & string>) {
    const rule = rules[key];
    const problem = rule && numberProblem(values[key] as number, rule);
    if (problem) out[prefix + key] = problem;
  }
  return out;
}

/** The messages, in field order, for a summary next to a Start button. */
export function problemList(problems: Problems): string[] {
  return Object.values(problems);
}
