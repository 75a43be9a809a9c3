/**
 * Errors that keep their type across a comlink boundary. comlink's built-in 'throw' handler sends only an
 * error's message, name and stack and rebuilds a plain Error, so a worker's StudioError arrived without its
 * `code` and `isStudioError(e) && e.code === 'cancelled'` never matched on the page. Importing this module
 * replaces that handler; it must be imported on both sides of every comlink endpoint (each thread has its
 * own handler table), which the workers and their page clients do.
 */
import { transferHandlers, type TransferHandler } from 'comlink';
import { FormatError, StudioError } from '../../core/errors';

/** A thrown value as it crosses the boundary. */
type WireThrown =
  | {
      isError: true;
      name: string;
      message: string;
      stack?: string;
      code?: string;
      /** FormatError only: the file the message names. */
      fileName?: string;
    }
  | { isError: false; value: unknown };

function toWire(thrown: unknown): WireThrown {
  if (!(thrown instanceof Error)) return { isError: false, value: thrown };
  const wire: WireThrown = { isError: true, name: thrown.name, message: thrown.message, stack: thrown.stack };
  if (thrown instanceof StudioError) wire.code = thrown.code;
  if (thrown instanceof FormatError) wire.fileName = thrown.fileName;
  return wire;
}

function fromWire(wire: WireThrown): unknown {
  if (!wire.isError) return wire.value;
  const { name, message, code, fileName } = wire;
  let error: Error;
  if (code !== undefined && fileName !== undefined && message.startsWith(`${fileName}: `))
    error = new FormatError(code, fileName, message.slice(fileName.length + 2));
  else if (code !== undefined) error = new StudioError(code, message);
  else error = new Error(message);
  // Keeps subclass names (e.g. PayloadError) and the worker's stack, which is the one worth reading.
  error.name = name;
  if (wire.stack !== undefined) error.stack = wire.stack;
  return error;
}

/** The value comlink hands the 'throw' handler: the thrown value under `value`, plus comlink's marker. */
type Thrown = { value: unknown };

const builtIn = transferHandlers.get('throw') as TransferHandler<Thrown, unknown>;

export const typedThrowHandler: TransferHandler<Thrown, WireThrown> = {
  // comlink marks thrown values with a private symbol; its own test is the only way to recognise them.
  canHandle: (value): value is Thrown => builtIn.canHandle(value),
  serialize: ({ value }) => [toWire(value), []],
  deserialize: (wire) => {
    throw fromWire(wire);
  },
};

transferHandlers.set('throw', typedThrowHandler as TransferHandler<unknown, unknown>);
