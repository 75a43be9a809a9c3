import { create } from 'zustand';
import type { SensorInfo } from '../core/dataset/sample';
import { describeError, StudioError } from '../core/errors';
import { newId } from '../core/ids';
import { VirtualFirmware } from '../core/virtual/virtualFirmware';
import type { Gesture } from '../core/virtual/gestures';
import type { AudioMode } from '../core/virtual/audio';
import { getSerialAccess } from '../platform/serial/serialAccess';
import { portsNotIn, samePort } from '../platform/serial/portIdentity';
import { boardKey, boardName, type PortLike, type SerialBackend } from '../platform/serial/types';
import { VirtualPort } from '../platform/virtualBoard/virtualPort';
import { microphoneSource } from '../platform/microphone/openMicrophone';
import { getDb } from './db';
import { runtimeRegistry } from './devices/registry';
import { MicrophoneRuntime } from './devices/microphoneRuntime';
import { FORWARDER_KEY, SerialRuntime } from './devices/serialRuntime';
import type { SourceRuntime, SourceSnapshot } from './devices/types';
import { toast } from './toastStore';

const FORWARDER_AXES_KEY = 'forwarderAxes';
const FORWARDER_RATES_KEY = 'forwarderRates';
const REFRESH_MS = 250;

interface DevicesState {
  backend: SerialBackend;
  sources: SourceSnapshot[];
  /** Ports the user granted earlier that are not connected now: one click reconnects, no picker. */
  granted: { index: number; name: string }[];
  virtual: { gesture: Gesture; audioMode: AudioMode };
  init: () => Promise<void>;
  connectSerial: () => Promise<void>;
  connectGranted: (index: number) => Promise<void>;
  connectVirtual: () => Promise<void>;
  connectMicrophone: () => Promise<void>;
  disconnect: (id: string) => Promise<void>;
  forget: (id: string) => void;
  setVirtual: (patch: Partial<DevicesState['virtual']>) => void;
  unplugVirtual: (id: string) => void;
  setForwarderAxes: (id: string, axes: SensorInfo[]) => Promise<void>;
  /** A forwarder board's sampling rate set by hand, or null to detect it again; remembered per board. */
  setForwarderRate: (id: string, hz: number | null) => Promise<void>;
  /** Starts or stops one sensor's stream on a studio board. */
  setStreaming: (id: string, sensorKey: string, on: boolean) => Promise<void>;
  /** Asks a studio board to stream a sensor at another of its rates. */
  setSensorRate: (id: string, sensorKey: string, hz: number) => Promise<void>;
}

/** Per runtime id: what is needed to reconnect it when the same board is plugged back in. */
const serialPorts = new Map<string, { port: PortLike; key: string }>();
const virtualPorts = new Map<string, VirtualPort>();
let grantedPorts: PortLike[] = [];
/** Per `${boardKey}:${axis count}`, as the user saved them. */
let forwarderAxes: Record<string, SensorInfo[]> = {};
let forwarderRates: Record<string, number> = {};
/** Ports being opened now: a second click before the first open finishes must not open the board twice. */
const opening = new Set<PortLike>();
let refreshTimer: ReturnType<typeof setInterval> | null = null;
let initialised = false;

function refresh(): void {
  const sources = runtimeRegistry.all().map((r) => r.snapshot());
  useDevices.setState({ sources });
}

function keepRefreshing(): void {
  refresh();
  refreshTimer ??= setInterval(refresh, REFRESH_MS);
}

/** Ports of the sources in the list (connected, or unplugged and waiting to be plugged back in) and ports opening. */
function portsInUse(): PortLike[] {
  return [...[...serialPorts.values()].map((p) => p.port), ...opening];
}

async function listGranted(): Promise<void> {
  grantedPorts = portsNotIn(await getSerialAccess().getPorts(), portsInUse());
  useDevices.setState({
    granted: grantedPorts.map((p, index) => ({ index, name: boardName(p.getInfo?.()) })),
  });
}

async function openSerial(port: PortLike, id = newId()): Promise<void> {
  const access = getSerialAccess();
  const info = port.getInfo?.();
  const key = boardKey(info);
  const connectedElsewhere = [...serialPorts.entries()].some(
    ([other, p]) =>
      other !== id &&
      samePort(p.port, port) &&
      runtimeRegistry.get(other)?.snapshot().status !== 'disconnected',
  );
  if (connectedElsewhere || [...opening].some((p) => samePort(p, port))) {
    throw new StudioError('serial-busy', `${boardName(info)} is already connected: see its card below.`);
  }
  opening.add(port);
  let runtime: SerialRuntime;
  try {
    runtime = await SerialRuntime.connect(port, {
      id,
      kind: access.backend === 'webusb' ? 'webusb' : 'serial',
      name: boardName(info),
      simulated: false,
      forwarderAxes: (n) => forwarderAxes[`${key}:${n}`],
      forwarderRate: (n) => forwarderRates[`${key}:${n}`],
    });
  } finally {
    opening.delete(port);
  }
  serialPorts.set(id, { port, key });
  addRuntime(runtime);
  keepRefreshing();
  await listGranted();
}

/**
 * Lists a source. One that ends by itself (unplugged, not disconnected by the user) says so by name: its live
 * chart, and any live classification on it, stop with it; a recording has its own dialog as well.
 */
function addRuntime(runtime: SourceRuntime): void {
  runtimeRegistry.add(runtime);
  // Once: a port's later disconnect events must not speak again for a runtime that has ended.
  const stopListening = runtime.onEnd((reason) => {
    stopListening();
    if (reason === 'closed') return;
    const { name, kind } = runtime.snapshot();
    const replug = kind === 'microphone' ? '' : ' Plug it back in to reconnect it.';
    toast.error(`${name}: ${reason} Its live stream stopped.${replug}`);
    refresh();
  });
}

