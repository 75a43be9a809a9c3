/**
 * The JS memory of the page and of each of its workers, sampled over CDP while the scale bench runs. One figure
 * per target: Runtime.getHeapUsage's usedSize (the V8 heap in use) plus backingStorageSize (the array buffers'
 * contents, which live outside the V8 heap: sample values and features are typed arrays, so a heap figure
 * without them would miss exactly the copies this bench looks for). Workers are reached through the page's
 * auto-attach in non-flat mode, so Playwright's own sessions are left alone.
 */
import type { CDPSession, Page } from '@playwright/test';

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

export interface HeapPeaks {
  /** The page's highest sample, in bytes. */
  page: number;
  /** The highest sample of any one worker, and the highest sum over the workers alive at one moment. */
  worker: number;
  workersTogether: number;
}

const SAMPLE_EVERY_MS = 200;
const bytesOf = (u: HeapUsage) => u.usedSize + (u.backingStorageSize ?? 0);

export class HeapSampler {
  private readonly workers = new Map<string, number>();
  private readonly pending = new Map<number, (u: HeapUsage | null) => void>();
  private nextId = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private peaks: HeapPeaks = { page: 0, worker: 0, workersTogether: 0 };

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<HeapSampler> {
    const cdp = await page.context().newCDPSession(page);
    const sampler = new HeapSampler(cdp);
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') sampler.workers.set(e.sessionId, 0);
    });
    cdp.on('Target.detachedFromTarget', (e) => {
      if (e.sessionId) sampler.workers.delete(e.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const reply = JSON.parse(e.message) as { id?: number; result?: HeapUsage };
      if (reply.id === undefined) return;
      sampler.pending.get(reply.id)?.(reply.result ?? null);
      sampler.pending.delete(reply.id);
    });
    await cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    sampler.loop();
    return sampler;
  }

  /**
   * The peaks since the last call (or since attaching), and a fresh start for the next phase: a garbage
   * collection in every target first, so that a phase's peak does not start from the last one's garbage.
   */
  async takePeaks(): Promise<HeapPeaks> {
    const peaks = this.peaks;
    await Promise.all([
      this.cdp.send('HeapProfiler.collectGarbage').catch(() => undefined),
      ...[...this.workers.keys()].map((sessionId) =>
        this.askWorker(sessionId, 'HeapProfiler.collectGarbage'),
      ),
    ]);
    this.peaks = { page: 0, worker: 0, workersTogether: 0 };
    return peaks;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private loop(): void {
    this.timer = setTimeout(() => {
      void this.sample().finally(() => this.timer && this.loop());
    }, SAMPLE_EVERY_MS);
  }

  private async sample(): Promise<void> {
    const [page, ...workers] = await Promise.all([
      this.cdp.send('Runtime.getHeapUsage').catch(() => null) as Promise<HeapUsage | null>,
      ...[...this.workers.keys()].map((sessionId) => this.askWorker(sessionId, 'Runtime.getHeapUsage')),
    ]);
    if (page) this.peaks.page = Math.max(this.peaks.page, bytesOf(page));
    const sizes = workers.filter((u): u is HeapUsage => u !== null).map(bytesOf);
    this.peaks.worker = Math.max(this.peaks.worker, ...sizes);
    this.peaks.workersTogether = Math.max(
      this.peaks.workersTogether,
      sizes.reduce((a, b) => a + b, 0),
    );
  }

  /** A busy worker answers when it next yields; one that never does within 5 s counts as no sample. */
  private askWorker(sessionId: string, method: string): Promise<HeapUsage | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timeout = setTimeout(() => {
        this.pending.delete(id);
        resolve(null);
      }, 5000);
      this.pending.set(id, (u) => {
        clearTimeout(timeout);
        resolve(u);
      });
      this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method }),
        })
        .catch(() => {
          clearTimeout(timeout);
          this.pending.delete(id);
          resolve(null);
        });
    });
  }
}
