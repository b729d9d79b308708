import { mkdtempSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CleanupScope } from '../../../scripts/doctest/cleanup.ts';
import { dropRun, findUnfinishedRun, parseRun, runDirFor, saveRun, serializeRun } from '../../../scripts/doctest/leftovers.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'leftovers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const scope = (): CleanupScope => ({
  before: new Set(['a1', 'b2']),
  reported: new Set(),
  stateDir: '/tmp/x',
  guideNames: ['redis-server'],
  networksBefore: new Set(['n1']),
  guideNetworks: ['guide-net'],
});

describe('a run\'s clean-up scope, kept for the next run', () => {
  it('reads back as it was written, Sets included', () => {
    const run = { pid: 7, since: '2026-12-03T15:00:00.000Z', scope: scope() };
    expect(parseRun(serializeRun(run), 'scope.json')).toEqual(run);
  });

  it('a file that is not one is named, with what to do', () => {
    expect(() => parseRun('{"pid":"x"}', '.cache/doctest/runs/E/scope.json')).toThrow(
      '.cache/doctest/runs/E/scope.json: not a doc-test run\'s clean-up scope (pid, since, scope); remove the folder by hand once you have checked `docker ps -a`',
    );
  });

  it('saved while a run runs, found by the next one, gone once its clean-up is done', () => {
    const runDir = runDirFor(root, 'ENGINE:ID');
    expect(runDir.dir).toBe(path.join(root, '.cache/doctest/runs/ENGINE_ID'));
    expect(findUnfinishedRun(runDir)).toBeUndefined();
    saveRun(runDir, scope(), new Date('2026-12-03T15:00:00Z'));
    const found = findUnfinishedRun(runDir);
    expect(found).toMatchObject({ pid: process.pid, since: '2026-12-03T15:00:00.000Z' });
    expect(found?.scope.stateDir).toBe(runDir.stateDir); // the snippets' state file is the folder's
    expect(found?.scope.before).toEqual(new Set(['a1', 'b2']));
    dropRun(runDir);
    expect(existsSync(runDir.dir)).toBe(false);
  });

  it('a folder without a scope (a run stopped before it created anything) is removed, not reported', () => {
    const runDir = runDirFor(root, 'E2');
    mkdirSync(runDir.stateDir, { recursive: true });
    writeFileSync(path.join(runDir.stateDir, 'containers.json'), '{}');
    expect(findUnfinishedRun(runDir)).toBeUndefined();
    expect(existsSync(runDir.dir)).toBe(false);
  });
});