/** The serial runtime (board, WebUSB or virtual) of a listed source, or an error the user can read. */
function serialRuntime(id: string): SerialRuntime {
  const runtime = runtimeRegistry.get(id);
  if (!(runtime instanceof SerialRuntime)) {
    throw new StudioError('source-gone', 'That board is no longer connected.');
  }
  return runtime;
}

/** Where a forwarder board's settings are remembered: the board and its sketch's axis count. */
function forwarderSettingsKey(id: string, runtime: SerialRuntime): string {
  const port = serialPorts.get(id);
  const forwarder = runtime.snapshot().sensors.find((s) => s.key === FORWARDER_KEY);
  if (!port || !forwarder) {
    throw new StudioError('no-forwarder-stream', 'That board is not sending data-forwarder lines now.');
  }
  return `${port.key}:${forwarder.axes.length}`;
}

async function guarded(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (e) {
    toast.error(describeError(e));
  }
}

export const useDevices = create<DevicesState>((set, get) => ({
  backend: 'none',
  sources: [],
  granted: [],
  virtual: { gesture: 'idle', audioMode: 'silence' },

  init: async () => {
    if (initialised) return;
    initialised = true;
    const access = getSerialAccess();
    set({ backend: access.backend });
    const db = await getDb();
    forwarderAxes = (await db.getSetting<Record<string, SensorInfo[]>>(FORWARDER_AXES_KEY)) ?? {};
    forwarderRates = (await db.getSetting<Record<string, number>>(FORWARDER_RATES_KEY)) ?? {};
    // The same board plugged back in: reconnect the source it was, keeping its place in the list.
    access.onConnect((port) => {
      const info = port?.getInfo?.();
      const lost = [...serialPorts.entries()].find(
        ([id, p]) =>
          ((port && samePort(p.port, port)) || p.key === boardKey(info)) &&
          runtimeRegistry.get(id)?.snapshot().status === 'disconnected',
      );
      if (lost) {
        void guarded(async () => {
          await openSerial(port ?? lost[1].port, lost[0]);
          toast.success(`${boardName(info)} is back: reconnected.`);
        });
      } else {
        void listGranted();
      }
    });
    access.onDisconnect(() => {
      refresh();
      void listGranted();
    });
    await guarded(listGranted);
  },

  connectSerial: () =>
    guarded(async () => {
      const port = await getSerialAccess().requestPort();
      await openSerial(port);
    }),

  connectGranted: (index) =>
    guarded(async () => {
      const port = grantedPorts[index];
      if (port) await openSerial(port);
    }),

  connectVirtual: () =>
    guarded(async () => {
      const { gesture, audioMode } = get().virtual;
      const port = new VirtualPort(new VirtualFirmware({ seed: Date.now() % 1_000_000, gesture, audioMode }));
      const id = newId();
      const runtime = await SerialRuntime.connect(port, {
        id,
        kind: 'virtual',
        name: 'Virtual board',
        simulated: true,
      });
      virtualPorts.set(id, port);
      addRuntime(runtime);
      keepRefreshing();
    }),

  connectMicrophone: () =>
    guarded(async () => {
      const runtime = await MicrophoneRuntime.open(newId(), microphoneSource);
      addRuntime(runtime);
      keepRefreshing();
    }),

  disconnect: (id) =>
    guarded(async () => {
      await runtimeRegistry.get(id)?.disconnect();
      get().forget(id);
    }),

  forget: (id) => {
    runtimeRegistry.remove(id);
    serialPorts.delete(id);
    virtualPorts.delete(id);
    refresh();
    void listGranted();
  },

  setVirtual: (patch) => {
    const virtual = { ...get().virtual, ...patch };
    set({ virtual });
    for (const port of virtualPorts.values()) {
      port.firmware.setGesture(virtual.gesture);
      port.firmware.setAudioMode(virtual.audioMode);
    }
  },

  unplugVirtual: (id) => virtualPorts.get(id)?.unplug(),

  setForwarderAxes: (id, axes) =>
    guarded(async () => {
      const runtime = serialRuntime(id);
      // Throws, saving nothing, when the board's axis count changed since the form was filled in.
      runtime.setForwarderAxes(axes);
      forwarderAxes = { ...forwarderAxes, [forwarderSettingsKey(id, runtime)]: axes };
      await (await getDb()).setSetting(FORWARDER_AXES_KEY, forwarderAxes);
      refresh();
      toast.success('Axis names saved for this board.');
    }),

  setForwarderRate: (id, hz) =>
    guarded(async () => {
      const runtime = serialRuntime(id);
      runtime.setForwarderRate(hz);
      const key = forwarderSettingsKey(id, runtime);
      forwarderRates = { ...forwarderRates, [key]: hz ?? 0 };
      if (hz === null) delete forwarderRates[key];
      await (await getDb()).setSetting(FORWARDER_RATES_KEY, forwarderRates);
      refresh();
      toast.success(
        hz === null
          ? 'This board’s rate is detected from its lines again.'
          : `Sampling rate set to ${hz} Hz for this board.`,
      );
    }),

  setStreaming: (id, sensorKey, on) =>
    guarded(async () => {
      await serialRuntime(id).setStreaming(sensorKey, on);
      refresh();
    }),

  setSensorRate: (id, sensorKey, hz) =>
    guarded(async () => {
      await serialRuntime(id).setSensorRate(sensorKey, hz);
      refresh();
    }),
}));
