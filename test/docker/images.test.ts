// The guide's `redis` and `alpine` images keep the contract the pages rely on, whether they
// are the real images or the local stand-ins (images/redis, images/alpine).
import { afterAll, describe, expect, test } from 'vitest';
import { guideImages } from '../../scripts/docker/config.ts';
import { Created, docker, makeTestName, waitFor } from './helpers/containers.ts';

const created = new Created();
afterAll(() => created.removeAll());

async function runOnce(...args: string[]): Promise<string> {
  const name = makeTestName('once');
  created.containers.push(name);
  return docker('run', '--name', name, ...args);
}

describe('redis', () => {
  test('declares port 6379 and the official ENV names', async () => {
    const config = JSON.parse(await docker('image', 'inspect', '--format', '{{json .Config}}', guideImages.redis)) as {
      ExposedPorts: Record<string, unknown>;
      Env: string[];
    };
    expect(Object.keys(config.ExposedPorts)).toEqual(['6379/tcp']);
    const names = config.Env.map((entry) => entry.split('=')[0]);
    expect(names).toEqual(expect.arrayContaining(['REDIS_VERSION', 'REDIS_DOWNLOAD_URL', 'REDIS_DOWNLOAD_SHA']));
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
