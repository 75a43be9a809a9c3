/**
 * One serial connection to a board, as pure code: feed it the bytes read from the port with their arrival time,
 * get typed events back; ask it for the bytes of host commands and write them to the port.
 *
 * Detection: every chunk goes to the studio decoder first; its first frame with a good checksum locks the session
 * to the studio protocol. Otherwise the chunk goes to the line parser; LOCK_LINES consistent numeric lines lock it
 * to the data forwarder. Until then nothing but device text and ERR lines is reported. Once locked, the session
 * stays locked until reset().
 */
import { ForwarderStream } from './forwarderStream';
import { encodeCommand } from './hostCommands';
import type { Protocol, SessionEvent } from './sessionEvents';
import { StudioDecoder, type StudioDecoderEvent } from './studioDecoder';
import type { DeviceFrame, DeviceInfo, HostCommand, SensorDescriptor } from './studioFrames';

export interface SessionStats {
  bytes: number;
  /** Studio frames accepted. */
  frames: number;
  /** Readings delivered in samples events. */
  readings: number;
  dropped: number;
  /** Rejected frame candidates. */
  corrupt: number;
  /** Bytes skipped as garbage or with corrupt frames. */
  skippedBytes: number;
  malformedLines: number;
  deviceErrors: number;
}

/** Commands awaiting an acknowledgement are remembered up to this many (older ones are forgotten). */
const MAX_PENDING = 64;

export class SerialSession {
  private mode: Protocol | null = null;
  private readonly studio = new StudioDecoder();
  private readonly forwarder = new ForwarderStream();
  private device: DeviceInfo | null = null;
  private sensors = new Map<number, SensorDescriptor>();
  private readonly reportedUnknown = new Set<number>();
  private readonly pending = new Map<number, HostCommand>();
  private commandSeq = 0;
  private readonly studioEvents: StudioDecoderEvent[] = [];
  readonly stats: SessionStats = emptyStats();

  /** The recognised protocol, or null while still detecting. */
  get protocol(): Protocol | null {
    return this.mode;
  }

  /** What the last handshake said, updated by acknowledged commands (studio protocol only). */
  get deviceInfo(): DeviceInfo | null {
    return this.device;
  }

  /** Bytes held between feeds (an unfinished frame or line): bounded by MAX_FRAME + MAX_LINE whatever arrives. */
  get bufferedBytes(): number {
    return this.studio.bufferedBytes + this.forwarder.bufferedBytes;
  }

  feed(chunk: Uint8Array, receivedAtMs: number): SessionEvent[] {
    const out: SessionEvent[] = [];
    this.stats.bytes += chunk.length;
    if (this.mode === 'forwarder') {
      this.forwarder.push(chunk, receivedAtMs, out);
    } else {
      const events = this.studioEvents;
      events.length = 0;
      this.studio.push(chunk, events);
      let from = 0;
      if (this.mode === null) {
        from = events.findIndex((e) => e.type === 'frame');
        if (from >= 0) {
          this.mode = 'studio';
          out.push({ type: 'protocol', protocol: 'studio' });
        } else {
          this.forwarder.push(chunk, receivedAtMs, out);
          if (this.forwarder.locked) this.mode = 'forwarder';
        }
      }
      if (this.mode === 'studio')
        for (let i = from; i < events.length; i++) this.studioEvent(events[i], receivedAtMs, out);
    }
    this.count(out);
    return out;
  }

  /** End of stream (port closed): reports a cut-off frame or line and skipped bytes not yet reported. */
  flush(receivedAtMs: number): SessionEvent[] {
    const out: SessionEvent[] = [];
    if (this.mode === 'studio') {
      const events: StudioDecoderEvent[] = [];
      this.studio.flush(events);
      for (const e of events) this.studioEvent(e, receivedAtMs, out);
    } else if (this.mode === 'forwarder') {
      this.forwarder.flush(receivedAtMs, out);
    }
    this.count(out);
    return out;
  }

  /**
   * The bytes of a host command, to write to the port, with the sequence number the device's ack will echo.
   * Start by sending { type: 'hello' }: a studio board answers with its handshake; a forwarder sketch ignores it.
   */
  command(command: HostCommand): { seq: number; bytes: Uint8Array } {
    const seq = this.commandSeq;
    this.commandSeq = (seq + 1) & 0xffff;
    this.pending.delete(seq);
    this.pending.set(seq, command);
    if (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as number);
    return { seq, bytes: encodeCommand(command, seq) };
  }

  /** Forgets the protocol and everything learnt: the next bytes are detected afresh. */
  reset(): void {
    this.mode = null;
    this.studio.reset();
    this.forwarder.reset();
    this.device = null;
    this.sensors = new Map();
    this.reportedUnknown.clear();
    this.pending.clear();
    Object.assign(this.stats, emptyStats());
  }

