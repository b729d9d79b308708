// The guide's `redis` and `alpine` images keep the contract the pages rely on, whether they
// are the real images or the local stand-ins (images/redis, images/alpine).
import { afterAll, describe, expect, test } from 'vitest';
import { guideImages, standInLabel } from '../../scripts/docker/config.ts';
import { compareConfigs, configOfInspect, readOfficialConfigs } from '../../scripts/docker/official-configs.ts';
import { Created, docker, makeTestName, waitFor } from './helpers/containers.ts';

const created = new Created();
afterAll(() => created.removeAll());

async function runOnce(...args: string[]): Promise<string> {
  const name = makeTestName('once');
  created.containers.push(name);
  return docker('run', '--name', name, ...args);
}

describe('the stand-ins have the official images\' configuration (images/official-configs.json)', () => {
  for (const [ref, official] of Object.entries(readOfficialConfigs())) {
    test(ref, async (context) => {
      const inspected = JSON.parse(await docker('image', 'inspect', '--format', '{{json .Config}}', ref)) as Parameters<typeof configOfInspect>[0] & { Labels?: Record<string, string> | null };
      if (inspected.Labels?.[standInLabel] !== 'true') context.skip(`${ref} is the real image here, not a stand-in`);
      expect(compareConfigs(official.config, configOfInspect(inspected))).toEqual([]);
    });
  }
});

describe('redis', () => {
  test('gives each container an anonymous volume at /data, which `docker rm -v` removes', async () => {
    const name = makeTestName('volume');
    const id = await created.run('--name', name, guideImages.redis);
    const mounts = JSON.parse(await docker('container', 'inspect', '--format', '{{json .Mounts}}', id)) as { Type: string; Name: string; Destination: string }[];
    expect(mounts.map((m) => [m.Type, m.Destination])).toEqual([['volume', '/data']]);
    const volume = mounts[0]!.Name;
    expect(volume).toMatch(/^[0-9a-f]{64}$/);
    await docker('rm', '-f', '-v', id);
    created.containers.splice(created.containers.indexOf(id), 1);
    expect((await docker('volume', 'ls', '--format', '{{.Name}}')).split('\n')).not.toContain(volume);
  });

  test('a first argument that is a flag goes to redis-server; another command runs as given', async () => {
    expect(await runOnce(guideImages.redis, '--version')).toMatch(/^Redis server v=\d+\.\d+\.\d+ /);
    expect(await runOnce(guideImages.redis, 'redis-cli', '--version')).toMatch(/^redis-cli \d+\.\d+\.\d+/);
  });

  test('the default server answers a linked container, as in step 4', async () => {
    const server = await created.run('--name', makeTestName('redis'), guideImages.redis);
    await waitFor('redis answers PING', async () =>
      (await docker('exec', server, 'redis-cli', 'ping')) === 'PONG' ? true : undefined,
    );
    const reply = await runOnce('--link', `${server}:redis`, guideImages.redis, 'redis-cli', '-h', 'redis', 'ping');
    expect(reply).toBe('PONG');
  });
});

describe('alpine', () => {
  test("has Alpine's PATH and HOME=/root", async () => {
    const env = (await runOnce(guideImages.alpine, 'env')).split('\n');
    expect(env).toContain('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(env).toContain('HOME=/root');
  });

  test('runs /bin/sh by default and has the BusyBox tools the guide uses', async () => {
    const cmd = await docker('image', 'inspect', '--format', '{{json .Config.Cmd}}', guideImages.alpine);
    expect(JSON.parse(cmd)).toEqual(['/bin/sh']);
    const found = await runOnce(guideImages.alpine, 'sh', '-c', 'which cat env ping');
    expect(found.split('\n')).toEqual(['/bin/cat', '/usr/bin/env', '/bin/ping']);
  });
});
