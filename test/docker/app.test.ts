// The example app (images/redis-node-docker-example) in its image, linked to a redis
// container the way the guide runs it, reached on its bridge address.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { guideImages } from '../../scripts/docker/config.ts';
import { Created, bridgeGateway, containerAddress, docker, makeTestName, waitFor } from './helpers/containers.ts';

const created = new Created();
let redisId = '';
let appId = '';
let appUrl = '';

async function get(): Promise<{ status: number; body: string }> {
  const response = await fetch(appUrl, { signal: AbortSignal.timeout(5000) });
  return { status: response.status, body: await response.text() };
}

function totalOf(body: string): number {
  const match = /^Total requests: (\d+)$/m.exec(body);
  if (!match) throw new Error(`no "Total requests" line in:\n${body}`);
  return Number(match[1]);
}

beforeAll(async () => {
  redisId = await created.run('--name', makeTestName('redis'), guideImages.redis);
  await waitFor('redis answers PING', async () =>
    (await docker('exec', redisId, 'redis-cli', 'ping')) === 'PONG' ? true : undefined,
  );
  appId = await created.run('--name', makeTestName('app'), '--link', `${redisId}:redis`, guideImages.app);
  appUrl = `http://${await containerAddress(appId)}:3000/`;
  await waitFor('the app answers 200', async () => ((await get()).status === 200 ? true : undefined));
});

afterAll(() => created.removeAll());

describe('the example app', () => {
  test('answers the original page and counts each request', async () => {
    const first = await get();
    const second = await get();
    const gateway = await bridgeGateway();
    const n = totalOf(second.body);
    expect(n).toBe(totalOf(first.body) + 1);
    const mine = new RegExp(`^    ::ffff:${gateway.replace(/\./g, '\\.')}: (\\d+)$`, 'm').exec(second.body);
    expect(mine, `a count line for this host's bridge address ${gateway}`).not.toBeNull();
    expect(second.body).toBe(
      'This page was generated after talking to redis.\n\nApplication Build: 1\n\n' +
        `Total requests: ${n}\n\nIP count: \n    ::ffff:${gateway}: ${mine![1]}\n`,
    );
    expect(await docker('exec', redisId, 'redis-cli', 'get', 'requests')).toBe(String(n));
  });

  test('answers 400 to a malformed request and keeps serving', async () => {
    const { hostname } = new URL(appUrl);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(3000, hostname, () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
      socket.setTimeout(5000, () => socket.destroy(new Error('no reply within 5s')));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect((await get()).status).toBe(200);
  });

  test('answers 503 while Redis is stopped and recovers when it is started again', async () => {
    await docker('stop', '--time', '5', redisId);
    const down = await get();
    expect(down.status).toBe(503);
    expect(down.body).toMatch(/^Redis is unreachable at redis:6379 \(.+\)\.\nThis request was not counted\./);
    await docker('start', redisId);
    const back = await waitFor('the app answers 200 again', async () => {
      const answer = await get();
      return answer.status === 200 ? answer : undefined;
    });
    expect(back.body).toMatch(/^Total requests: \d+$/m);
  });

  // `docker stop` sends SIGTERM, then SIGKILL once its grace period ends: status 0 (not 137) and an
  // end well inside a long grace say the app stopped on the SIGTERM itself. How fast is not timed
  // here: on a loaded machine `docker stop` alone can take seconds.
  test('stops on SIGTERM by itself, with status 0, before Docker would kill it', async () => {
    const graceS = 30;
    const started = Date.now();
    await docker('stop', '--time', String(graceS), appId);
    const elapsed = Date.now() - started;
    expect(await docker('inspect', '--format', '{{.State.ExitCode}} {{.State.OOMKilled}}', appId)).toBe('0 false');
    expect(elapsed).toBeLessThan(graceS * 1000);
  });
});