  private studioEvent(e: StudioDecoderEvent, receivedAtMs: number, out: SessionEvent[]): void {
    if (e.type === 'frame') this.frame(e.frame, receivedAtMs, out);
    else out.push(e);
  }

  private frame(f: DeviceFrame, receivedAtMs: number, out: SessionEvent[]): void {
    this.stats.frames++;
    switch (f.type) {
      case 'handshake':
        // The session's copy follows acknowledged commands (rate, streaming); the event keeps what the device said.
        this.device = {
          ...f.info,
          sensors: f.info.sensors.map((s) => ({ ...s, rates: [...s.rates], axes: [...s.axes] })),
        };
        this.sensors = new Map(this.device.sensors.map((s) => [s.id, s]));
        this.reportedUnknown.clear();
        out.push({ type: 'handshake', device: f.info });
        return;
      case 'imu': {
        const sensor = this.sensorFor(f.sensorId, 'imu', out);
        if (!sensor) return;
        if (f.axes !== sensor.axes.length) {
          out.push({ type: 'corrupt', reason: 'payload', count: 1, bytes: 0 });
          return;
        }
        const values = new Float32Array(f.values.length);
        for (let i = 0; i < values.length; i++) values[i] = f.values[i] * sensor.scale;
        out.push({
          type: 'samples',
          source: 'studio',
          sensorId: f.sensorId,
          axes: f.axes,
          frames: f.values.length / f.axes,
          values,
          firstFrame: f.deviceTimeUs,
          continuous: f.continuous,
          hz: sensor.rateHz,
          receivedAtMs,
        });
        return;
      }
      case 'audio': {
        const sensor = this.sensorFor(f.sensorId, 'audio', out);
        if (!sensor) return;
        const axes = sensor.axes.length;
        if (f.pcm.length % axes !== 0) {
          out.push({ type: 'corrupt', reason: 'payload', count: 1, bytes: 0 });
          return;
        }
        out.push({
          type: 'samples',
          source: 'studio',
          sensorId: f.sensorId,
          axes,
          frames: f.pcm.length / axes,
          values: f.pcm,
          firstFrame: f.sampleIndex,
          continuous: f.continuous,
          hz: sensor.rateHz,
          receivedAtMs,
        });
        return;
      }
      case 'text':
        out.push({ type: 'device-text', text: f.text });
        return;
      case 'error':
        out.push({ type: 'device-error', text: f.text });
        return;
      case 'ack':
        this.acknowledged(f.commandSeq, f.status === 'ok');
        out.push({ type: 'ack', command: f.command, commandSeq: f.commandSeq, status: f.status });
        return;
    }
  }

  private sensorFor(
    id: number,
    kind: SensorDescriptor['kind'],
    out: SessionEvent[],
  ): SensorDescriptor | null {
    const sensor = this.sensors.get(id);
    if (sensor && sensor.kind === kind) return sensor;
    if (!this.reportedUnknown.has(id)) {
      this.reportedUnknown.add(id);
      out.push({ type: 'unknown-sensor', sensorId: id });
    }
    return null;
  }

  /** Applies an acknowledged command to what we know of the sensors, so samples carry the right rate. */
  private acknowledged(commandSeq: number, ok: boolean): void {
    const command = this.pending.get(commandSeq);
    this.pending.delete(commandSeq);
    if (!command || !ok) return;
    if (command.type === 'set-rate') {
      const sensor = this.sensors.get(command.sensorId);
      if (sensor) sensor.rateHz = Math.fround(command.hz);
    } else if (command.type === 'start' || command.type === 'stop') {
      for (const sensor of this.sensors.values()) {
        if (command.sensorId === 'all' || sensor.id === command.sensorId)
          sensor.streaming = command.type === 'start';
      }
    }
  }

  private count(events: SessionEvent[]): void {
    const s = this.stats;
    for (const e of events) {
      switch (e.type) {
        case 'samples':
          s.readings += e.frames;
          break;
        case 'dropped':
          s.dropped += e.count;
          break;
        case 'corrupt':
          s.corrupt += e.count;
          s.skippedBytes += e.bytes;
          break;
        case 'garbage':
          s.skippedBytes += e.bytes;
          break;
        case 'malformed-line':
          s.malformedLines += e.count;
          break;
        case 'device-error':
          s.deviceErrors++;
          break;
      }
    }
  }
}

function emptyStats(): SessionStats {
  return {
    bytes: 0,
    frames: 0,
    readings: 0,
    dropped: 0,
    corrupt: 0,
    skippedBytes: 0,
    malformedLines: 0,
    deviceErrors: 0,
  };
}
