import {
  SerialSession,
  type DeviceInfo,
  type HostCommand,
  type SensorDescriptor,
  type SessionEvent,
} from '../../core/protocol';
import type { SensorInfo } from '../../core/dataset/sample';
import { StudioError } from '../../core/errors';
import { forwarderRateProblem } from '../../core/validation/forwarderRateRule';
import { PortConnection } from '../../platform/serial/portConnection';
import type { PortLike } from '../../platform/serial/types';
import { combinedSensors, type CombinedSensor } from './combinedImu';
import { Listeners } from './listeners';
import { RateMeter } from './rateMeter';
import type {
  FrameListener,
  SensorSnapshot,
  SourceKind,
  SourceRuntime,
  SourceSnapshot,
  SourceStatus,
} from './types';

export const FORWARDER_KEY = 'forwarder';
const HELLO_RETRY_MS = 1000;
const HELLO_ATTEMPTS = 5;
const MAX_ERRORS = 5;

export interface SerialRuntimeOptions {
  id: string;
  kind: SourceKind;
  name: string;
  simulated: boolean;
  /** Axis names and units the user gave this board's forwarder columns before, by axis count. */
  forwarderAxes?: (axes: number) => SensorInfo[] | undefined;
  /** The sampling rate the user set for this board's forwarder lines, by axis count; undefined: auto-detect. */
  forwarderRate?: (axes: number) => number | undefined;
}

interface SensorState {
  snapshot: SensorSnapshot;
  meter: RateMeter;
  listeners: Listeners<Parameters<FrameListener>>;
}

export function defaultForwarderAxes(n: number): SensorInfo[] {
  const names =
    n === 3 ? ['accX', 'accY', 'accZ'] : n === 6 ? ['accX', 'accY', 'accZ', 'gyrX', 'gyrY', 'gyrZ'] : [];
  return Array.from({ length: n }, (_, i) => ({ name: names[i] ?? `axis${i + 1}`, units: 'N/A' }));
}

/** A board on a serial port (real, WebUSB, a test's fake or the virtual board), speaking either protocol. */
export class SerialRuntime implements SourceRuntime {
  readonly id: string;
  private readonly session = new SerialSession();
  private connection: PortConnection | null = null;
  private status: SourceStatus = 'connecting';
  private readonly sensors = new Map<string, SensorState>();
  /** Streams joined from several IMU sensors (also listed in `sensors`, after the board's own). */
  private combined = new Map<string, CombinedSensor>();
  private readonly errors: string[] = [];
  private readonly details: string[] = [];
  private readonly ended = new Listeners<[string]>();
  private helloTimer: ReturnType<typeof setInterval> | null = null;
  /** The forwarder rate the user set, which recordings use instead of the detected one; null: auto-detect. */
  private forwarderUserHz: number | null = null;
  /** Studio sensors the user switched off: not restarted when the board sends its handshake again. */
  private readonly userStopped = new Set<number>();

  private constructor(
    private readonly options: SerialRuntimeOptions,
    readonly port: PortLike,
  ) {
    this.id = options.id;
  }

  static async connect(port: PortLike, options: SerialRuntimeOptions): Promise<SerialRuntime> {
    const r = new SerialRuntime(options, port);
    r.connection = await PortConnection.open(port, {
      onBytes: (chunk, t) => r.handle(r.session.feed(chunk, t)),
      onEnd: (reason, error) => r.end(reason === 'closed' ? 'closed' : describeLoss(error)),
    });
    r.status = 'connected';
    r.sayHello();
    return r;
  }

  snapshot(): SourceSnapshot {
    const now = performance.now();
    const info = this.session.deviceInfo;
    return {
      id: this.id,
      kind: this.options.kind,
      name: info?.board ?? this.options.name,
      simulated: this.options.simulated,
      status: this.status,
      protocol: protocolLabel(this.session.protocol, info),
      details: [...this.details],
      sensors: [...this.sensors.values()].map((s) => ({ ...s.snapshot, measuredHz: s.meter.rate(now) })),
      droppedFrames: this.session.stats.dropped,
      corruptFrames: this.session.stats.corrupt,
      malformedLines: this.session.stats.malformedLines,
      errors: [...this.errors],
    };
  }

  subscribe(sensorKey: string, listener: FrameListener): () => void {
    const s = this.sensors.get(sensorKey);
    return s ? s.listeners.add(listener) : () => {};
  }

  onEnd(listener: (reason: string) => void): () => void {
    return this.ended.add(listener);
  }

  /** Names the forwarder's columns (the data-forwarder protocol carries no names or units). */
  setForwarderAxes(axes: SensorInfo[]): void {
    const s = this.forwarderSensor();
    const count = s.snapshot.axes.length;
    if (axes.length !== count) {
      throw new StudioError(
        'axis-count-changed',
        `The board now sends ${count} values per line, not ${axes.length}: the names were not saved. Name the ${count} columns and save again.`,
      );
    }
    s.snapshot = { ...s.snapshot, axes };
  }

