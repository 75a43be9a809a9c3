/**
 * `npm run bench`: runs every benchmark, prints a table and writes bench/results.json as
 * {"<name>": {"value": number, "unit": "...", "goal": "...", "measuredAt": "<ISO time>"}} with the
 * names of DESIGN.md §10, plus bench/report.md. A filtered run (`npm run bench -- dsp`) merges into
 * the existing results.json, so the report keeps every figure and says which come from older runs.
 * Figures, never assertions: these machines are noisy, so compare ratios measured in one run.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { benchmarks } from './registry';
import { mergeResults, renderReport, type StoredResult } from './report';
import type { BenchResult } from './types';

const RESULTS_PATH = 'bench/results.json';
const REPORT_PATH = 'bench/report.md';

function previousResults(): Record<string, StoredResult> {
  if (!existsSync(RESULTS_PATH)) return {};
  const stored = JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as Record<string, Partial<StoredResult>>;
  return Object.fromEntries(
    Object.entries(stored).map(([name, r]) => [
      name,
      {
        value: Number(r.value),
        unit: r.unit ?? '',
        goal: r.goal ?? '',
        measuredAt: r.measuredAt ?? 'unknown',
      },
    ]),
  );
}

const only = process.argv.slice(2);
const results: Record<string, BenchResult> = {};
for (const b of benchmarks) {
  if (only.length > 0 && !only.some((o) => b.name.startsWith(o))) continue;
  process.stdout.write(`running ${b.name}…\n`);
  try {
    Object.assign(results, await b.run());
  } catch (e) {
    console.error(`${b.name} failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}

const rows = Object.entries(results).map(([name, r]) => [name, r.value.toPrecision(4), r.unit, r.goal]);
const widths = [0, 1, 2, 3].map((i) =>
  Math.max(...[['name', 'value', 'unit', 'goal'], ...rows].map((r) => r[i].length)),
);
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(['name', 'value', 'unit', 'goal']));
for (const r of rows) console.log(line(r));

const finishedAt = new Date().toISOString();
const merged = mergeResults(previousResults(), results, finishedAt);
mkdirSync('bench', { recursive: true });
writeFileSync(RESULTS_PATH, JSON.stringify(merged, null, 2) + '\n');
writeFileSync(REPORT_PATH, renderReport(merged, finishedAt));
