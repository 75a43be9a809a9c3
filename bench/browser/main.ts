import type { BenchMessage, BrowserBenchResults } from './protocol';

declare global {
  interface Window {
    benchResults?: BrowserBenchResults;
    benchError?: string;
  }
}

const log = document.getElementById('log')!;
const worker = new Worker(new URL('./trainBench.worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (e: MessageEvent<BenchMessage>) => {
  const m = e.data;
  if (m.type === 'log') log.textContent += `\n${m.text}`;
  else if (m.type === 'done') window.benchResults = m.results;
  else window.benchError = m.message;
};
worker.postMessage({ baseUrl: location.origin + '/' });
