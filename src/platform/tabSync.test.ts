import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  announceToOtherTabs,
  openTabChannel,
  PAGE_TAB,
  tabOfWorker,
  TAB_CHANNEL,
  workerName,
  type TabChannel,
} from './tabSync';

const open: Array<TabChannel | BroadcastChannel> = [];
afterEach(() => {
  open.splice(0).forEach((c) => c.close());
});

describe('the channel between tabs', () => {
  it('delivers a committed change to the other tabs, not back to the one that posted it', async () => {
    const heardHere = vi.fn();
    const heardThere = vi.fn();
    const here = openTabChannel(heardHere, 'tab-a');
    const there = openTabChannel(heardThere, 'tab-b');
    open.push(here, there);
    here.post({ projectId: 'p1', what: 'dataset' });
    await vi.waitFor(() => expect(heardThere).toHaveBeenCalledWith({ projectId: 'p1', what: 'dataset' }));
    expect(heardHere).not.toHaveBeenCalled();
  });

  it('ignores messages that are not a change of the studio', async () => {
    const heard = vi.fn();
    const other = new BroadcastChannel(TAB_CHANNEL);
    open.push(openTabChannel(heard), other);
    other.postMessage({ projectId: 'p1', what: 'everything' });
    other.postMessage('reload');
    other.postMessage({ projectId: null, what: 'projects' });
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    expect(heard).toHaveBeenCalledWith({ projectId: null, what: 'projects' });
  });
});

describe('changes committed in a worker', () => {
  it('reach the other tabs, not the tab whose worker made them', async () => {
    const heardHere = vi.fn();
    const heardThere = vi.fn();
    const there = openTabChannel(heardThere, 'tab-b');
    open.push(openTabChannel(heardHere, 'tab-a'), there);
    const fromWorker = announceToOtherTabs('train@tab-a');
    fromWorker({ projectId: 'p1', what: 'models' });
    await vi.waitFor(() => expect(heardThere).toHaveBeenCalledWith({ projectId: 'p1', what: 'models' }));
    // A later message here proves the earlier one was delivered and dropped, not still on its way.
    there.post({ projectId: 'p1', what: 'dataset' });
    await vi.waitFor(() => expect(heardHere).toHaveBeenCalledTimes(1));
    expect(heardHere).toHaveBeenCalledWith({ projectId: 'p1', what: 'dataset' });
  });

  it('take their tab from the worker name, and a name without one announces nothing', () => {
    expect(tabOfWorker(workerName('dsp'))).toBe(PAGE_TAB);
    expect(tabOfWorker('dsp')).toBeNull();
    expect(tabOfWorker('dsp@')).toBeNull();
    expect(announceToOtherTabs('dsp')({ projectId: null, what: 'projects' })).toBeUndefined();
  });
});
