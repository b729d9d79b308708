// scripts/docker/engines.ts: the default engine when it is the version asked for, otherwise an
// extra engine (Debian's docker.io) started beside it on its own socket and bridge, with the
// guide's images, then stopped.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { guideImages } from '../../scripts/docker/config.ts';
import { isAlive, probeEngine } from '../../scripts/docker/engine.ts';
import { withEngine } from '../../scripts/docker/engines.ts';
import { planPaths } from '../../scripts/docker/engines/daemon.ts';
import type { EngineChoiceOptions } from '../../scripts/docker/engines/specs.ts';
import { captureCommand, runCommand } from '../../scripts/docker/run.ts';
import { withGuideLock } from './doctest/helpers.ts';
import { makeTestName } from './helpers/containers.ts';

const imageIds = (env: NodeJS.ProcessEnv = process.env) =>
  Promise.all(Object.values(guideImages).map((ref) => captureCommand(['docker', 'image', 'inspect', '--format', '{{.Id}}', ref], { env })));

/** On the extra engine of `suite` that withEngine starts: its pid, images, a `--link` ping and a ping of a network alias. */
async function useExtraEngine(version: string, suite: string, options: EngineChoiceOptions = {}) {
  const asked = performance.now();
  return withEngine(
    version,
    async ({ host, serverVersion }) => {
      const startMs = Math.round(performance.now() - asked); // install (first time), start, load images
      const env = { ...process.env, DOCKER_HOST: host };
      const docker = (...args: string[]) => captureCommand(['docker', ...args], { env, timeoutMs: 60_000 });
      const pid = Number(await captureCommand(['cat', planPaths(suite).pidFile]));
      const server = await docker('run', '-d', '--name', makeTestName('engine-redis'), guideImages.redis);
      const network = await docker('network', 'create', makeTestName('engine-net'));
      const member = await docker('run', '-d', '--network', network, '--network-alias', 'db', guideImages.redis);
      try {
        return {
          host,
          serverVersion,
          startMs,
          pid,
          ids: await imageIds(env),
          ping: await docker('run', '--rm', '--link', `${server}:redis`, guideImages.alpine, 'ping', '-c', '1', 'redis'),
          networkPing: await docker('run', '--rm', '--network', network, guideImages.alpine, 'ping', '-c', '1', 'db'),
          defaultDuring: await probeEngine(),
        };
      } finally {
        await runCommand(['docker', 'rm', '-f', '-v', server, member], { env });
        await runCommand(['docker', 'network', 'rm', network], { env });
      }
    },
    options,
  );
}

/** An extra engine of `suite` ran on its own socket and bridge subnet, then stopped; the default engine is untouched. */
async function expectExtraEngineRanAndStopped(seen: Awaited<ReturnType<typeof useExtraEngine>>, suite: string, subnet: string, defaultBefore?: string) {
  const paths = planPaths(suite);
  expect(seen.host).toBe(`unix://${paths.socket}`);
  expect(seen.ids).toEqual(await imageIds());
  expect(seen.ping).toMatch(new RegExp(`^PING redis \\(${subnet.replaceAll('.', '\\.')}\\.\\d+\\): 56 data bytes\\n64 bytes from `));
  expect(seen.networkPing).toMatch(/^PING db \(\d+\.\d+\.\d+\.\d+\): 56 data bytes\n64 bytes from /); // a network of its own
  expect(seen.defaultDuring).toBe(defaultBefore);
  expect(isAlive(seen.pid)).toBe(false);
  expect(existsSync(paths.socket)).toBe(false);
  expect((await runCommand(['ip', 'link', 'show', `guide-${suite}`.slice(0, 15)])).code).not.toBe(0); // its bridge is gone
  expect(await probeEngine()).toBe(defaultBefore);
  // the default engine still starts containers on its own bridge (docker0) afterwards
  expect(await captureCommand(['docker', 'run', '--rm', guideImages.alpine, 'echo', 'still here'])).toBe('still here');
}

describe('withEngine', () => {
  test('20.10 is the default engine when that answers 20.10 (Debian 12), else bookworm\'s docker.io beside it', async () => {
    const defaultVersion = await probeEngine();
    const seen = await withEngine('20.10', async (engine) => engine);
    expect(seen.serverVersion).toMatch(/^20\.10\./);
    if (defaultVersion?.startsWith('20.10.')) {
      expect(seen).toEqual({ host: process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock', serverVersion: defaultVersion });
    } else {
      expect(seen.host).toBe(`unix://${planPaths('bookworm').socket}`);
    }
  });

  test('20.10 as an extra engine ({ extra: true }): bookworm\'s docker.io beside the default one, same images, links and networks work, then stopped', async () => {
    await withGuideLock(async () => {
      const defaultBefore = await probeEngine();
      const seen = await useExtraEngine('20.10', 'bookworm', { extra: true });
      console.log(`bookworm extra engine ${seen.serverVersion}: ready in ${(seen.startMs / 1000).toFixed(1)}s`);
      expect(seen.serverVersion).toMatch(/^20\.10\./);
      await expectExtraEngineRanAndStopped(seen, 'bookworm', '172.30.20', defaultBefore);
    });
  }, 600_000); // the first run downloads and unpacks the engine and copies the images into it

  test('26.1 runs beside the default engine with the same images, links work, and it is stopped afterwards', async () => {
    const defaultBefore = await probeEngine();
    const seen = await useExtraEngine('26.1', 'trixie');
    expect(seen.serverVersion).toMatch(/^26\.1\./);
    await expectExtraEngineRanAndStopped(seen, 'trixie', '172.30.21', defaultBefore);
  });

  test('an unknown version is an error listing the known ones', async () => {
    await expect(withEngine('19.03', async () => 0)).rejects.toThrow('no engine 19.03; known: 20.10, 26.1, 28.5');
  });
});
