// What a command leaves in the state file after it ended: its pending creations settled when it
// ended of itself (recorded when Docker made them within its run, else dropped), kept for the
// clean-up when a deadline or a signal cut it off. The engine is a stand-in API on a unix socket.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeCommand } from '../../../../snippets/lib/docker-command.mjs';
import { endedByItself, finishRecording, prepareRecording } from '../../../../snippets/lib/recording.mjs';
import { readOwned, readPending } from '../../../../snippets/lib/state.mjs';

const ENGINE = 'ENGINE:ID';
const dir = mkdtempSync(path.join(os.tmpdir(), 'guide-recording-'));
const socket = path.join(dir, 'engine.sock');
const containers = new Map<string, unknown>(); // name → the engine's inspect answer
let server: Server;
const saved = { host: process.env.DOCKER_HOST, state: process.env.GUIDE_STATE_DIR };

beforeAll(async () => {
  server = createServer((request, response) => {
    const name = /^\/containers\/([^/]+)\/json$/.exec(request.url ?? '')?.[1];
    const found = name === undefined ? undefined : containers.get(decodeURIComponent(name));
    if (found) response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found));
    else response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `No such object: ${name}` }));
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  process.env.DOCKER_HOST = `unix://${socket}`;
});
afterAll(async () => {
  for (const [key, value] of [['DOCKER_HOST', saved.host], ['GUIDE_STATE_DIR', saved.state]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  process.env.GUIDE_STATE_DIR = mkdtempSync(path.join(dir, 'state-'));
  containers.clear();
});

const container = (name: string, created: Date) => ({ Id: `${name}-id`.padEnd(64, '0'), Name: `/${name}`, Created: created.toISOString(), Config: { Image: 'redis' }, State: { Status: 'created', Running: false }, HostConfig: { Links: null } });
const RUN = 'docker run -d --name second redis';

async function run(exitCode: number | null, timedOut = false) {
  const docker = describeCommand(RUN);
  const prepared = await prepareRecording(ENGINE, docker);
  expect(readPending().map((p) => p.name), 'noted before it runs').toEqual(['second']);
  return finishRecording(ENGINE, docker, { output: 'docker: Error response from daemon: …\n', exitCode, timedOut }, prepared);
}

describe('finishRecording after a command that failed of itself', () => {
  it('drops what it named and Docker never made: nothing is left to wait for', async () => {
    await run(125);
    expect(readPending()).toEqual([]);
    expect(readOwned()).toEqual([]);
  });

  it('records a container Docker made within its run (created, then refused its port), then drops it from pending', async () => {
    containers.set('second', container('second', new Date()));
    await run(125);
    expect(readPending()).toEqual([]);
    expect(readOwned()).toMatchObject([{ engine: ENGINE, name: 'second' }]);
  });

  it('does not claim a container of that name made long before (the name was taken: a conflict)', async () => {
    containers.set('second', container('second', new Date(Date.now() - 60_000)));
    await run(125);
    expect(readPending()).toEqual([]);
    expect(readOwned()).toEqual([]);
  });
});

describe('finishRecording after a command cut off', () => {
  it.each([
    ['ended by SIGINT (130)', 130, false],
    ['ended by SIGKILL (137)', 137, false],
    ['stopped at its deadline', null, true],
  ] as const)('%s: its pending creation stays for the clean-up, as Docker may still make it', async (_, exitCode, timedOut) => {
    await run(exitCode, timedOut);
    expect(readPending().map((p) => p.name)).toEqual(['second']);
  });
});

describe('endedByItself', () => {
  it('is an exit status below 128 that no deadline cut off', () => {
    expect(endedByItself({ exitCode: 0, timedOut: false })).toBe(true);
    expect(endedByItself({ exitCode: 125, timedOut: false })).toBe(true);
    expect(endedByItself({ exitCode: 127, timedOut: false })).toBe(true);
    expect(endedByItself({ exitCode: 128 + 2, timedOut: false })).toBe(false);
    expect(endedByItself({ exitCode: null, timedOut: false })).toBe(false);
    expect(endedByItself({ exitCode: 0, timedOut: true })).toBe(false);
  });
});
