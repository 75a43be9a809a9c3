/**
 * Host → device commands: the encoder the platform layer writes to the port, and the device-side decoder the
 * virtual board (and, in C++, the firmware) uses to read them. Commands travel on the control stream with the
 * host's own sequence numbers, which the device echoes in its acknowledgements.
 */
import { regionEvent, type IntegrityEvent } from './decoderEvents';
import { checkByteRange, encodeError, FrameWriter } from './frameWriter';
import { FrameScanner, type FrameTypeRule } from './frameScanner';
import { PayloadReader } from './payloadReader';
import { CommandFrameType, CONTROL_STREAM, MAX_SENSOR_ID, type HostCommand } from './studioFrames';

/** stop with sensor id 0 stops every stream. */
const ALL_SENSORS = 0;

const fixed = (length: number): FrameTypeRule => ({
  minLength: length,
  maxLength: length,
  stream: 'control',
});

export const COMMAND_FRAME_RULES: ReadonlyMap<number, FrameTypeRule> = new Map([
  [CommandFrameType.hello, fixed(0)],
  [CommandFrameType.start, fixed(1)],
  [CommandFrameType.stop, fixed(1)],
  [CommandFrameType.setRate, fixed(5)],
]);

export function encodeCommand(command: HostCommand, seq: number): Uint8Array {
  switch (command.type) {
    case 'hello':
      return new FrameWriter(CommandFrameType.hello, 0, CONTROL_STREAM, seq, 0).finish();
    case 'start':
      checkByteRange('sensor id', command.sensorId, 1, MAX_SENSOR_ID);
      return new FrameWriter(CommandFrameType.start, 0, CONTROL_STREAM, seq, 1).u8(command.sensorId).finish();
    case 'stop': {
      const id = command.sensorId === 'all' ? ALL_SENSORS : command.sensorId;
      if (command.sensorId !== 'all') checkByteRange('sensor id', id, 1, MAX_SENSOR_ID);
      return new FrameWriter(CommandFrameType.stop, 0, CONTROL_STREAM, seq, 1).u8(id).finish();
    }
    case 'set-rate':
      checkByteRange('sensor id', command.sensorId, 1, MAX_SENSOR_ID);
      if (!(Number.isFinite(command.hz) && command.hz > 0))
        throw encodeError(`rate must be a positive number of Hz, got ${command.hz}.`);
      return new FrameWriter(CommandFrameType.setRate, 0, CONTROL_STREAM, seq, 5)
        .u8(command.sensorId)
        .f32(command.hz)
        .finish();
  }
}

export type CommandDecoderEvent = { type: 'command'; seq: number; command: HostCommand } | IntegrityEvent;

/** Device side: host bytes (cut anywhere) → commands. A bad command is skipped and reported, never guessed at. */
export class CommandDecoder {
  private readonly scanner = new FrameScanner(COMMAND_FRAME_RULES);

  decodeCommands(chunk: Uint8Array): CommandDecoderEvent[] {
    const out: CommandDecoderEvent[] = [];
    let from = 0;
    while (from < chunk.length) {
      from += this.scanner.write(chunk, from);
      for (let raw = this.scanner.next(); raw; raw = this.scanner.next()) {
        const r = new PayloadReader(raw.bytes, raw.payloadStart, raw.length);
        const command = readCommand(raw.type, r);
        if (!command) {
          this.scanner.reject('payload');
          continue;
        }
        const seq = raw.seq;
        const region = this.scanner.accept();
        if (region) out.push(regionEvent(region));
        out.push({ type: 'command', seq, command });
      }
    }
    return out;
  }
}

function readCommand(type: number, r: PayloadReader): HostCommand | null {
  switch (type) {
    case CommandFrameType.hello:
      return { type: 'hello' };
    case CommandFrameType.start: {
      const sensorId = r.u8('sensor id');
      return sensorId === ALL_SENSORS ? null : { type: 'start', sensorId };
    }
    case CommandFrameType.stop: {
      const sensorId = r.u8('sensor id');
      return { type: 'stop', sensorId: sensorId === ALL_SENSORS ? 'all' : sensorId };
    }
    case CommandFrameType.setRate: {
      const sensorId = r.u8('sensor id');
      const hz = r.f32('rate');
      return sensorId === ALL_SENSORS || !(Number.isFinite(hz) && hz > 0)
        ? null
        : { type: 'set-rate', sensorId, hz };
    }
    default:
      return null;
  }
}
