// Failure paths that need no guide containers: each message names what failed and what to do.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docker, makeStateDir, runSnippet, writeTestSnippet } from './helpers.ts';

const stateDir = makeStateDir();
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

describe('snippet errors', () => {
  it('no docker CLI', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'guide-test-bin-'));
    symlinkSync('/bin/bash', path.join(bin, 'bash'));
    const run = await runSnippet('step1.mjs', stateDir, { PATH: bin });
    rmSync(bin, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('docker: command not found');
    expect(run.stderr).toContain('npm run docker:setup');
  });

  it('engine not reachable', async () => {
    const run = await runSnippet('step1.mjs', stateDir, { DOCKER_HOST: `unix://${stateDir}/no-engine.sock` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('`docker info`: the Docker engine is not reachable');
    expect(run.stderr).toContain('no-engine.sock');
    expect(run.events.at(-1)).toMatchObject({ kind: 'step-end', ok: false });
  });

  it('an interactive session that never shows its prompt is killed at its deadline and its container removed', async () => {
    const script = writeTestSnippet(
      stateDir,
      'hang',
      "step.session('docker run -it alpine sh', { id: 'content/t.mdx:1#1', at: 'content/t.mdx:2', timeout: 3, prompt: 'never> ', inputs: ['exit'] });",
    );
    const started = Date.now();
    const run = await runSnippet(script, stateDir);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/t.mdx:2: `docker run -it alpine sh` timed out after 3s and was stopped');
    const end = run.events.find((e) => e.kind === 'command-end');
    expect(end).toMatchObject({ kind: 'command-end', timedOut: true, exitCode: null });
    const created = end?.kind === 'command-end' ? end.containers : [];
    expect(created).toHaveLength(1);
    expect(docker('ps', '-aq', '--no-trunc').split('\n').filter((id) => created.includes(id))).toEqual([]);
  });

  it('a scripted session stopped by SIGTERM removes its container and says so', async () => {
    const script = writeTestSnippet(
      stateDir,
      'term',
      "step.session('docker run -it alpine sh', { id: 'content/t.mdx:1#1', at: 'content/t.mdx:2', timeout: 60, prompt: 'never> ', inputs: ['exit'] });",
    );
    const before = new Set(docker('ps', '-aq', '--no-trunc').split('\n'));
    const run = await runSnippet(script, stateDir, {}, 2500);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('`docker run -it alpine sh`: interrupted (SIGTERM)');
    expect(run.stderr).toContain('the session was stopped and its container removed (1)');
    expect(docker('ps', '-aq', '--no-trunc').split('\n').filter((id) => id && !before.has(id))).toEqual([]);
  });

  it('a command that never becomes ready fails at its deadline, after reporting its command-end', async () => {
    const script = writeTestSnippet(stateDir, 'never-ready', "step.command('echo started', { id: 'content/t.mdx:1#1', at: 'content/t.mdx:2', ready: 'exit 3', timeout: 2 });");
    const run = await runSnippet(script, stateDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^content\/t\.mdx:2: not ready after [12]\.\ds: exit 3$/m);
    expect(run.stderr).toContain('received: exit 3');
    const end = run.events.find((e) => e.kind === 'command-end');
    expect(end).toMatchObject({ output: 'started\n', exitCode: 0 });
    expect(end?.kind === 'command-end' && end.readyMs).toBeGreaterThanOrEqual(1500);
  });

  it('an image that is not there and cannot be pulled points to npm run docker:setup', async () => {
    const script = writeTestSnippet(
      stateDir,
      'missing-image',
      "step.command('docker run --rm guide-test-no-such-image:none true', { id: 'content/t.mdx:1#1', at: 'content/t.mdx:2' });",
    );
    {
      const run = await runSnippet(script, stateDir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('content/t.mdx:2: the image guide-test-no-such-image:none is not on this engine and cannot be pulled');
      expect(run.stderr).toContain('`npm run docker:setup`');
      expect(run.stdout).not.toContain('$ docker run');
    }
  });
});
