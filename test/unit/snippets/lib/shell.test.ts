import { describe, expect, it } from 'vitest';
import { runQuiet, runShell } from '../../../../snippets/lib/shell.mjs';

// Real processes (bash), no Docker.
describe('runShell', () => {
  it('captures stdout and stderr in one stream, in the order printed, with the exit status', async () => {
    const result = await runShell('echo one; echo two >&2; echo three; exit 3', { timeoutMs: 5000, echo: false });
    expect(result).toMatchObject({ output: 'one\ntwo\nthree\n', exitCode: 3, timedOut: false });
  });
  it('ends the whole process group at the deadline, not only bash', async () => {
    const started = performance.now();
    const result = await runShell('sleep 30 & wait', { timeoutMs: 300, echo: false });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(performance.now() - started).toBeLessThan(5000);
  });
  it("with terminal: 'stderr', captures only stdout (stderr is the person's)", async () => {
    const result = await runShell('echo id; echo progress >&2', { timeoutMs: 5000, echo: false, terminal: 'stderr' });
    expect(result.output).toBe('id\n');
  });
});

describe('runQuiet', () => {
  it('keeps stdout and stderr apart', async () => {
    expect(await runQuiet(['bash', '-c', 'echo out; echo err >&2; exit 2'])).toEqual({ stdout: 'out\n', stderr: 'err\n', exitCode: 2 });
  });
  it('says what could not start, with exit 127', async () => {
    const result = await runQuiet(['no-such-program-here']);
    expect(result.exitCode).toBe(127);
    expect(result.stderr).toMatch(/^no-such-program-here: spawn no-such-program-here ENOENT/);
  });
});
