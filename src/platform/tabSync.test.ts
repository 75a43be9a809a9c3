import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTabChannel, TAB_CHANNEL, type TabChannel } from './tabSync';

const open: Array<TabChannel | BroadcastChannel> = [];
afterEach(() => {
  open.splice(0).forEach((c) => c.close());
});

describe('the channel between tabs', () => {
  it('delivers a committed change to the other tabs, not back to the one that posted it', async () => {
    const heardHere = vi.fn();
    const heardThere = vi.fn();
    const here = openTabChannel(heardHere);
    const there = openTabChannel(heardThere);
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
