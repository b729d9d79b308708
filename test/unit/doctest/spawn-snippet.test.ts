// The runner's channel to a snippet process, end to end with real processes and the real runtime
// (snippets of echo commands: no Docker): each handover goes as one message and names the snippet,
// the events come back as messages as they happen, then `snippet-done`; one process runs snippets
// one after another; a process let go before any runs nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../scripts/page/types.ts';
import { handover } from '../../../scripts/doctest/snippet-pool.ts';
import { spawnSnippet } from '../../../scripts/doctest/spawn-snippet.ts';
import type { SnippetPlan } from '../../../scripts/doctest/plan.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => path.join(import.meta.dirname, `fixtures/channel/${name}.mjs`);
const plan = (name = 'echo', deadlineMs = 30_000): SnippetPlan => ({ name, page: name, file: fixture(name), needs: [], commands: [], deadlineMs });
const engine = { id: 'ENGINE:ID', version: '28.5.2' };
const spawnOne = () => spawnSnippet({ cwd: root, signal: new AbortController().signal });
const outputs = (events: RunEvent[]) => events.flatMap((e) => (e.kind === 'command-end' ? [e.output] : []));

describe('spawnSnippet', () => {
  it('hands over the snippet, the engine, the pages done and the state folder as a message; events come back in order', async () => {
    const events: RunEvent[] = [];
    const snippet = spawnOne();
    const outcome = await snippet.start(plan(), handover(plan(), engine, new Set(['step1', 'step3']), '/tmp/guide-run/state'), (e) => events.push(e));
    expect(outcome.exitCode, outcome.output).toBe(0);
    expect(events.map((e) => e.kind)).toEqual(['step-start', 'command-start', 'command-end', 'command-start', 'command-end', 'step-end']);
    expect(outputs(events)).toEqual(['one\n', '28.5.2 step1,step3 /tmp/guide-run/state/containers.json\n']);
    expect(snippet.usable()).toBe(true);
    expect(await snippet.cancel()).toBe(0);
  });

  it('runs one snippet after another in the same process, each with its own handover; a failed one leaves it usable', async () => {
    const snippet = spawnOne();
    const failed = await snippet.start(plan('fail'), handover(plan('fail'), engine, new Set(), '/tmp/guide-run/state'), () => {});
    expect(failed).toMatchObject({ exitCode: 1 });
    expect(failed.error?.split('\n')[0]).toBe('content/fail.mdx:4: `exit 3` exited with status 3');
    expect(snippet.usable()).toBe(true);
    for (const done of [new Set(['step1']), new Set(['step1', 'step2'])]) {
      const events: RunEvent[] = [];
      const outcome = await snippet.start(plan(), handover(plan(), engine, done, '/tmp/guide-run/state'), (e) => events.push(e));
      expect(outcome.error).toBeUndefined();
      expect(outputs(events)).toEqual(['one\n', `28.5.2 ${[...done].join(',')} /tmp/guide-run/state/containers.json\n`]); // run again, from its first line
    }
    expect(await snippet.cancel()).toBe(0);
  });

  it('past its deadline, the process is killed, the command in flight reported, and it runs nothing more', async () => {
    const snippet = spawnOne();
    const events: RunEvent[] = [];
    const outcome = await snippet.start(plan('hang', 1_500), handover(plan('hang'), engine, new Set(), '/tmp/guide-run/state'), (e) => events.push(e));
    expect(outcome).toMatchObject({ killed: 'snippet-timeout', error: 'the snippet did not end within 1.5s' });
    expect(events.at(-1)).toMatchObject({ kind: 'command-end', exitCode: null, timedOut: true });
    expect(snippet.usable()).toBe(false);
  });

  it('let go before its first snippet, it runs nothing and reports nothing', async () => {
    expect(await spawnOne().cancel()).toBe(0);
  });
});
