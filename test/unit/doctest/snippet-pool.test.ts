// The run's snippet processes, with real processes and the real runtime (the channel fixture:
// echo commands, no Docker): one process per plan, none started before the engine is checked,
// and the pages done handed to the next snippet.
import { readdirSync, readFileSync } from 'node:fs';
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

  it('ends the snippets it prepared but never started, and never runs one of them afterwards', async () => {
    const pool = newPool();
    pool.prepare(plan('step3'));
    pool.cancelAll();
    const events: RunEvent[] = [];
    pool.checked(engine);
    const outcome = await pool.run(plan('step3'), (e) => events.push(e)); // it ended without running
    expect(events).toEqual([]);
    expect(outcome).toMatchObject({ exitCode: 0, error: 'not started: the run cancelled it' });
    const next: RunEvent[] = [];
    await pool.run(plan('step4'), (e) => next.push(e));
    const handedOver = next.filter((e) => e.kind === 'command-end')[1];
    expect(handedOver?.kind === 'command-end' && handedOver.output).toBe('26.1.5  /tmp/guide-pool/state/containers.json\n'); // step3 is no page done
  });
});

// The processes themselves, as the system lists them (/proc): this test process's children
// running a fixture snippet.
const fail = path.join(import.meta.dirname, 'fixtures/channel/fail.mjs');
const failing = (name: string): SnippetPlan => ({ ...plan(name), file: fail });

/** The live (not zombie) child processes of this one whose arguments include `snippet`. */
function running(snippet: string): number[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number).filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); // "pid (comm) state ppid ..."
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(ppid) === process.pid && state !== 'Z' && readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(snippet);
    } catch {
      return false; // ended while being read
    }
  });
}

/** Waits until `check` holds (a spawned process shows its own arguments once it has exec'd). */
async function until(check: () => boolean, ms = 10_000): Promise<boolean> {
  for (const end = Date.now() + ms; !check(); await new Promise((resolve) => setTimeout(resolve, 20))) if (Date.now() > end) return false;
  return true;
}

describe('createSnippetPool: its processes', () => {
  it('prepares a plan once: prepared twice, one process, which then runs the snippet and ends', async () => {
    const pool = newPool();
    pool.prepare(plan('step1'));
    pool.prepare(plan('step1'));
    expect(await until(() => running(file).length > 0)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200)); // time for a second one to show
    expect(running(file)).toHaveLength(1);
    pool.checked(engine);
    const events: RunEvent[] = [];
    const outcome = await pool.run(plan('step1'), (e) => events.push(e));
    expect(outcome).toMatchObject({ exitCode: 0, error: undefined });
    expect(events.map((e) => e.kind)).toEqual(['step-start', 'command-start', 'command-end', 'command-start', 'command-end', 'step-end']);
    expect(running(file)).toEqual([]);
  });

  it('cancelAll ends the prepared snippets that have not started, and leaves the one that has', async () => {
    const pool = newPool();
    pool.prepare(plan('step1'));
    pool.prepare(failing('step2'));
    pool.prepare(failing('step3'));
    expect(await until(() => running(file).length === 1 && running(fail).length === 2)).toBe(true);
    pool.checked(engine);
    const events: RunEvent[] = [];
    const first = pool.run(plan('step1'), (e) => events.push(e)); // started: its handover is sent now
    pool.cancelAll();
    expect(await until(() => running(fail).length === 0)).toBe(true);
    const outcome = await first;
    expect(outcome.error).toBeUndefined();
    expect(second(events)?.kind === 'command-end' && second(events)?.output).toBe('26.1.5  /tmp/guide-pool/state/containers.json\n');
  });

  it('a run that failed, or a snippet of no page (cleanup), adds nothing to the pages done', async () => {
    const pool = newPool();
    pool.checked(engine);
    const failed = await pool.run(failing('step1'), () => {});
    expect(failed.exitCode).toBe(1);
    expect(failed.error?.split('\n')[0]).toBe('content/fail.mdx:4: `exit 3` exited with status 3');
    expect((await pool.run({ ...plan('cleanup'), page: undefined }, () => {})).error).toBeUndefined();
    const events: RunEvent[] = [];
    await pool.run(plan('step2'), (e) => events.push(e));
    expect(second(events)?.kind === 'command-end' && second(events)?.output).toBe('26.1.5  /tmp/guide-pool/state/containers.json\n');
    const after: RunEvent[] = [];
    await pool.run(plan('step3'), (e) => after.push(e)); // step2 passed: handed on, in the order done
    expect(second(after)?.kind === 'command-end' && second(after)?.output).toBe('26.1.5 step2 /tmp/guide-pool/state/containers.json\n');
  });
});
