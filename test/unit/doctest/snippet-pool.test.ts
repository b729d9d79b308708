// The run's snippet processes, with real processes and the real runtime (the channel fixture:
// echo commands, no Docker): one process per plan, none started before the engine is checked,
// and the pages done handed to the next snippet.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../scripts/page/types.ts';
import type { SnippetPlan } from '../../../scripts/doctest/plan.ts';
import { createSnippetPool } from '../../../scripts/doctest/snippet-pool.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const file = path.join(import.meta.dirname, 'fixtures/channel/echo.mjs');
const plan = (name: string): SnippetPlan => ({ name, page: name, file, needs: [], commands: [], deadlineMs: 30_000 });
const engine = { id: 'ENGINE:ID', version: '26.1.5' };
const newPool = () => createSnippetPool({ cwd: root, stateDir: '/tmp/guide-pool/state', signal: new AbortController().signal });
const second = (events: RunEvent[]) => events.filter((e) => e.kind === 'command-end')[1];

describe('createSnippetPool', () => {
  it('will not start a snippet before the run\'s preflight checked the engine, and says which', async () => {
    const pool = newPool();
    await expect(pool.run(plan('step1'), () => {})).rejects.toThrow('snippet step1: started before the run\'s preflight checked the engine');
    pool.cancelAll();
  });

  it('hands each snippet the engine, the state folder and the pages run successfully before it', async () => {
    const pool = newPool();
    pool.prepare(plan('step1'));
    pool.prepare(plan('step1')); // once per plan
    pool.checked(engine);
    const one: RunEvent[] = [];
    expect((await pool.run(plan('step1'), (e) => one.push(e))).error).toBeUndefined();
    const two: RunEvent[] = [];
    expect((await pool.run(plan('step2'), (e) => two.push(e))).error).toBeUndefined();
    expect(second(one)?.kind === 'command-end' && second(one)?.output).toBe('26.1.5  /tmp/guide-pool/state/containers.json\n');
    expect(second(two)?.kind === 'command-end' && second(two)?.output).toBe('26.1.5 step1 /tmp/guide-pool/state/containers.json\n');
  });

  it('ends the snippets it prepared but never started', async () => {
    const pool = newPool();
    pool.prepare(plan('step3'));
    pool.cancelAll();
    const events: RunEvent[] = [];
    pool.checked(engine);
    const outcome = await pool.run(plan('step3'), (e) => events.push(e)); // the same process: it ended without running
    expect(events).toEqual([]);
    expect(outcome.exitCode).toBe(0);
  });
});
