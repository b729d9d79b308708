// The runner's channel to a snippet, end to end with real processes and the real runtime (a
// snippet of echo commands: no Docker): the handover goes as one message, the events come back
// as messages as they happen, and a snippet cancelled before its start runs nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../scripts/page/types.ts';
import { handover } from '../../../scripts/doctest/snippet-pool.ts';
import { spawnSnippet } from '../../../scripts/doctest/spawn-snippet.ts';
import type { SnippetPlan } from '../../../scripts/doctest/plan.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const plan: SnippetPlan = { name: 'echo', page: 'echo', file: path.join(import.meta.dirname, 'fixtures/channel/echo.mjs'), needs: [], commands: [], deadlineMs: 30_000 };

describe('spawnSnippet', () => {
  it('hands over the engine, the pages done and the state folder as a message; events come back in order', async () => {
    const events: RunEvent[] = [];
    const snippet = spawnSnippet(plan, { cwd: root, signal: new AbortController().signal });
    const outcome = await snippet.start(handover({ id: 'ENGINE:ID', version: '28.5.2' }, new Set(['step1', 'step3']), '/tmp/guide-run/state'), (e) => events.push(e));
    expect(outcome.exitCode, outcome.output).toBe(0);
    expect(events.map((e) => e.kind)).toEqual(['step-start', 'command-start', 'command-end', 'command-start', 'command-end', 'step-end']);
    const ends = events.filter((e) => e.kind === 'command-end');
    expect(ends.map((e) => e.output)).toEqual(['one\n', '28.5.2 step1,step3 /tmp/guide-run/state/containers.json\n']);
  });

  it('cancelled before its start, it runs nothing and reports nothing', async () => {
    const events: RunEvent[] = [];
    const snippet = spawnSnippet(plan, { cwd: root, signal: new AbortController().signal });
    expect(await snippet.cancel()).toBe(0);
    expect(events).toEqual([]);
  });
});
