// The run's snippet processes, with real processes and the real runtime (the channel fixture:
// echo commands, no Docker): a plan runs in the process of one of its needs or in a new one,
// none starts before the engine is checked, and the pages done are handed to the next snippet.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../scripts/page/types.ts';
import type { SnippetPlan } from '../../../scripts/doctest/plan.ts';
import { createSnippetPool } from '../../../scripts/doctest/snippet-pool.ts';
import { startSnippetHost } from '../../../scripts/doctest/snippet-host-process.mjs';

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
    pool.cancelAll();
  });

  it('once cancelled, runs nothing more', async () => {
    const pool = newPool();
    pool.prepare(plan('step3'));
    pool.cancelAll();
    const events: RunEvent[] = [];
    pool.checked(engine);
    const outcome = await pool.run(plan('step3'), (e) => events.push(e)); // its process ended without running it
    expect(events).toEqual([]);
    expect(outcome).toMatchObject({ exitCode: 0, error: 'not started: the run cancelled it' });
    expect(await pool.run(plan('step4'), () => {})).toMatchObject({ error: 'not started: the run cancelled it' });
  });
});

// The processes themselves, as the system lists them (/proc): this test process's children
// running snippet-host.mjs.
const fail = path.join(import.meta.dirname, 'fixtures/channel/fail.mjs');
const failing = (name: string): SnippetPlan => ({ ...plan(name), file: fail });
const after = (name: string, ...needs: string[]): SnippetPlan => ({ ...plan(name), needs });

/** The live (not zombie) snippet processes this one started. */
function hosts(): number[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number).filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); // "pid (comm) state ppid ..."
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(ppid) === process.pid && state !== 'Z' && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('snippet-host.mjs');
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
  it('prepares a plan once: prepared twice, one process, which runs it and stays until the run lets it go', async () => {
    const pool = newPool();
    pool.prepare(plan('step1'));
    pool.prepare(plan('step1'));
    expect(await until(() => hosts().length > 0)).toBe(true);
    pool.checked(engine);
    const events: RunEvent[] = [];
    expect(await pool.run(plan('step1'), (e) => events.push(e))).toMatchObject({ exitCode: 0, error: undefined });
    expect(events.map((e) => e.kind)).toEqual(['step-start', 'command-start', 'command-end', 'command-start', 'command-end', 'step-end']);
    expect(hosts()).toHaveLength(1);
    pool.cancelAll();
    expect(await until(() => hosts().length === 0)).toBe(true);
  });

  it('runs a plan in the process of a need no other plan follows there: the lesson in two processes', async () => {
    const pool = newPool();
    const plans = [plan('step1'), after('step2', 'step1'), after('step3', 'step1'), after('step4', 'step3'), after('troubleshoot', 'step1', 'step2', 'step3', 'step4'), { ...after('cleanup', 'step1', 'step2', 'step3', 'step4', 'troubleshoot'), page: undefined }];
    plans.forEach(pool.prepare);
    pool.checked(engine);
    for (const p of plans) expect((await pool.run(p, () => {})).error, p.name).toBeUndefined();
    expect(hosts()).toHaveLength(2);
    pool.cancelAll();
    expect(await until(() => hosts().length === 0)).toBe(true);
  });

  it('cancelAll lets every process go: the idle ones at once, the one running after its snippet, whose events all come', async () => {
    const pool = newPool();
    pool.prepare(plan('step1'));
    pool.prepare(failing('step2'));
    pool.prepare(failing('step3'));
    expect(await until(() => hosts().length === 3)).toBe(true);
    pool.checked(engine);
    const events: RunEvent[] = [];
    const first = pool.run(plan('step1'), (e) => events.push(e)); // started: its handover is sent now
    pool.cancelAll();
    expect(await until(() => hosts().length <= 1)).toBe(true);
    const outcome = await first;
    expect(outcome.error).toBeUndefined();
    expect(second(events)?.kind === 'command-end' && second(events)?.output).toBe('26.1.5  /tmp/guide-pool/state/containers.json\n');
    expect(await until(() => hosts().length === 0)).toBe(true);
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
    const next: RunEvent[] = [];
    await pool.run(plan('step3'), (e) => next.push(e)); // step2 passed: handed on, in the order done
    expect(second(next)?.kind === 'command-end' && second(next)?.output).toBe('26.1.5 step2 /tmp/guide-pool/state/containers.json\n');
    pool.cancelAll();
  });

  it('a plan promised to a process that was killed runs in a new one', async () => {
    const pool = newPool();
    const hang: SnippetPlan = { ...plan('step1'), file: path.join(import.meta.dirname, 'fixtures/channel/hang.mjs'), deadlineMs: 1_000 };
    pool.prepare(hang);
    pool.prepare(after('step2', 'step1'));
    pool.checked(engine);
    expect(await pool.run(hang, () => {})).toMatchObject({ killed: 'snippet-timeout' });
    const events: RunEvent[] = [];
    expect((await pool.run(after('step2', 'step1'), (e) => events.push(e))).error).toBeUndefined();
    expect(events.map((e) => e.kind)).toContain('step-end');
    pool.cancelAll();
  });

  it('runs its first plan in the process started before the runner loaded (bin.mjs), and spawns none for it', async () => {
    const early = startSnippetHost(root);
    expect(await until(() => hosts().includes(early.pid!))).toBe(true);
    const pool = createSnippetPool({ cwd: root, stateDir: '/tmp/guide-pool/state', signal: new AbortController().signal, early });
    pool.prepare(plan('step1'));
    pool.checked(engine);
    expect((await pool.run(plan('step1'), () => {})).error).toBeUndefined();
    expect(hosts()).toEqual([early.pid]);
    pool.cancelAll();
    expect(await until(() => hosts().length === 0)).toBe(true);
  });

  it('lets the early process go when no plan needed it', async () => {
    const early = startSnippetHost(root);
    const pool = createSnippetPool({ cwd: root, stateDir: '/tmp/guide-pool/state', signal: new AbortController().signal, early });
    expect(await until(() => hosts().includes(early.pid!))).toBe(true);
    pool.cancelAll();
    expect(await until(() => hosts().length === 0)).toBe(true);
  });
});