  /** Sets the forwarder's sampling rate by hand (Hz), or goes back to the detected rate (null). */
  setForwarderRate(hz: number | null): void {
    const problem = hz === null ? null : forwarderRateProblem(hz);
    if (problem) throw new StudioError('bad-rate', problem);
    const s = this.forwarderSensor();
    this.forwarderUserHz = hz;
    this.applyForwarderRate(s.snapshot);
  }

  /** Asks a studio board to start or stop one sensor's stream; the snapshot follows the board's acknowledgement. */
  async setStreaming(sensorKey: string, on: boolean): Promise<void> {
    const sensor = this.studioSensor(sensorKey);
    if (on) this.userStopped.delete(sensor.id);
    else this.userStopped.add(sensor.id);
    await this.send({ type: on ? 'start' : 'stop', sensorId: sensor.id });
  }

  /** Asks a studio board to stream a sensor at one of the rates its handshake offers. */
  async setSensorRate(sensorKey: string, hz: number): Promise<void> {
    const sensor = this.studioSensor(sensorKey);
    if (!sensor.rates.includes(hz)) {
      throw new StudioError(
        'unsupported-rate',
        `The ${sensor.name} cannot stream at ${hz} Hz; the board offers ${sensor.rates.join(', ')} Hz.`,
      );
    }
    await this.send({ type: 'set-rate', sensorId: sensor.id, hz });
  }

  async disconnect(): Promise<void> {
    if (this.session.protocol === 'studio' && this.connection) {
      await this.connection
        .write(this.session.command({ type: 'stop', sensorId: 'all' }).bytes)
        .catch(() => {});
    }
    await this.connection?.close();
  }

  private sayHello(): void {
    let attempts = 0;
    const hello = () => {
      if (this.session.protocol !== null || attempts++ >= HELLO_ATTEMPTS || this.status !== 'connected') {
        if (this.helloTimer) clearInterval(this.helloTimer);
        this.helloTimer = null;
        return;
      }
      void this.write(this.session.command({ type: 'hello' }).bytes);
    };
    hello();
    // A board that resets when the port opens misses the first hello; ask again until it answers.
    this.helloTimer = setInterval(hello, HELLO_RETRY_MS);
  }

  private forwarderSensor(): SensorState {
    const s = this.sensors.get(FORWARDER_KEY);
    if (!s || this.status !== 'connected') {
      throw new StudioError(
        'no-forwarder-stream',
        `${this.options.name} is not sending data-forwarder lines now, so there is nothing to name or time.`,
      );
    }
    return s;
  }

  private studioSensor(sensorKey: string): SensorDescriptor {
    const sensor = this.session.deviceInfo?.sensors.find((d) => `s${d.id}` === sensorKey);
    if (!sensor || this.status !== 'connected') {
      throw new StudioError(
        'no-studio-sensor',
        `${this.options.name} is not connected with the studio firmware (or no longer lists that sensor), so it cannot take commands.`,
      );
    }
    return sensor;
  }

  /** Sends a command the user asked for: a failed write is the user's error to see, not a background one. */
  private async send(command: HostCommand): Promise<void> {
    try {
      await this.connection?.write(this.session.command(command).bytes);
    } catch (e) {
      throw new StudioError(
        'serial-write',
        `Could not send “${command.type}” to the board: ${e instanceof Error ? e.message : String(e)}`,
        { cause: e },
      );
    }
  }

