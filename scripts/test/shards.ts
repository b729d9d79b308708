// Which Docker test files run on which engine (scripts/test/docker-shards.ts). Files that need
// this machine's own network or engines stay on the default engine (`host`); the others are
// spread over the shards longest first, by how long each took last time, so that the shards end
// together. Pure.

/** Why a file runs on the default engine, by file. */
export const HOST_ONLY: Readonly<Record<string, string>> = {
  'test/docker/snippets/learner.test.ts': 'npx fetches zx from the npm registry',
  'test/docker/doctest/matrix.test.ts': 'starts Docker 26.1 and 28.5 on bridges of the host',
  'test/docker/doctest/engine-faults.test.ts': 'starts and kills Docker 26.1 on a bridge of the host',
  'test/docker/engines.test.ts': 'starts engines on bridges of the host',
  'test/docker/static-engine.test.ts': 'starts an engine from static binaries on a bridge of the host',
  'test/docker/setup.test.ts': 'checks `npm run docker:setup` against the default engine',
  'test/docker/isolated-engine.test.ts': 'starts an isolated engine and takes port 3000 on the default engine beside it',
};

export interface Shard {
  name: string; // "host", "isolated-1"
  files: string[];
  seconds: number; // their time last run (a file never timed counts as `unknownSeconds`)
}

export const unknownSeconds = 10;

/**
 * How many isolated engines beside the default one: a shard keeps about one core busy (Docker's
 * own work for each container is most of it), so one per two cores, at most four; none on one
 * core. On two cores, one isolated engine cut the Docker stage from 478 s to 302-329 s; Docker,
 * that loaded, finishes a killed client's request late, which the clean-up waits for (a quiet
 * window after an interrupted run, the learner clean-up's landing wait).
 */
export function defaultIsolatedShards(cores: number): number {
  return cores < 2 ? 0 : Math.min(4, Math.floor(cores / 2));
}

/**
 * `files` over `host` and `isolated` shards (names), longest first onto the least loaded; the host
 * shard starts with `hostSeconds` of other work (the unit tests, which run beside its files). Pure.
 */
export function planShards(files: readonly string[], isolated: readonly string[], times: Readonly<Record<string, number>>, hostSeconds = 0): Shard[] {
  const seconds = (file: string) => times[file] ?? unknownSeconds;
  const shards: Shard[] = [{ name: 'host', files: [], seconds: hostSeconds }, ...isolated.map((name) => ({ name, files: [], seconds: 0 }))];
  const add = (shard: Shard, file: string) => {
    shard.files.push(file);
    shard.seconds += seconds(file);
  };
  const movable = files.filter((f) => !(f in HOST_ONLY));
  for (const file of files.filter((f) => f in HOST_ONLY)) add(shards[0]!, file);
  for (const file of [...movable].sort((a, b) => seconds(b) - seconds(a) || a.localeCompare(b))) {
    add(shards.reduce((least, s) => (s.seconds < least.seconds ? s : least)), file);
  }
  return shards.filter((s) => s.files.length > 0 || s.name === 'host');
}

/** Where the times file keeps the unit tests' total (their files' times added up). */
export const UNIT_KEY = '(unit tests)';
