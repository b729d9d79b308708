// Which networks, volumes and images a run removes afterwards: only ones that were not on the
// engine before it, and of those the ones its snippets recorded or were creating when Ctrl-C
// landed (a network also by the name a page creates; a volume also as an anonymous volume of one
// of the run's containers).
import { describe, expect, it } from 'vitest';
import { isRemovalUnderway, removeUntilQuiet, selectRunNetworks } from '../../../scripts/doctest/cleanup.ts';
import { selectRunImages, selectRunVolumes } from '../../../scripts/doctest/cleanup-storage.ts';

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

describe('the volumes a run removes (cleanup-storage.ts)', () => {
  const T = Date.parse('2026-12-03T15:00:00Z');
  const at = (ms: number) => new Date(T + ms).toISOString().replace(/\.\d+Z$/, 'Z');
  const anon = 'e'.repeat(64);
  const vol = (name: string, ms = 0) => ({ name, createdAt: at(ms) });
  const none = { volumes: [], images: [], pending: [] };
  const recorded = (name: string) => ({ id: name, name, created: at(0) });

  it('one its snippets recorded, by name (Docker moves CreatedAt as the content changes)', () => {
    const state = { ...none, volumes: [recorded('guide-data')] };
    expect(selectRunVolumes([vol('guide-data', 7_000), vol('other')], { volumesBefore: new Set() }, state, new Set())).toEqual(['guide-data']);
  });

  it('one an interrupted command was creating, made within its window; not one made by hand later under that name', () => {
    const pending = [{ engine: 'E1', kind: 'volume' as const, name: 'guide-data', since: T }];
    expect(selectRunVolumes([vol('guide-data', 300)], { volumesBefore: new Set() }, { ...none, pending }, new Set())).toEqual(['guide-data']);
    expect(selectRunVolumes([vol('guide-data', 10 * 60_000)], { volumesBefore: new Set() }, { ...none, pending }, new Set())).toEqual([]);
    expect(selectRunVolumes([vol('guide-data', -60_000)], { volumesBefore: new Set() }, { ...none, pending }, new Set())).toEqual([]); // older than the command
  });

  it("an anonymous volume of one of the run's containers; never a named one only because a run container mounts it", () => {
    expect(selectRunVolumes([vol(anon), vol('shared')], { volumesBefore: new Set() }, none, new Set([anon]))).toEqual([anon]);
  });

  it('never one that was there before the run, even recorded, pending or named like the page\'s', () => {
    const pending = [{ engine: 'E1', kind: 'volume' as const, name: 'guide-data', since: T }];
    const state = { volumes: [recorded('guide-data'), recorded(anon)], images: [], pending };
    expect(selectRunVolumes([vol('guide-data'), vol(anon)], { volumesBefore: new Set(['guide-data', anon]) }, state, new Set([anon]))).toEqual([]);
  });

  it('without the list from before, only what the snippets recorded or were creating', () => {
    expect(selectRunVolumes([vol('guide-data'), vol(anon)], {}, { ...none, volumes: [recorded('guide-data')] }, new Set([anon]))).toEqual(['guide-data']);
  });
});

