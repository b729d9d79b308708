import { describe, expect, test } from 'vitest';
import { captureCommand, CommandError, describe as describeArgv, runCommand } from '../../../scripts/docker/run.ts';

describe('running commands', () => {
  test('captureCommand returns trimmed stdout', async () => {
    expect(await captureCommand(['sh', '-c', 'echo "  hello "; echo err >&2'])).toBe('hello');
  });

  test('a failure names the command, its status, its last output and the hint', async () => {
    const error = await captureCommand(['sh', '-c', 'echo one >&2; echo two >&2; exit 3'], { hint: 'Do this.' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as Error).message).toBe("`sh -c 'echo one >&2; echo two >&2; exit 3'` exited with 3\n  | one\n  | two\n  What to do: Do this.");
  });

  test('a deadline kills the command and says it timed out', async () => {
    const result = await runCommand(['sleep', '5'], { timeoutMs: 100 });
    expect(result.timedOut).toBe(true);
    expect(result.code).toBeNull();
  });

  test('a missing program is an error naming it', async () => {
    await expect(captureCommand(['no-such-program-here'])).rejects.toThrow('`no-such-program-here` could not start: spawn no-such-program-here ENOENT');
  });

  test('describe quotes only what needs quoting', () => {
    expect(describeArgv(['docker', 'run', '--name', 'a b', "it's"])).toBe(`\`docker run --name 'a b' 'it'\\''s'\``);
  });
});
