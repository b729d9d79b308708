import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docker, runSnippet, useStateDir } from './helpers.ts';

const state = useStateDir();

describe('snippets/step1.mjs', () => {
  it("starts the guide's redis-server again when it is stopped, instead of creating another", async () => {
    const first = await runSnippet('step1.mjs', state.dir);
    expect(first.code, first.stderr).toBe(0);
    const id = docker('inspect', '--format', '{{.Id}}', 'redis-server');
    docker('stop', '-t', '1', id);

    const again = await runSnippet('step1.mjs', state.dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('# not running `docker run -d --name redis-server redis`: redis-server exists but is stopped (the guide created it); starting it\n');
    expect(again.stdout).toContain('\n$ docker start redis-server\n');
    expect(docker('inspect', '--format', '{{.Id}} {{.State.Running}}', 'redis-server')).toBe(`${id} true`);
    const end = again.events.find((e) => e.kind === 'command-end');
    expect(end).toMatchObject({ output: `${id}\n`, exitCode: 0, skipped: expect.stringContaining('stopped') });
    expect(end?.kind === 'command-end' && end.readyMs).toBeGreaterThanOrEqual(0); // waited for redis-cli ping after starting
  });

  it('reruns after Ctrl-C landed between Docker creating redis-server and the guide recording it: it is the guide\'s', async () => {
    // what the runtime notes before `docker run -d --name redis-server redis`, and what Docker
    // had done when the run was interrupted: the container exists, created, never recorded
    const engine = docker('info', '--format', '{{.ID}}');
    writeFileSync(`${state.dir}/containers.json`, JSON.stringify({ containers: [], pending: [{ engine, kind: 'container', name: 'redis-server', since: Date.now() }] }));
    const id = docker('create', '--name', 'redis-server', 'redis');
    state.extra.push(id);
    const run = await runSnippet('step1.mjs', state.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('redis-server exists but is stopped (the guide created it); starting it');
    expect(docker('inspect', '--format', '{{.Id}} {{.State.Running}}', 'redis-server')).toBe(`${id} true`);
  });

  it('a redis-server made by hand after such an interruption stays someone else\'s', async () => {
    const engine = docker('info', '--format', '{{.ID}}');
    const since = Date.now() - 10 * 60_000; // the interrupted run was ten minutes ago
    writeFileSync(`${state.dir}/containers.json`, JSON.stringify({ containers: [], pending: [{ engine, kind: 'container', name: 'redis-server', since }] }));
    const id = docker('create', '--name', 'redis-server', 'redis');
    state.extra.push(id);
    const run = await runSnippet('step1.mjs', state.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('a container named redis-server already exists, and this guide did not create it');
    expect(docker('inspect', '--format', '{{.Id}} {{.State.Status}}', 'redis-server')).toBe(`${id} created`);
  });
});
