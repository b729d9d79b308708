import { describe, expect, it } from 'vitest';
import { docker, readRecorded, runSnippet, useStateDir } from './helpers.ts';

const state = useStateDir();

describe('snippets/cleanup.mjs', () => {
  it("removes the guide's containers, lists them, and leaves an unrelated container running", async () => {
    const setup = await runSnippet('step3.mjs', state.dir);
    expect(setup.code, setup.stderr).toBe(0);
    const unrelated = docker('run', '-d', '--name', `guide-test-unrelated-${process.pid}`, 'alpine', 'sleep', '300');
    state.extra.push(unrelated);
    const guide = readRecorded(state.dir).map((c) => c.id);
    expect(guide).toHaveLength(2);

    const run = await runSnippet('cleanup.mjs', state.dir);
    expect(run.code, run.stderr).toBe(0);
    const remaining = docker('ps', '-aq', '--no-trunc').split('\n');
    expect(guide.filter((id) => remaining.includes(id))).toEqual([]);
    expect(docker('inspect', '--format', '{{.State.Running}}', unrelated)).toBe('true');
    expect(run.stdout).toContain(guide[1]); // the app, removed as linked to redis-server
    expect(run.stdout).toContain('$ docker rm -f -v redis-server\nredis-server\n');
    expect(readRecorded(state.dir)).toEqual([]);
  });

  it('leaves a redis-server it did not create untouched, and says what to do', async () => {
    const foreign = docker('create', '--name', 'redis-server', 'redis');
    state.extra.push(foreign);
    const run = await runSnippet('cleanup.mjs', state.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('a container named redis-server already exists, and this guide did not create it');
    expect(run.stderr).toContain('Rename it (`docker rename redis-server my-redis-server`)');
    expect(docker('inspect', '--format', '{{.Id}}', 'redis-server')).toBe(foreign);
    const step1 = await runSnippet('step1.mjs', state.dir);
    expect(step1.code).toBe(1);
    expect(step1.stderr).toMatch(/^content\/step1\.mdx:15: a container named redis-server already exists/m);
  });
});
