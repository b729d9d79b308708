import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireEngineLock, describeHolder, lockPath } from '../../../scripts/doctest/engine-lock.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'engine-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = (engineId: string, extra: Partial<Parameters<typeof acquireEngineLock>[0]> = {}) => ({ engineId, wait: true, timeoutMs: 5000, dir, pollMs: 20, ...extra });

describe('describeHolder', () => {
  it('names the pid, the command, since when and how long ago', () => {
    const holder = { pid: 4242, since: '2026-12-03T14:03:12.000Z', command: 'npm run doctest -- --matrix', host: 'the default docker context' };
    expect(describeHolder(holder, Date.parse('2026-12-03T14:03:54.400Z'))).toBe(
      'another doc-test run (pid 4242, `npm run doctest -- --matrix`, since 14:03:12 UTC, 42s ago) is using this Docker engine (the default docker context)',
    );
  });
});

describe('acquireEngineLock', () => {
  it('one lock file per engine id, made safe as a name', () => {
    expect(lockPath('ABCD:EFGH/1', dir)).toBe(path.join(dir, 'engine-ABCD_EFGH_1.lock'));
  });

  it('a second taker waits, saying whom for, and gets the lock once it is released', async () => {
    const release = await acquireEngineLock(options('e1'));
    const said: string[] = [];
    const waiting = Promise.withResolvers<void>();
    const second = acquireEngineLock(options('e1', { onWait: (m) => (said.push(m), waiting.resolve()) }));
    await waiting.promise; // it says whom it waits for as soon as it finds the lock held
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(new RegExp(`^doctest: another doc-test run \\(pid ${process.pid}, .*\\); waiting for it to finish \\(at most 0 min; --no-wait fails at once instead\\)$`));
    release();
    const releaseSecond = await second;
    expect(JSON.parse(readFileSync(lockPath('e1', dir), 'utf8')).pid).toBe(process.pid);
    releaseSecond();
    expect(existsSync(lockPath('e1', dir))).toBe(false);
  });

  it('without waiting, or past the bound, it fails with the holder named; another engine is not held', async () => {
    const release = await acquireEngineLock(options('e2'));
    await expect(acquireEngineLock(options('e2', { wait: false }))).rejects.toThrow(/^another doc-test run \(pid \d+, .*\); --no-wait was given, so nothing ran/);
    await expect(acquireEngineLock(options('e2', { timeoutMs: 100 }))).rejects.toThrow(/, still after 0s of waiting; nothing ran/);
    const other = await acquireEngineLock(options('e3', { wait: false }));
    other();
    release();
  });

  it('a lock whose process is gone is stale and taken over', async () => {
    const gone = spawn(process.execPath, ['-e', '0']);
    const pid = gone.pid!;
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(lockPath('e4', dir), JSON.stringify({ pid, since: new Date().toISOString(), command: 'npm run doctest', host: 'x' }));
    const release = await acquireEngineLock(options('e4', { wait: false }));
    expect(JSON.parse(readFileSync(lockPath('e4', dir), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('an interrupted wait gives up at once', async () => {
    const release = await acquireEngineLock(options('e5'));
    const stop = new AbortController();
    const waiting = acquireEngineLock(options('e5', { signal: stop.signal }));
    stop.abort();
    await expect(waiting).rejects.toThrow('interrupted while waiting for the engine; nothing ran');
    release();
  });
});
