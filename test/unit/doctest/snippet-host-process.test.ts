// Which doc-test runs start their first snippet process before the runner loads, and what a
// snippet process is handed of the environment.
import { describe, expect, it } from 'vitest';
import { runsSnippetsHere, withoutGuideVariables } from '../../../scripts/doctest/snippet-host-process.mjs';

describe('runsSnippetsHere: whether bin.mjs starts a snippet process early', () => {
  it('for a run of the pages, whole or chosen', () => {
    expect(runsSnippetsHere([])).toBe(true);
    expect(runsSnippetsHere(['content/step3.mdx', '--grep', 'curl', '--junit', 'x.xml'])).toBe(true);
    expect(runsSnippetsHere(['--update', 'content/step2.mdx'])).toBe(true);
  });

  it('not for what runs no snippet in this process: clean-up, captures, a matrix (a process per engine), help', () => {
    for (const argv of [['--cleanup'], ['--captures', 'test/fixtures/engine-29.7'], ['--matrix'], ['--engines', '26.1'], ['--engine', '29.7=x.tgz'], ['--help'], ['-h']]) {
      expect(runsSnippetsHere(argv), argv.join(' ')).toBe(false);
    }
  });
});

describe('withoutGuideVariables', () => {
  it('drops a person\'s GUIDE_* settings and keeps the rest', () => {
    expect(withoutGuideVariables({ PATH: '/bin', GUIDE_STATE_DIR: '/x', GUIDE_EVENTS: '/y', DOCKER_HOST: 'unix:///s' })).toEqual({ PATH: '/bin', DOCKER_HOST: 'unix:///s' });
  });
});
