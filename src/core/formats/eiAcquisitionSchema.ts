import { z } from 'zod';
import { formatError } from './formatErrors';

/**
 * The envelope of an Edge Impulse data acquisition file (DESIGN.md §4). `protected` and `signature` are not
 * checked: files are accepted whatever their signature. `values` is only checked to be a non-empty array
 * here; its frames are checked one by one so that errors can name the frame.
 */
export const acquisitionSchema = z.object({
  label: z.string().optional(),
  payload: z.object({
    device_name: z.string().optional(),
    device_type: z.string().optional(),
    label: z.string().optional(),
    interval_ms: z.number().positive(),
    sensors: z.array(z.object({ name: z.string(), units: z.string() })).min(1),
    values: z.array(z.unknown()).min(1),
  }),
});

export type AcquisitionEnvelope = z.infer<typeof acquisitionSchema>;

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function pathText(path: PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function issueText(container: string, issue: z.core.$ZodIssue): string {
  const path = pathText(issue.path);
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type') {
    if (path === '') return `the ${container} document must be an object, but it is ${describeValue(input)}`;
    if (input === undefined) return `${container} has no ${path} ${issue.expected}`;
    return `${path} must be ${article(issue.expected)}, but it is ${describeValue(input)}`;
  }
  if (issue.code === 'too_small') {
    return Array.isArray(input)
      ? `${path} is empty`
      : `${path} must be greater than 0 (it is ${String(input)})`;
  }
  return `${path}: ${issue.message}`;
}

/** Validates the parsed document, or throws naming the first wrong field (`container` is 'JSON' or 'CBOR'). */
export function validateAcquisition(
  fileName: string,
  container: string,
  document: unknown,
): AcquisitionEnvelope {
  const result = acquisitionSchema.safeParse(document, { reportInput: true });
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  throw formatError('invalid-acquisition', fileName, issueText(container, first) + more);
}
