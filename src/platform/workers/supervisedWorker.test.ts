import { afterEach, describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import { isStudioError } from '../../core/errors';
import { LIFELINE_KEY } from './lifelineMessages';
import {
  crashRunningWorker,
  crashWorkerOnNextCall,
  supervisedWorker,
  type LocksLike,
  type WorkerLike,
} from './supervisedWorker';
import './typedErrors';

interface Api {
  echo(x: number): Promise<number>;
  hang(): Promise<never>;
}

/** Locks whose holders (the fake workers) release them by hand; a request is granted on release. */
class FakeLocks implements LocksLike {
  private readonly waiting = new Map<string, () => void>();
  request(name: string, callback: () => unknown) {
    return new Promise<unknown>((resolve) => this.waiting.set(name, () => resolve(callback())));
  }
  release(name: string) {
    this.waiting.get(name)?.();
  }
}

const channels: MessageChannel[] = [];
/** Each test's workers are of their own kind, so the running-worker registry does not carry over. */
let kinds = 0;

/** A worker over a MessageChannel: comlink on the far side, announcing its lock unless told not to. */
class FakeWorker extends EventTarget implements WorkerLike {
  terminated = false;
  private readonly channel = new MessageChannel();
  constructor(
    readonly lock: string,
    private readonly locks: FakeLocks,
    announce = true,
  ) {
    super();
    channels.push(this.channel);
    const { port1, port2 } = this.channel;
    port1.addEventListener('message', (e) =>
      this.dispatchEvent(new MessageEvent('message', { data: e.data })),
    );
    port1.start();
    const api: Api = { echo: async (x) => x * 2, hang: () => new Promise<never>(() => undefined) };
    expose(api, port2);
    if (announce) port2.postMessage({ [LIFELINE_KEY]: { lock } });
  }
  postMessage(message: unknown, transfer: Transferable[] = []) {
    if (!this.terminated) this.channel.port1.postMessage(message, transfer);
  }
  terminate() {
    this.terminated = true;
    this.locks.release(this.lock);
  }
}

afterEach(() => {
  channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close()));
});

function setup(options: { announce?: boolean; startupMs?: number } = {}) {
  const locks = new FakeLocks();
  const workers: FakeWorker[] = [];
  const kind = `fake-${++kinds}`;
  const get = supervisedWorker<Api>(
    kind,
    'training',
    () => {
      const w = new FakeWorker(`lock-${workers.length}`, locks, options.announce ?? true);
      workers.push(w);
      return w;
    },
    { locks, startupMs: options.startupMs ?? 5_000 },
  );
  return { locks, workers, get, kind };
}

async function crashError(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isStudioError(error) && error.code).toBe('worker-crashed');
  return (error as Error).message;
}

/** Lets the fake worker's announcement arrive. */
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('supervisedWorker', () => {
  it('answers calls as comlink does while the worker lives, with one worker for every call', async () => {
    const { get, workers } = setup();
    expect(await get().echo(21)).toBe(42);
    expect(await get().echo(2)).toBe(4);
    expect(workers).toHaveLength(1);
  });

  it('rejects a pending call when the worker throws an uncaught error, and starts a fresh worker next', async () => {
    const { get, workers } = setup();
    const pending = get().hang();
    workers[0].dispatchEvent(
      Object.assign(new Event('error', { cancelable: true }), { message: 'out of memory' }),
    );
    const message = await crashError(pending);
    expect(message).toContain('The training worker stopped unexpectedly (an uncaught error: out of memory)');
    expect(message).toContain('Try again');
    expect(workers[0].terminated).toBe(true);
    expect(await get().echo(5)).toBe(10);
    expect(workers).toHaveLength(2);
  });

  it('learns of a worker that ended without any event from the release of its lock', async () => {
    const { get, locks } = setup();
    const pending = get().hang();
    await settle();
    locks.release('lock-0');
    expect(await crashError(pending)).toContain('it was closed, or ran out of memory');
  });

  it('rejects calls made through the old remote after the death', async () => {
    const { get, workers } = setup();
    const old = get();
    workers[0].dispatchEvent(new Event('messageerror'));
    expect(await crashError(old.echo(1))).toContain('a reply from it could not be read');
  });

  it('gives up on a worker that never announces itself', async () => {
    const { get } = setup({ announce: false, startupMs: 50 });
    expect(await crashError(get().hang())).toContain('it did not start');
  });

  it('does not time out a worker that announced itself', async () => {
    const { get } = setup({ startupMs: 50 });
    get();
    await new Promise((r) => setTimeout(r, 100));
    expect(await get().echo(3)).toBe(6);
  });

  it('crashes the running worker of a kind on request, and says when none runs', async () => {
    const { get, kind } = setup();
    expect(crashRunningWorker(kind, 'terminate')).toBe(false);
    const pending = get().hang();
    await settle();
    expect(crashRunningWorker(kind, 'terminate')).toBe(true);
    await crashError(pending);
    expect(crashRunningWorker(kind, 'terminate')).toBe(false);
  });

  it('crashes a worker right after the next call of a method reaches it, once', async () => {
    const { get, kind, workers } = setup();
    expect(await get().echo(1)).toBe(2);
    crashWorkerOnNextCall(kind, 'terminate', 'hang');
    expect(await get().echo(2)).toBe(4);
    await crashError(get().hang());
    expect(workers[0].terminated).toBe(true);
    expect(await get().echo(3)).toBe(6);
    expect(workers).toHaveLength(2);
  });

  it('crashes a worker still loading only once it is up, so that its death is seen', async () => {
    const { get, kind, workers } = setup();
    crashWorkerOnNextCall(kind, 'terminate');
    const pending = get().hang();
    expect(workers[0].terminated).toBe(false);
    await crashError(pending);
    expect(workers[0].terminated).toBe(true);
  });
});
