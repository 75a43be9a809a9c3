import { create } from 'zustand';
import type { SensorInfo } from '../core/dataset/sample';
import { describeError } from '../core/errors';
import { newId } from '../core/ids';
import { VirtualFirmware } from '../core/virtual/virtualFirmware';
import type { Gesture } from '../core/virtual/gestures';
import type { AudioMode } from '../core/virtual/audio';
import { getSerialAccess } from '../platform/serial/serialAccess';
import { boardKey, boardName, type PortLike, type SerialBackend } from '../platform/serial/types';
import { VirtualPort } from '../platform/virtualBoard/virtualPort';
import { microphoneSource } from '../platform/microphone/openMicrophone';
import { getDb } from './db';
import { runtimeRegistry } from './devices/registry';
import { MicrophoneRuntime } from './devices/microphoneRuntime';
import { SerialRuntime } from './devices/serialRuntime';
import type { SourceSnapshot } from './devices/types';
import { toast } from './toastStore';

const FORWARDER_AXES_KEY = 'forwarderAxes';
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
}

/** Per runtime id: what is needed to reconnect it when the same board is plugged back in. */
const serialPorts = new Map<string, { port: PortLike; key: string }>();
const virtualPorts = new Map<string, VirtualPort>();
let grantedPorts: PortLike[] = [];
let forwarderAxes: Record<string, SensorInfo[]> = {};
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

async function listGranted(): Promise<void> {
  const inUse = new Set([...serialPorts.values()].map((p) => p.port));
  grantedPorts = (await getSerialAccess().getPorts()).filter((p) => !inUse.has(p));
  useDevices.setState({
    granted: grantedPorts.map((p, index) => ({ index, name: boardName(p.getInfo?.()) })),
  });
}

async function openSerial(port: PortLike, id = newId()): Promise<void> {
  const access = getSerialAccess();
  const info = port.getInfo?.();
  const key = boardKey(info);
  const runtime = await SerialRuntime.connect(port, {
    id,
    kind: access.backend === 'webusb' ? 'webusb' : 'serial',
    name: boardName(info),
    simulated: false,
    forwarderAxes: (n) => forwarderAxes[`${key}:${n}`],
  });
  serialPorts.set(id, { port, key });
  runtimeRegistry.add(runtime);
  keepRefreshing();
  await listGranted();
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
    forwarderAxes =
      (await (await getDb()).getSetting<Record<string, SensorInfo[]>>(FORWARDER_AXES_KEY)) ?? {};
    // The same board plugged back in: reconnect the source it was, keeping its place in the list.
    access.onConnect((port) => {
      const info = port?.getInfo?.();
      const lost = [...serialPorts.entries()].find(
        ([id, p]) =>
          (p.port === port || p.key === boardKey(info)) &&
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
      runtimeRegistry.add(runtime);
      keepRefreshing();
    }),

  connectMicrophone: () =>
    guarded(async () => {
      const runtime = await MicrophoneRuntime.open(newId(), microphoneSource);
      runtimeRegistry.add(runtime);
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
      const runtime = runtimeRegistry.get(id);
      const port = serialPorts.get(id);
      if (!(runtime instanceof SerialRuntime) || !port) return;
      runtime.setForwarderAxes(axes);
      forwarderAxes = { ...forwarderAxes, [`${port.key}:${axes.length}`]: axes };
      await (await getDb()).setSetting(FORWARDER_AXES_KEY, forwarderAxes);
      refresh();
      toast.success('Axis names saved for this board.');
    }),
}));
