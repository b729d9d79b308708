// One command of a step, with commands that ask the engine nothing (echo, exit, sleep): its
// outcome, its deadline, its readiness wait and the error that says what to do; through pipes (a
// person's run) and in a pseudo-terminal (the doc-test runner's).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuideError } from '../../../../snippets/lib/errors.mjs';
import { checkExit, runCommand } from '../../../../snippets/lib/run-command.mjs';

const engine = { id: 'ENGINE:ID', version: '28.5.2' };
const planned = (text: string, options: Record<string, unknown> = {}) => ({ text, setup: false, options: { id: 'content/t.mdx:1#1', at: 'content/t.mdx:2', ...options } });
let dir = '';
let saved: string | undefined;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'guide-run-command-'));
  saved = process.env.GUIDE_STATE_DIR;
  process.env.GUIDE_STATE_DIR = dir;
});
afterAll(() => {
  if (saved === undefined) delete process.env.GUIDE_STATE_DIR;
  else process.env.GUIDE_STATE_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe.each([{ pty: false }, { pty: true }])('runCommand, pty: $pty', (how) => {
  it('runs the text as written and returns its output and exit status', async () => {
    const { outcome, failure } = await runCommand(engine, planned('echo one; echo two >&2'), how);
    expect(failure).toBeUndefined();
    expect(outcome).toMatchObject({ output: 'one\ntwo\n', exitCode: 0, timedOut: false, containers: [] });
  });

  it('stops a command at its deadline', async () => {
    const { outcome } = await runCommand(engine, planned('sleep 5', { timeout: 1 }), how);
    expect(outcome.timedOut).toBe(true);
    expect(outcome.durationMs).toBeLessThan(4000);
  });

  it('waits for ready, and returns a readiness that never came as the failure', async () => {
    const ready = await runCommand(engine, planned('true', { ready: 'true' }), how);
    expect(ready.failure).toBeUndefined();
    expect(ready.outcome.readyMs).toBeGreaterThanOrEqual(0);
    const never = await runCommand(engine, planned('true', { ready: 'exit 4', timeout: 1 }), how);
    expect(never.failure).toBeInstanceOf(GuideError);
    expect((never.failure as Error).message).toMatch(/^content\/t\.mdx:2: not ready after \d\.\ds: exit 4/);
  });
});

describe('checkExit', () => {
  it('passes the page\'s exit status, and names file:line, expected and received otherwise', async () => {
    const { outcome } = await runCommand(engine, planned('echo last words; exit 3'), { pty: false });
    expect(() => checkExit(planned('x', { exit: 3 }), outcome)).not.toThrow();
    expect(() => checkExit(planned('echo last words; exit 3'), outcome)).toThrow(GuideError);
    try {
      checkExit(planned('echo last words; exit 3'), outcome);
    } catch (error) {
      expect((error as Error).message.split('\n')).toEqual([
        'content/t.mdx:2: `echo last words; exit 3` exited with status 3',
        '  expected: exit status 0',
        '  received: exit status 3; last output:',
        '    last words',
        expect.stringMatching(/^ {2}What to do: read the output above/),
      ]);
    }
  });
});
