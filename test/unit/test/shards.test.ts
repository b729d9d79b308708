// Which Docker test files run on which engine: the files that need this machine's network or
// start engines of their own on the default one, the rest spread so the shards end together.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultIsolatedShards, HOST_ONLY, planShards, UNIT_KEY, unknownSeconds } from '../../../scripts/test/shards.ts';

const root = path.resolve(import.meta.dirname, '../../..');

const learner = 'test/docker/snippets/learner.test.ts';
const matrix = 'test/docker/doctest/matrix.test.ts';

describe('the plan of the Docker shards', () => {
  it('keeps every host-only file on the default engine, whatever its time', () => {
    const files = [learner, matrix, 'test/docker/a.test.ts', 'test/docker/b.test.ts'];
    const [host, isolated] = planShards(files, ['isolated-1'], { [learner]: 1, [matrix]: 1, 'test/docker/a.test.ts': 50, 'test/docker/b.test.ts': 50 });
    expect(host!.files).toEqual(expect.arrayContaining([learner, matrix]));
    expect(isolated!.files.every((f) => !(f in HOST_ONLY))).toBe(true);
  });

  it('puts the longest file first onto the least loaded shard, so they end together', () => {
    const times = { 'test/docker/a.test.ts': 60, 'test/docker/b.test.ts': 40, 'test/docker/c.test.ts': 30, 'test/docker/d.test.ts': 20, [matrix]: 30 };
    const shards = planShards(Object.keys(times), ['isolated-1'], times);
    expect(shards.map((s) => [s.name, s.files, s.seconds])).toEqual([
      ['host', [matrix, 'test/docker/b.test.ts', 'test/docker/d.test.ts'], 90],
      ['isolated-1', ['test/docker/a.test.ts', 'test/docker/c.test.ts'], 90],
    ]);
  });

  it('counts a file it never timed as an average one', () => {
    const [host, isolated] = planShards(['test/docker/new.test.ts', 'test/docker/old.test.ts'], ['isolated-1'], { 'test/docker/old.test.ts': 3 });
    expect(host!.files).toEqual(['test/docker/new.test.ts']); // 10 s counted: the longer, placed first (on the first of two empty shards)
    expect(host!.seconds).toBe(unknownSeconds);
    expect(isolated!.files).toEqual(['test/docker/old.test.ts']);
  });

  it('with no isolated engine, runs every file on the default engine', () => {
    const files = [learner, 'test/docker/a.test.ts'];
    expect(planShards(files, [], {})).toEqual([{ name: 'host', files: [learner, 'test/docker/a.test.ts'], seconds: 2 * unknownSeconds }]);
  });

  it('leaves out an isolated shard that got no file', () => {
    expect(planShards([learner], ['isolated-1', 'isolated-2'], {}).map((s) => s.name)).toEqual(['host']);
  });

  it('names the reason each host-only file stays', () => {
    for (const [file, why] of Object.entries(HOST_ONLY)) {
      expect(file).toMatch(/^test\/docker\/.+\.test\.ts$/);
      expect(why.length).toBeGreaterThan(10);
    }
  });
});

describe('the host shard\'s other work', () => {
  it('counts the unit tests beside its files, so the isolated shard takes more', () => {
    const times = { 'test/docker/a.test.ts': 30, 'test/docker/b.test.ts': 30 };
    const [host, isolated] = planShards(Object.keys(times), ['isolated-1'], times, 40);
    expect(host!.files).toEqual([]);
    expect(isolated!.files).toEqual(['test/docker/a.test.ts', 'test/docker/b.test.ts']);
  });
});

describe('how many isolated engines by default', () => {
  it('none on one core, then one per two cores, at most four', () => {
    expect([1, 2, 3, 4, 6, 8, 16].map(defaultIsolatedShards)).toEqual([0, 1, 1, 2, 3, 4, 4]);
  });
});

describe('the committed times a fresh checkout plans by (test/docker/shard-times.json)', () => {
  it('names only Docker test files that exist, each with a time in seconds', () => {
    const times = JSON.parse(readFileSync(path.join(root, 'test/docker/shard-times.json'), 'utf8')) as Record<string, number>;
    expect(Object.keys(times).length).toBeGreaterThan(10);
    for (const [file, seconds] of Object.entries(times)) {
      if (file !== UNIT_KEY) expect(existsSync(path.join(root, file)), `${file}: rewrite the file with node scripts/test/docker-shards.ts --save-baseline`).toBe(true);
      expect(seconds).toBeGreaterThanOrEqual(0);
    }
    for (const file of Object.keys(HOST_ONLY)) expect(existsSync(path.join(root, file)), file).toBe(true);
  });
});
