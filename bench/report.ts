/**
 * bench/results.json merging and bench/report.md: one table of every figure with its goal.
 * A goal string starts with its target ("≥ N", "≤ N", "a–b", "within a–b", "below N"); anything
 * else ("report …", "figure …", a description) is a reported figure without a pass/fail.
 */
import type { BenchResult } from './types';

/** A stored result: the figure plus when the run that produced it finished. */
export interface StoredResult extends BenchResult {
  measuredAt: string;
}

type GoalCheck = (value: number) => boolean;

const NUMBER = String.raw`(-?\d[\d,]*(?:\.\d+)?)`;
const parseNumber = (text: string) => Number(text.replace(/,/g, ''));

/** The pass/fail test a goal string names, or undefined when the goal is only "report". */
export function goalCheck(goal: string): GoalCheck | undefined {
  const text = goal.trim();
  const atLeast = new RegExp(`^(?:≥|>=)\\s*${NUMBER}`).exec(text);
  if (atLeast) return (v) => v >= parseNumber(atLeast[1]);
  const atMost = new RegExp(`^(?:≤|<=)\\s*${NUMBER}`).exec(text);
  if (atMost) return (v) => v <= parseNumber(atMost[1]);
  const range = new RegExp(`^(?:within\\s+)?${NUMBER}\\s*[–-]\\s*${NUMBER}`).exec(text);
  if (range) return (v) => v >= parseNumber(range[1]) && v <= parseNumber(range[2]);
  const below = new RegExp(`^(?:well\\s+)?below\\s+${NUMBER}`).exec(text);
  if (below) return (v) => v < parseNumber(below[1]);
  return undefined;
}

/** "yes", "**no**" or "report" for one result. */
export function goalVerdict(result: BenchResult): string {
  const check = goalCheck(result.goal);
  if (!check) return 'report';
  return check(result.value) ? 'yes' : '**no**';
}

/** This run's results over the previous file's: a filtered run keeps every other entry. */
export function mergeResults(
  previous: Record<string, StoredResult>,
  fresh: Record<string, BenchResult>,
  measuredAt: string,
): Record<string, StoredResult> {
  const merged = { ...previous };
  for (const [name, r] of Object.entries(fresh)) merged[name] = { ...r, measuredAt };
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The markdown report; entries not measured at `latestRun` are marked as older. */
export function renderReport(results: Record<string, StoredResult>, latestRun: string): string {
  const rows = Object.entries(results).map(([name, r]) => {
    const when = r.measuredAt === latestRun ? 'this run' : `older run (${r.measuredAt})`;
    const value = Number.isFinite(r.value) ? r.value.toPrecision(4) : String(r.value);
    return `| \`${name}\` | ${value} | ${cell(r.unit)} | ${cell(r.goal)} | ${goalVerdict(r)} | ${when} |`;
  });
  const verdicts = Object.values(results).map(goalVerdict);
  const met = verdicts.filter((v) => v === 'yes').length;
  const missed = verdicts.filter((v) => v === '**no**').length;
  return [
    '# Benchmark report',
    '',
    `Written by \`npm run bench\` (latest run ${latestRun}). Timings are figures from a shared, noisy`,
    'machine: compare ratios measured in one run. "report" goals carry no pass/fail.',
    '',
    `${met} goals met, ${missed} missed, ${verdicts.length - met - missed} reported only.`,
    '',
    '| name | value | unit | goal | met? | measured |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