  private async write(bytes: Uint8Array): Promise<void> {
    try {
      await this.connection?.write(bytes);
    } catch (e) {
      this.error(`Could not write to the board: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private handle(events: SessionEvent[]): void {
    for (const e of events) {
      switch (e.type) {
        case 'handshake':
          this.onHandshake(e.device);
          break;
        case 'samples': {
          const key = e.source === 'forwarder' ? FORWARDER_KEY : `s${e.sensorId}`;
          const s = this.sensors.get(key);
          if (!s) break;
          // Forwarder rates arrive in rate events, where a rate the user set takes precedence.
          if (e.hz && e.source === 'studio') s.snapshot.declaredHz = e.hz;
          s.snapshot.framesReceived += e.frames;
          s.meter.add(e.frames, e.receivedAtMs);
          s.listeners.emit(e.values, e.frames, e.continuous);
          if (e.source === 'studio' && e.values instanceof Float32Array) this.feedCombined(e, e.values);
          break;
        }
        case 'rate':
          this.onForwarderLayout(e.axes, e.hz);
          break;
        case 'device-error':
          this.error(`Device: ${e.text}`);
          break;
        case 'device-text':
          this.detail(e.text);
          break;
        case 'ack':
          if (e.status !== 'ok') this.error(`The board refused “${e.command}”: ${e.status}`);
          this.followAcknowledged();
          break;
        case 'unknown-sensor':
          void this.write(this.session.command({ type: 'hello' }).bytes);
          break;
        default:
          break;
      }
    }
  }

  private onHandshake(device: DeviceInfo): void {
    const keep = new Set<string>();
    for (const d of device.sensors) {
      const key = `s${d.id}`;
      keep.add(key);
      const axes = d.axes.map((name) => ({ name, units: d.units }));
      const prev = this.sensors.get(key);
      const snapshot: SensorSnapshot = {
        key,
        name: d.name,
        kind: d.kind,
        axes,
        declaredHz: d.rateHz,
        measuredHz: 0,
        framesReceived: prev?.snapshot.framesReceived ?? 0,
        streaming: d.streaming,
        rates: [...d.rates],
      };
      this.sensors.set(key, {
        snapshot,
        meter: prev?.meter ?? new RateMeter(),
        listeners: prev?.listeners ?? new Listeners(),
      });
      if (!d.streaming && !this.userStopped.has(d.id))
        void this.write(this.session.command({ type: 'start', sensorId: d.id }).bytes);
    }
    for (const key of [...this.sensors.keys()]) if (!keep.has(key)) this.sensors.delete(key);
    this.refreshCombined();
    this.details.splice(
      0,
      this.details.length,
      `${device.board} · ${device.revision} · firmware ${device.firmware}`,
    );
  }

  /** The session applied an acknowledged start, stop or set-rate to its copy of the handshake: show it. */
  private followAcknowledged(): void {
    for (const d of this.session.deviceInfo?.sensors ?? []) {
      const s = this.sensors.get(`s${d.id}`);
      if (!s) continue;
      s.snapshot.streaming = d.streaming;
      s.snapshot.declaredHz = d.rateHz;
    }
    this.refreshCombined();
  }

  /** The joined IMU streams for the sensors as the board streams them now (see combinedImu.ts). */
  private refreshCombined(): void {
    for (const key of this.combined.keys()) this.sensors.delete(key);
    this.combined = combinedSensors(this.session.deviceInfo?.sensors ?? [], this.combined);
    for (const [key, c] of this.combined) this.sensors.set(key, c);
  }

  private feedCombined(e: Extract<SessionEvent, { type: 'samples' }>, values: Float32Array): void {
    for (const c of this.combined.values()) {
      const part = c.partIds.indexOf(e.sensorId);
      if (part >= 0) c.combiner.push(part, values, e.firstFrame, e.hz ?? c.snapshot.declaredHz, e.continuous);
    }
  }

  private onForwarderLayout(axisCount: number, hz: number | null): void {
    const prev = this.sensors.get(FORWARDER_KEY);
    if (prev && prev.snapshot.axes.length === axisCount) {
      if (hz) prev.snapshot.detectedHz = hz;
      this.applyForwarderRate(prev.snapshot);
      return;
    }
    // Another axis count is another sketch: its names and rate are remembered separately.
    this.forwarderUserHz = this.options.forwarderRate?.(axisCount) ?? null;
    const snapshot: SensorSnapshot = {
      key: FORWARDER_KEY,
      name: `${axisCount} values per line`,
      kind: 'generic',
      axes: this.options.forwarderAxes?.(axisCount) ?? defaultForwarderAxes(axisCount),
      declaredHz: 0,
      detectedHz: hz ?? 0,
      measuredHz: 0,
      framesReceived: 0,
    };
    this.applyForwarderRate(snapshot);
    this.sensors.set(FORWARDER_KEY, {
      snapshot,
      meter: new RateMeter(),
      listeners: prev?.listeners ?? new Listeners(),
    });
  }

  private applyForwarderRate(snapshot: SensorSnapshot): void {
    snapshot.rateSource = this.forwarderUserHz === null ? 'detected' : 'user';
    snapshot.declaredHz = this.forwarderUserHz ?? snapshot.detectedHz ?? 0;
  }

  private error(text: string): void {
    this.errors.push(text);
    if (this.errors.length > MAX_ERRORS) this.errors.shift();
  }

  private detail(text: string): void {
    this.details.push(text.slice(0, 120));
    if (this.details.length > MAX_ERRORS) this.details.splice(1, 1);
  }

  private end(reason: string): void {
    if (this.helloTimer) clearInterval(this.helloTimer);
    this.helloTimer = null;
    this.handle(this.session.flush(performance.now()));
    this.status = 'disconnected';
    if (reason !== 'closed') this.error(reason);
    this.ended.emit(reason);
  }
}

function describeLoss(error: unknown): string {
  const what = error instanceof Error ? ` (${error.message.replace(/\.$/, '')})` : '';
  return `The board was disconnected${what}.`;
}

function protocolLabel(protocol: 'studio' | 'forwarder' | null, info: DeviceInfo | null): string {
  if (protocol === 'studio') return `TinyML Studio protocol${info ? '' : ' (waiting for handshake)'}`;
  if (protocol === 'forwarder') return 'Data forwarder (numbers per line)';
  return 'Detecting protocol…';
}
