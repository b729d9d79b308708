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
});
