/**
 * A comlink worker that can die without leaving the page waiting. A comlink call to a dead worker never
 * settles, so every call is raced against the worker's death, which is learnt from:
 * - an `error` event (an uncaught error in the worker: its state is unknown, so it is not trusted again),
 * - a `messageerror` event (a reply that could not be read: the call it answered would hang),
 * - the release of the Web Lock the worker holds while it lives (holdLifeline.ts): `self.close()`,
 *   `terminate()` or running out of memory end the worker without any event on the page,
 * - no announcement within STARTUP_MS of starting (it died loading, before it could take its lock).
 * Pending and later calls then reject with StudioError 'worker-crashed', and the next use starts a fresh worker.
 */
import { wrap, type Remote } from 'comlink';
import { StudioError } from '../../core/errors';
import { lifelineOf, type CrashHow, CRASH_KEY, type CrashRequest } from './lifelineMessages';
import { installCrashHook } from './testHooks';

/** The worker as this module uses it (a DOM Worker, or a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  terminate(): void;
}

/** The part of the Web Locks API used here. */
export interface LocksLike {
  request(name: string, callback: () => unknown): Promise<unknown>;
}

export interface SupervisorOptions {
  locks?: LocksLike | null;
  startupMs?: number;
}

const STARTUP_MS = 60_000;

/** One running worker and its death, reported once. */
class Lifeline<Api> {
  readonly remote: Remote<Api>;
  private ended = false;
  /** Runs once the worker has announced itself (holds its lock), or never if it dies first. */
  private announced: Array<() => void> | null = [];
  private readonly death: Promise<never>;
  private reject!: (error: StudioError) => void;
  private readonly startup: ReturnType<typeof setTimeout>;

  constructor(
    kind: string,
    private readonly role: string,
    readonly worker: WorkerLike,
    private readonly locks: LocksLike | null,
    startupMs: number,
    private readonly onDeath: () => void,
  ) {
    this.death = new Promise<never>((_, reject) => (this.reject = reject));
    // Nobody may be waiting when the worker dies.
    this.death.catch(() => undefined);
    worker.addEventListener('error', this.onError);
    worker.addEventListener('messageerror', this.onMessageError);
    worker.addEventListener('message', this.onMessage);
    this.startup = setTimeout(() => this.die('it did not start'), startupMs);
    this.remote = raceAgainst(wrap<Api>(worker), this.death, (member) => {
      const crashAsked = armed.get(kind);
      if (!crashAsked || (crashAsked.member !== undefined && crashAsked.member !== member)) return;
      armed.delete(kind);
      crash(this, crashAsked.how);
    });
  }

  /** Runs `action` once the worker is up and holds its lock (at once if it already does). */
  whenAnnounced(action: () => void): void {
    if (this.announced) this.announced.push(action);
    else action();
  }

  /** Ends the worker (if still running) and rejects every pending and later call. */
  die(cause: string): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.startup);
    this.worker.removeEventListener('error', this.onError);
    this.worker.removeEventListener('messageerror', this.onMessageError);
    this.worker.removeEventListener('message', this.onMessage);
    this.worker.terminate();
    this.reject(
      new StudioError(
        'worker-crashed',
        `The ${this.role} worker stopped unexpectedly (${cause}). Nothing half-finished was saved. Try again: a fresh worker will be started.`,
      ),
    );
    this.onDeath();
  }

  private readonly onError = (event: Event) => {
    // Handled here: the browser need not report it as uncaught as well.
    event.preventDefault();
    // Chromium words it "Uncaught Error: …."; the sentence around it has its own period.
    const message = (event as ErrorEvent).message?.replace(/^Uncaught /, '').replace(/\.$/, '');
    this.die(message ? `an uncaught error: ${message}` : 'an uncaught error');
  };

  private readonly onMessageError = () => this.die('a reply from it could not be read');

  private readonly onMessage = (event: Event) => {
    const lifeline = lifelineOf((event as MessageEvent<unknown>).data);
    if (!lifeline || this.ended) return;
    clearTimeout(this.startup);
    this.worker.removeEventListener('message', this.onMessage);
    // Granted only once the worker has let go of it, that is, once the worker has ended.
    if (lifeline.lock && this.locks)
      void this.locks.request(lifeline.lock, () => this.die('it was closed, or ran out of memory'));
    // Only now that the lock is watched: a crash asked for meanwhile must be seen.
    const waiting = this.announced ?? [];
    this.announced = null;
    waiting.forEach((run) => run());
  };
}

/**
 * The remote with each call raced against the worker's death (the remote's members are all methods).
 * `posted` runs once a call's message is on its way to the worker.
 */
function raceAgainst<Api>(
  remote: Remote<Api>,
  death: Promise<never>,
  posted: (member: string) => void,
): Remote<Api> {
  return new Proxy({} as Remote<Api>, {
    get(_, member) {
      // Not a thenable: `await`ing the remote itself must not look for a `then` method on the worker.
      if (member === 'then') return undefined;
      const call = Reflect.get(remote as object, member) as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        // comlink posts the call's message synchronously, before it returns the promise of the reply.
        const reply = call(...args);
        posted(String(member));
        return Promise.race([reply, death]);
      };
    },
  });
}

/** The supervised workers that are running, by kind, for the test hooks. */
const running = new Map<string, Lifeline<unknown>>();
/** Crashes the test hooks asked for at the next call to a kind of worker. */
const armed = new Map<string, { how: CrashHow; member?: string }>();

/**
 * The page's one worker of a kind, started on first use and again after it died. `role` names it in messages
 * ("the training worker"); `start` must be written where it is called as `new Worker(new URL(…))` for Vite.
 */
export function supervisedWorker<Api>(
  kind: string,
  role: string,
  start: () => WorkerLike,
  options: SupervisorOptions = {},
): () => Remote<Api> {
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  let current: Lifeline<Api> | null = null;
  return () => {
    if (!current) {
      const lifeline: Lifeline<Api> = new Lifeline<Api>(
        kind,
        role,
        start(),
        locks,
        options.startupMs ?? STARTUP_MS,
        () => {
          if (current === lifeline) current = null;
          if (running.get(kind) === lifeline) running.delete(kind);
        },
      );
      current = lifeline;
      running.set(kind, lifeline as Lifeline<unknown>);
    }
    return current.remote;
  };
}

function defaultLocks(): LocksLike | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/**
 * Makes the running worker of a kind die for real, for fault tests: false when none is running. 'throw' and
 * 'close' are carried out by the worker when it next reads a message (between the steps of a long job);
 * 'terminate' at once.
 */
export function crashRunningWorker(kind: string, how: CrashHow): boolean {
  const lifeline = running.get(kind);
  if (!lifeline) return false;
  crash(lifeline, how);
  return true;
}

/**
 * Makes the worker of a kind die right after the next call (of `member`, if given) reaches it, for fault tests
 * of jobs too short to crash by hand (a profile, a build): that call is then certain to be cut off mid-job.
 */
export function crashWorkerOnNextCall(kind: string, how: CrashHow, member?: string): void {
  armed.set(kind, { how, member });
}

/** A worker still loading has no lock to release yet: it is crashed once it is up, as a running one would be. */
function crash(lifeline: Lifeline<unknown>, how: CrashHow): void {
  lifeline.whenAnnounced(() => {
    if (how === 'terminate') lifeline.worker.terminate();
    else {
      const request: CrashRequest = { [CRASH_KEY]: how };
      lifeline.worker.postMessage(request);
    }
  });
}

installCrashHook({ crashWorker: crashRunningWorker, crashWorkerOnNextCall });
