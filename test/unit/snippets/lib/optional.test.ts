import { describe, expect, it } from 'vitest';
import { loadOptional } from '../../../../snippets/lib/optional.mjs';
import { GuideError } from '../../../../snippets/lib/errors.mjs';

describe('loadOptional: a package only the doc-test runner needs', () => {
  it('loads one that is installed', async () => {
    const xterm = await loadOptional<{ Terminal: unknown }>('@xterm/headless', 'a scripted session');
    expect(typeof xterm.Terminal).toBe('function');
  });
  it('says in one line what to do when it is missing', async () => {
    const error = await loadOptional('@guide/not-installed', 'a scripted `-it` session').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuideError);
    expect((error as Error).message.split('\n')[0]).toBe('a scripted `-it` session needs the npm package @guide/not-installed, which is not installed here');
    expect((error as Error).message).toContain('What to do: run the script in a terminal');
  });
});
