import { describe, expect, it } from 'vitest';
import { runSnippet, useStateDir } from './helpers.ts';

const state = useStateDir();

describe('snippets/step4.mjs with no terminal', () => {
  it('types the page inputs in a pseudo-terminal and prints the screen: PONG and the count', async () => {
    const run = await runSnippet('step4.mjs', state.dir);
    expect(run.code, run.stderr).toBe(0);
    const end = run.events.find((e) => e.kind === 'command-end' && e.at.file === 'content/step4.mdx');
    expect(end?.kind === 'command-end' && { exit: end.exitCode, timedOut: end.timedOut }).toEqual({ exit: 0, timedOut: false });
    const transcript = end?.kind === 'command-end' ? end.output : '';
    expect(transcript).toMatch(/^redis:6379> PING\nPONG\nredis:6379> GET requests\n"(\d+)"\nredis:6379> HGETALL ip\n1\) "[^"]+"\n2\) "\d+"\nredis:6379> exit\n$/);
    expect(Number(/"(\d+)"/.exec(transcript)?.[1])).toBeGreaterThanOrEqual(2); // step 3's two requests, replayed as set-up
    expect(run.stdout).toContain(`$ docker run -it --link redis-server:redis redis redis-cli -h redis\n${transcript}`);
    expect(run.events.filter((e) => e.kind === 'setup').map((e) => e.kind === 'setup' && e.at.line)).toEqual([15, 16, 35, 52]);
  });
});
