// Which networks a run removes afterwards: only ones that were not on the engine before it,
// and of those the ones its snippets recorded or that carry the name a page creates (Ctrl-C can
// land between `docker network create` and the recording of its id).
import { describe, expect, it } from 'vitest';
import { isRemovalUnderway, selectRunNetworks } from '../../../scripts/doctest/cleanup.ts';

const net = (id: string, name: string) => ({ id, name });
const existing = [net('a1', 'bridge'), net('b2', 'guide-net'), net('c3', 'my-net'), net('d4', 'other')];

describe('the networks a run removes', () => {
  it('a network a page creates, new since the run started, even when no snippet recorded it', () => {
    expect(selectRunNetworks(existing, { networksBefore: new Set(['a1', 'c3']), guideNetworks: ['guide-net'] }, new Set())).toEqual(['b2']);
  });

  it('a network a snippet recorded, whatever its name', () => {
    expect(selectRunNetworks(existing, { networksBefore: new Set(['a1']), guideNetworks: [] }, new Set(['d4']))).toEqual(['d4']);
  });

  it('never one that was there before the run, even named like the page\'s or recorded', () => {
    expect(selectRunNetworks(existing, { networksBefore: new Set(['a1', 'b2', 'c3', 'd4']), guideNetworks: ['guide-net'] }, new Set(['d4']))).toEqual([]);
  });

  it('never a new network of someone else\'s, with another name and not recorded', () => {
    expect(selectRunNetworks(existing, { networksBefore: new Set(['a1', 'b2']), guideNetworks: ['guide-net'] }, new Set())).toEqual([]);
  });
});

describe('docker rm -f complaints that mean the container goes anyway', () => {
  it('a --rm container already removing itself, or one already gone; not any other error', () => {
    expect(isRemovalUnderway('Error response from daemon: removal of container 1c55c661f6c9 is already in progress')).toBe(true);
    expect(isRemovalUnderway('Error response from daemon: No such container: 1c55c661f6c9')).toBe(true);
    expect(isRemovalUnderway('Error response from daemon: cannot remove container: device or resource busy')).toBe(false);
  });
});
