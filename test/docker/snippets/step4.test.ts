import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { root, runSnippet, useStateDir } from './helpers.ts';

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
    expect(run.events.filter((e) => e.kind === 'setup').map((e) => e.kind === 'setup' && e.at.line)).toEqual([15, 40, 16, 42, 59]);
  });
});

describe('snippets/step4.mjs in a terminal', () => {
  it('hands the session to the person: what they type reaches redis-cli', async () => {
    const pty = (await import('@lydell/node-pty')).default;
    const child = pty.spawn(process.execPath, [path.join(root, 'snippets/step4.mjs')], {
      cols: 100,
      rows: 40,
      cwd: root,
      env: { ...process.env, GUIDE_STATE_DIR: state.dir, FORCE_COLOR: '0', TERM: 'xterm-256color' },
    });
    // the person's terminal: it shows the output and answers the program's queries (redis-cli
    // asks for the cursor position, ESC[6n, when it starts before docker has sized its terminal)
    const xterm = (await import('@xterm/headless')).default;
    const terminal = new xterm.Terminal({ cols: 100, rows: 40, allowProposedApi: true });
    terminal.onData((reply) => child.write(reply));
    let screen = '';
    const typed: string[] = [];
    const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => child.onExit(resolve));
    // a person types at the first prompt, and again once PONG is followed by the next prompt
    const waits = [/redis:6379> $/, /PONG\r\nredis:6379> $/];
    child.onData((data) => {
      terminal.write(data);
      screen += data;
      const next = ['PING', 'exit'][typed.length];
      if (next && waits[typed.length]?.test(screen)) {
        typed.push(next);
        child.write(`${next}\r`);
      }
    });
    const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const end = await exited;
    clearTimeout(deadline);
    terminal.dispose();
    expect({ exitCode: end.exitCode, signal: end.signal ?? 0 }, screen).toEqual({ exitCode: 0, signal: 0 });
    expect(typed).toEqual(['PING', 'exit']);
    expect(screen).toContain('PONG');
  });
});