describe('the images a run removes (cleanup-storage.ts)', () => {
  const T = Date.parse('2026-12-03T15:00:00Z');
  const built = { id: 'sha256:b1', tags: ['guide-app:latest'] };
  const none = { volumes: [], images: [], pending: [] };
  const state = { ...none, images: [{ id: 'sha256:b1', name: 'guide-app:latest' }] };

  it('the tag its snippets recorded on the image they built; the image counts as the run\'s (its containers too)', () => {
    expect(selectRunImages([built, { id: 'sha256:a1', tags: ['alpine:latest'] }], { imagesBefore: new Set(['sha256:a1', 'alpine:latest']) }, state, new Map())).toEqual({ refs: ['guide-app:latest'], ids: ['sha256:b1'] });
  });

  it('a tag an interrupted build was giving, tagged within its window; not the same tag given later by hand', () => {
    const pending = [{ engine: 'E1', kind: 'image' as const, name: 'guide-app:latest', since: T }];
    expect(selectRunImages([built], { imagesBefore: new Set() }, { ...none, pending }, new Map([['guide-app:latest', T + 40_000]])).refs).toEqual(['guide-app:latest']);
    expect(selectRunImages([built], { imagesBefore: new Set() }, { ...none, pending }, new Map([['guide-app:latest', T + 3_600_000]])).refs).toEqual([]);
  });

  it('an image of its own that a rebuild left untagged goes by id', () => {
    expect(selectRunImages([{ id: 'sha256:b1', tags: [] }], { imagesBefore: new Set() }, state, new Map())).toEqual({ refs: ['sha256:b1'], ids: ['sha256:b1'] });
  });

  it('never a tag someone else gave, on any image; an image that was there before is only untagged, and only when another tag keeps it', () => {
    expect(selectRunImages([{ id: 'sha256:a1', tags: ['guide-app:latest'] }], { imagesBefore: new Set() }, state, new Map()).refs).toEqual([]);
    const cached = { id: 'sha256:b1', tags: ['guide-app:latest', 'theirs:1'] };
    expect(selectRunImages([cached], { imagesBefore: new Set(['sha256:b1', 'theirs:1']) }, state, new Map()).refs).toEqual(['guide-app:latest']);
    expect(selectRunImages([built], { imagesBefore: new Set(['sha256:b1']) }, state, new Map()).refs).toEqual([]); // its one tag: removing it would delete their image
    expect(selectRunImages([built], { imagesBefore: new Set(['sha256:x', 'guide-app:latest']) }, state, new Map()).refs).toEqual([]); // the tag was there before
  });
});

describe('after a killed command: what the engine makes of its request afterwards', () => {
  /** A fake clock that `sleep` moves on, and passes that answer as `answers` says at each call (an Error: that pass fails). */
  function passes(answers: (string[] | Error)[]) {
    let t = 0;
    let calls = 0;
    const remove = async () => {
      const answer = answers[calls++] ?? [];
      if (answer instanceof Error) throw answer;
      return answer;
    };
    return { remove, sleep: async (ms: number) => void (t += ms), now: () => t, calls: () => calls };
  }
  const window = { quietMs: 1_000, limitMs: 5_000, pollMs: 100 };

  it('removes what appears later, and goes on until a whole quiet window has passed after it', async () => {
    const fake = passes([['redis-server-id'], [], [], ['guide-net-id'], [], []]);
    expect(await removeUntilQuiet(fake.remove, window, fake.sleep, fake.now)).toEqual(['redis-server-id', 'guide-net-id']);
    expect(fake.calls()).toBe(14); // the first pass, found again at 300 ms, then 10 quiet passes to 1300 ms
  });

  it('stops after one quiet window when nothing appears', async () => {
    const fake = passes([]);
    expect(await removeUntilQuiet(fake.remove, window, fake.sleep, fake.now)).toEqual([]);
    expect(fake.calls()).toBe(11);
  });

  it('tries again after a pass that failed (a container arriving held the volume), and succeeds', async () => {
    const fake = passes([new Error('volume is in use'), ['late-container', 'guide-faults-data']]);
    expect(await removeUntilQuiet(fake.remove, window, fake.sleep, fake.now)).toEqual(['late-container', 'guide-faults-data']);
  });

  it('throws the last error when passes go on failing to its limit', async () => {
    const fake = passes(Array.from({ length: 100 }, () => new Error('engine gone')));
    await expect(removeUntilQuiet(fake.remove, window, fake.sleep, fake.now)).rejects.toThrow('engine gone');
    expect(fake.calls()).toBe(51);
  });

  it('gives up at its limit even while things keep appearing', async () => {
    const fake = passes(Array.from({ length: 100 }, (_, i) => [`c${i}`]));
    const removed = await removeUntilQuiet(fake.remove, window, fake.sleep, fake.now);
    expect(removed).toHaveLength(51);
    expect(fake.calls()).toBe(51);
  });
});
