// scripts/docker/engines.ts: an extra engine (Debian trixie's docker.io) started beside the
// default one on its own socket and bridge, with the guide's images, then stopped.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { guideImages } from '../../scripts/docker/config.ts';
import { isAlive, probeEngine } from '../../scripts/docker/engine.ts';
import { withEngine } from '../../scripts/docker/engines.ts';
import { planPaths } from '../../scripts/docker/engines/daemon.ts';
import { captureCommand, runCommand } from '../../scripts/docker/run.ts';
import { makeTestName } from './helpers/containers.ts';

describe('withEngine', () => {
  test('20.10 is the default engine, used as it is', async () => {
    const version = await withEngine('20.10', async (engine) => engine.serverVersion);
    expect(version).toBe(await probeEngine());
    expect(version).toMatch(/^20\.10\./);
  });

  test('26.1 runs beside the default engine with the same images, links work, and it is stopped afterwards', async () => {
    const defaultBefore = await probeEngine();
    const paths = planPaths('trixie');
    const seen = await withEngine('26.1', async ({ host, serverVersion }) => {
      const env = { ...process.env, DOCKER_HOST: host };
      const docker = (...args: string[]) => captureCommand(['docker', ...args], { env, timeoutMs: 60_000 });
      const pid = Number(await captureCommand(['cat', paths.pidFile]));
      const ids = await Promise.all(Object.values(guideImages).map((ref) => docker('image', 'inspect', '--format', '{{.Id}}', ref)));
      const server = await docker('run', '-d', '--name', makeTestName('engine-redis'), guideImages.redis);
      const network = await docker('network', 'create', makeTestName('engine-net'));
      const member = await docker('run', '-d', '--network', network, '--network-alias', 'db', guideImages.redis);
      try {
        const ping = await docker('run', '--rm', '--link', `${server}:redis`, guideImages.alpine, 'ping', '-c', '1', 'redis');
        const networkPing = await docker('run', '--rm', '--network', network, guideImages.alpine, 'ping', '-c', '1', 'db');
        return { serverVersion, pid, ids, ping, networkPing, defaultDuring: await probeEngine() };
      } finally {
        await runCommand(['docker', 'rm', '-f', '-v', server, member], { env });
        await runCommand(['docker', 'network', 'rm', network], { env });
      }
    });
    expect(seen.serverVersion).toMatch(/^26\.1\./);
    const defaultIds = await Promise.all(
      Object.values(guideImages).map((ref) => captureCommand(['docker', 'image', 'inspect', '--format', '{{.Id}}', ref])),
    );
    expect(seen.ids).toEqual(defaultIds);
    expect(seen.ping).toMatch(/^PING redis \(172\.30\.\d+\.\d+\): 56 data bytes\n64 bytes from /);
    expect(seen.networkPing).toMatch(/^PING db \(\d+\.\d+\.\d+\.\d+\): 56 data bytes\n64 bytes from /); // a network of its own
    expect(seen.defaultDuring).toBe(defaultBefore);
    expect(isAlive(seen.pid)).toBe(false);
    expect(existsSync(paths.socket)).toBe(false);
    expect(await probeEngine()).toBe(defaultBefore);
    // the default engine still starts containers on its own bridge (docker0) afterwards
    expect(await captureCommand(['docker', 'run', '--rm', guideImages.alpine, 'echo', 'still here'])).toBe('still here');
  });

  test('an unknown version is an error listing the known ones', async () => {
    await expect(withEngine('19.03', async () => 0)).rejects.toThrow('no engine 19.03; known: 20.10, 26.1, 28.5');
  });
});
