// The runner's way of running a command (real pseudo-terminals, no Docker): the status a shell
// would show, and a deadline that ends the whole session.
import { describe, expect, it } from 'vitest';
import { exitStatus, runInPty } from '../../../../snippets/lib/pty.mjs';

describe('runInPty', () => {
  it('reports a command ended by a signal as 128 + its number, as a shell does', async () => {
    expect((await runInPty('kill -9 $$', { timeoutMs: 5000, echo: false })).exitCode).toBe(137);
    expect((await runInPty('exit 3', { timeoutMs: 5000, echo: false })).exitCode).toBe(3);
    expect(exitStatus(0, 15)).toBe(143);
    expect(exitStatus(2, 0)).toBe(2);
  });

  it('ends the whole session at the deadline, a child that ignores the hang-up too', async () => {
    const marker = `guide-pty-${process.pid}-${Date.now()}`;
    const result = await runInPty(`trap '' HUP; (exec -a ${marker} sleep 30) & wait`, { timeoutMs: 500, echo: false });
    expect(result.timedOut).toBe(true);
    // SIGKILL is delivered at once; the process table follows within moments: wait for it, bounded
    const { execFileSync } = await import('node:child_process');
    const left = () => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.startsWith(marker));
    for (const end = Date.now() + 2_000; left().length > 0 && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(left()).toEqual([]);
  });
});
