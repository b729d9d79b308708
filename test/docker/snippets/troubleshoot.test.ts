// snippets/troubleshoot.mjs as a person runs it: it sets up the steps, provokes each error of the
// pages' "When it goes wrong" sections as typed (a second redis-server is not "reused"), each with
// its page's exit status, and cleanup.mjs then removes what those errors left (Created containers).
// Every error ends of itself, so none leaves a creation pending that cleanup.mjs would wait for.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docker, runSnippet, useStateDir } from './helpers.ts';

const state = useStateDir();

describe('snippets/troubleshoot.mjs', () => {
  it('provokes every error with its exit status, and cleanup.mjs leaves nothing of them behind', async () => {
    const before = docker('ps', '-aq', '--no-trunc').split('\n').filter(Boolean);
    const run = await runSnippet('troubleshoot.mjs', state.dir);
    expect(run.code, run.stderr).toBe(0);
    const ends = run.events.flatMap((e) => (e.kind === 'command-end' ? [[`${e.at.file}:${e.at.line}`, e.exitCode, e.skipped ?? 'ran']] : []));
    expect(ends).toEqual([
      ['content/step1.mdx:62', 125, 'ran'], // the name in use: run as typed, not reused
      ['content/step1.mdx:84', 125, 'ran'],
      ['content/step2.mdx:190', 125, 'ran'],
      ['content/step2.mdx:208', 0, 'ran'],
      ['content/step2.mdx:209', 125, 'ran'],
      ['content/step2.mdx:235', 0, 'ran'],
      ['content/step3.mdx:94', 125, 'ran'], // the port clash, not "the guide's app already serves port 3000"
      ['content/step3.mdx:126', 125, 'ran'],
      ['content/step4.mdx:110', 1, 'ran'],
    ]);
    const clash = run.events.find((e) => e.kind === 'command-end' && e.at.line === 94);
    expect(clash?.kind === 'command-end' && clash.output).toMatch(/Bind for \S+:3000 failed: port is already allocated/);
    const created = docker('ps', '-aq', '--no-trunc', '--filter', 'status=created').split('\n').filter((id) => id && !before.includes(id));
    expect(created.length).toBeGreaterThanOrEqual(2); // the port clash's container, and the link to a stopped redis-server's

    const recorded = JSON.parse(readFileSync(path.join(state.dir, 'containers.json'), 'utf8')) as { pending?: unknown[] };
    expect(recorded.pending ?? [], 'creations still pending after commands that ended of themselves').toEqual([]);

    const cleanup = await runSnippet('cleanup.mjs', state.dir);
    expect(cleanup.code, cleanup.stderr).toBe(0);
    expect(docker('ps', '-aq', '--no-trunc').split('\n').filter(Boolean).sort()).toEqual(before.sort());
  });
});
