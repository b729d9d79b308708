// One command of a step, with commands that ask the engine nothing (echo, exit, sleep): its
// outcome, its deadline, its readiness wait and the error that says what to do; through pipes (a
// person's run) and in a pseudo-terminal (the doc-test runner's).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// A `docker` first on PATH that only notes it was called, and an engine socket nothing listens on:
// any docker command these tests made would be recorded here, and any question on the engine's
// API would fail, instead of reaching an engine (run-command.mjs asks effects.mjs and
// recording.mjs, which ask Docker only about docker commands).
let shim = '';
let savedPath: string | undefined;
let savedHost: string | undefined;
beforeAll(() => {
  shim = mkdtempSync(path.join(os.tmpdir(), 'guide-run-command-path-'));
  writeFileSync(path.join(shim, 'docker'), `#!/bin/sh\necho "docker $*" >> '${shim}/calls'\nexit 1\n`, { mode: 0o755 });
  savedPath = process.env.PATH;
  savedHost = process.env.DOCKER_HOST;
  process.env.PATH = `${shim}${path.delimiter}${savedPath ?? ''}`;
  process.env.DOCKER_HOST = `unix://${shim}/no-engine.sock`;
});
afterAll(() => {
  process.env.PATH = savedPath;
  if (savedHost === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = savedHost;
  rmSync(shim, { recursive: true, force: true });
});

describe.each([{ pty: false }, { pty: true }])('runCommand, pty: $pty: the outcome', (how) => {
  it('of `exit 3`: its status, no output, no readiness wait', async () => {
    const { outcome, failure } = await runCommand(engine, planned('exit 3'), how);
    expect(failure).toBeUndefined();
    expect(outcome).toEqual({ output: '', exitCode: 3, timedOut: false, durationMs: expect.any(Number), containers: [] });
  });

  it('of a command stopped at its deadline: timed out, no exit status, and no readiness wait after it', async () => {
    const started = performance.now();
    const { outcome, failure } = await runCommand(engine, planned('sleep 5', { timeout: 0.3, ready: 'true' }), how);
    expect(failure).toBeUndefined();
    expect(outcome).toMatchObject({ exitCode: null, timedOut: true, containers: [] });
    expect(outcome.readyMs).toBeUndefined();
    expect(outcome.durationMs).toBeGreaterThanOrEqual(250);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('waits for `ready` only after the exit status the page expects', async () => {
    const expected = await runCommand(engine, planned('exit 3', { exit: 3, ready: 'true' }), how);
    expect(expected.failure).toBeUndefined();
    expect(expected.outcome.readyMs).toEqual(expect.any(Number));
    const other = await runCommand(engine, planned('exit 2', { exit: 3, ready: 'exit 1', timeout: 0.5 }), how);
    expect(other.failure).toBeUndefined(); // no wait, so no readiness failure: checkExit reports it
    expect(other.outcome).toMatchObject({ exitCode: 2 });
    expect(other.outcome.readyMs).toBeUndefined();
  });

  it('returns a readiness that never came as `failure`: file:line, what it waited for, what the last probe said', async () => {
    // a deadline under 2 s: the wait never reaches its engine check (`docker info`, ready.mjs)
    const { outcome, failure } = await runCommand(engine, planned('echo started', { ready: 'echo not yet; exit 4', timeout: 0.5 }), how);
    expect(outcome).toMatchObject({ output: 'started\n', exitCode: 0, timedOut: false });
    expect(outcome.readyMs).toBeGreaterThan(0);
    expect(outcome.durationMs).toBeGreaterThanOrEqual(outcome.readyMs!);
    expect(failure).toBeInstanceOf(GuideError);
    expect((failure as Error).message.split('\n')).toEqual([
      expect.stringMatching(/^content\/t\.mdx:2: not ready after 0\.\ds: echo not yet; exit 4$/),
      '  expected: exit status 0',
      '  received: exit 4: not yet',
      expect.stringMatching(/^ {2}What to do: check the container's logs/),
    ]);
  });
});

describe('checkExit of a command stopped at its deadline', () => {
  it('names file:line, the deadline expected and that no end came', async () => {
    const timed = planned('echo waiting; sleep 5', { timeout: 0.3 });
    const { outcome } = await runCommand(engine, timed, { pty: true });
    expect(() => checkExit(timed, outcome)).toThrow(GuideError);
    const message = (() => {
      try {
        checkExit(timed, outcome);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message?.split('\n')).toEqual([
      'content/t.mdx:2: `echo waiting; sleep 5` timed out after 0.3s and was stopped',
      '  expected: exit status 0 within 0.3s',
      '  received: no end before the deadline; last output:',
      '    waiting',
      expect.stringMatching(/^ {2}What to do: /),
    ]);
  });

  it('a deadline counts even when the status would match: timed out is never passed', () => {
    const timed = planned('sleep 5', { exit: 0 });
    expect(() => checkExit(timed, { output: '', exitCode: 0, timedOut: true, durationMs: 1, containers: [] })).toThrow(/timed out after 60s and was stopped/);
  });
});

describe('runCommand with commands that are not docker commands', () => {
  it('asks the engine nothing and records nothing', async () => {
    for (const pty of [false, true]) {
      await runCommand(engine, planned('echo hi'), { pty });
      await runCommand(engine, planned('exit 3'), { pty });
      await runCommand(engine, planned('true', { ready: 'true' }), { pty });
    }
    expect(existsSync(path.join(shim, 'calls')), 'a docker command was run').toBe(false);
    expect(existsSync(path.join(dir, 'containers.json')), 'the state file was written').toBe(false);
  });
});

describe('runCommand of a command that provokes an error on purpose (`provoke`, snippets/troubleshoot.mjs)', () => {
  it('runs it as typed: the engine is not asked first whether its effect exists, and its status is the page\'s', async () => {
    const calls = path.join(shim, 'calls');
    rmSync(calls, { force: true });
    const { outcome } = await runCommand(engine, planned('docker run -d --name redis-server redis', { provoke: true, exit: 1 }), { pty: false });
    expect(readFileSync(calls, 'utf8').split('\n')[0]).toBe('docker run -d --name redis-server redis'); // the command itself first, no inspect before it
    expect(outcome).toMatchObject({ exitCode: 1, timedOut: false, containers: [] });
    expect(outcome.skipped).toBeUndefined();
    rmSync(calls, { force: true });
  });

  it('where a step command would ask first (whether redis-server already runs), and never runs for lack of an answer', async () => {
    const calls = path.join(shim, 'calls');
    rmSync(calls, { force: true });
    // the question goes to the engine's socket, where nothing listens here: the command never starts
    await expect(runCommand(engine, planned('docker run -d --name redis-server redis'), { pty: false })).rejects.toThrow(/^`docker container inspect` failed: Cannot connect to the Docker daemon/);
    expect(existsSync(calls), 'the command ran').toBe(false);
  });
});
