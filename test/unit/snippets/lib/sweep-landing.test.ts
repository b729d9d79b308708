// After Ctrl-C, Docker may still be making what the interrupted command asked for (a `docker
// build` goes on and tags its image): the clean-up waits a few seconds for the recent pending
// creations to appear before it settles them.
import { describe, expect, it } from 'vitest';
import { waitForLanding } from '../../../../snippets/lib/sweep.mjs';

const pending = (name: string, since: number) => ({ engine: 'E', kind: 'image' as const, name, since });
const landing = { recentMs: 120_000, waitMs: 3_000, pollMs: 1 };

/** A clock that moves 100 ms each time it is read after the start. */
function clock(start: number) {
  let t = start;
  return () => (t += 100);
}

describe('waitForLanding', () => {
  it('asks nothing when no pending creation is recent (an interruption long ago)', async () => {
    let asked = 0;
    await waitForLanding([pending('old', 0)], async () => (asked += 1, false), landing, clock(1_000_000));
    expect(asked).toBe(0);
  });

  it('waits until a recent one appears, then stops asking', async () => {
    const calls: string[] = [];
    let n = 0;
    await waitForLanding([pending('img', 1_000_000)], async (p) => (calls.push(p.name), (n += 1) >= 3), landing, clock(1_000_000));
    expect(calls).toEqual(['img', 'img', 'img']);
  });

  it('gives up after its wait when it never appears (the command was killed before Docker got it)', async () => {
    let asked = 0;
    await waitForLanding([pending('never', 1_000_000)], async () => (asked += 1, false), landing, clock(1_000_000));
    expect(asked).toBeGreaterThan(5);
    expect(asked).toBeLessThan(40); // 3 s of a clock that moves 100 ms a read
  });
});
