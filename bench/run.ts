/**
 * `npm run bench`: runs every benchmark, prints a table and writes bench/results.json as
 * {"<name>": {"value": number, "unit": "...", "goal": "..."}} with the names of DESIGN.md §10.
 * Figures, never assertions: these machines are noisy, so compare ratios measured in one run.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { benchmarks } from './registry';
import type { BenchResult } from './types';

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
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
