import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isGuideContainer, isRecorded, isRecordedNetwork, matchPending, PENDING_WINDOW, refuseForeign, refuseForeignNetwork } from '../../../../snippets/lib/owner.mjs';
import { isRecordedImage, isRecordedVolume, refuseForeignImage, refuseForeignVolume } from '../../../../snippets/lib/owner-storage.mjs';
import {
  dropPending,
  forgetEntries,
  forgetNetworks,
  pruneOwned,
  readOwned,
  readOwnedNetworks,
  readPending,
  readRecorded,
  recordOwned,
  recordOwnedNetwork,
  recordPending,
  recordResource,
  stateFile,
} from '../../../../snippets/lib/state.mjs';

const T = Date.parse('2026-11-26T23:00:00Z');
const shape = { image: 'redis', imageId: `sha256:${'c'.repeat(64)}`, status: 'running', networks: ['bridge'], volumes: [] };
const redis = { ...shape, id: 'a'.repeat(64), name: 'redis-server', running: true, links: [], ports: [], created: T };
const linked = { ...shape, image: 'app', id: 'b'.repeat(64), name: 'app', running: true, links: ['/redis-server:/app/redis'], ports: [3000], created: T };
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'guide-unit-state-'));
  process.env.GUIDE_STATE_DIR = dir;
});
afterEach(() => {
  delete process.env.GUIDE_STATE_DIR;
  rmSync(dir, { recursive: true, force: true });
});

describe('the guide record', () => {
  it('lives in $GUIDE_STATE_DIR/containers.json and keeps one entry per id', () => {
    expect(stateFile()).toBe(path.join(dir, 'containers.json'));
    recordOwned({ engine: 'E1', id: redis.id, name: 'redis-server' });
    recordOwned({ engine: 'E1', id: redis.id, name: 'redis-server' });
    recordOwned({ engine: 'E2', id: linked.id, name: '' });
    expect(readOwned().map((c) => c.engine)).toEqual(['E1', 'E2']);
  });

  it("forgets only this engine's containers that are gone", () => {
    recordOwned({ engine: 'E1', id: redis.id, name: 'redis-server' });
    recordOwned({ engine: 'E2', id: linked.id, name: '' });
    pruneOwned('E1', new Set());
    expect(readOwned().map((c) => c.id)).toEqual([linked.id]);
  });
});

describe('ownership', () => {
  it('counts a recorded container, on its own engine only', () => {
    recordOwned({ engine: 'E1', id: redis.id, name: 'redis-server' });
    expect(isGuideContainer('E1', redis, [])).toBe(true);
    expect(isGuideContainer('E2', redis, [])).toBe(false);
  });

  it("counts a container linked to the guide's redis-server, and not one linked to another", () => {
    expect(isGuideContainer('E1', linked, ['redis-server'])).toBe(true);
    expect(isGuideContainer('E1', linked, ['cache'])).toBe(false);
  });

  it('refuses a redis-server it did not record, naming it and what to do', () => {
    expect(() => refuseForeign('E1', redis, 'content/step1.mdx:15')).toThrowErrorMatchingInlineSnapshot(`
      [GuideError: content/step1.mdx:15: a container named redis-server already exists, and this guide did not create it
        expected: no container named redis-server, or the one this guide started
        received: redis-server (aaaaaaaaaaaa, running), not in the guide's record
        What to do: the guide never touches it. Rename it (\`docker rename redis-server my-redis-server\`) or remove it yourself, or run the guide against another engine (DOCKER_HOST or \`docker context use\`); then run this step again]
    `);
    recordOwned({ engine: 'E1', id: redis.id, name: 'redis-server' });
    expect(() => refuseForeign('E1', redis, 'content/step1.mdx:15')).not.toThrow();
  });
});

describe('the guide record of networks', () => {
  const net = { id: 'c'.repeat(64), name: 'guide-net', containers: [], created: T };

  it('keeps networks beside containers, one entry per id, and forgets removed ones per engine', () => {
    recordOwned({ engine: 'E1', id: redis.id, name: 'redis-server' });
    recordOwnedNetwork({ engine: 'E1', id: net.id, name: 'guide-net' });
    recordOwnedNetwork({ engine: 'E1', id: net.id, name: 'guide-net' });
    recordOwnedNetwork({ engine: 'E2', id: 'd'.repeat(64), name: 'guide-net' });
    expect(readOwnedNetworks().map((n) => n.engine)).toEqual(['E1', 'E2']);
    pruneOwned('E1', new Set());
    expect(readOwned()).toEqual([]);
    expect(readOwnedNetworks()).toHaveLength(2);
    forgetNetworks('E1', [net.id]);
    expect(readOwnedNetworks().map((n) => n.engine)).toEqual(['E2']);
  });

  it('refuses a network of the same name it did not create, naming the command and what to do', () => {
    expect(() => refuseForeignNetwork('E1', net, 'content/networks.mdx:23')).toThrowError(
      /^content\/networks\.mdx:23: a network named guide-net already exists, and this guide did not create it\n[\s\S]*What to do: the guide never touches it\. Remove it yourself if it is unused \(`docker network rm guide-net`\)/,
    );
    recordOwnedNetwork({ engine: 'E1', id: net.id, name: 'guide-net' });
    expect(isRecordedNetwork('E1', net)).toBe(true);
    expect(isRecordedNetwork('E2', net)).toBe(false);
    expect(() => refuseForeignNetwork('E1', net, 'content/networks.mdx:23')).not.toThrow();
  });
});

describe('what an interrupted command was creating (pending)', () => {
  const pending = [{ engine: 'E1', kind: 'container' as const, name: 'redis-server', since: T }];

  it('matches the same engine, kind and name, created within the window around the command\'s start', () => {
    expect(matchPending(pending, 'E1', 'container', { name: 'redis-server', created: T + 300 })).toBe(true);
    expect(matchPending(pending, 'E1', 'container', { name: 'redis-server', created: T - PENDING_WINDOW.before })).toBe(true);
    expect(matchPending(pending, 'E1', 'container', { name: 'redis-server', created: T - PENDING_WINDOW.before - 1 })).toBe(false); // older: someone else's
    expect(matchPending(pending, 'E1', 'container', { name: 'redis-server', created: T + PENDING_WINDOW.after + 1 })).toBe(false); // made later, by hand
    expect(matchPending(pending, 'E2', 'container', { name: 'redis-server', created: T })).toBe(false);
    expect(matchPending(pending, 'E1', 'network', { name: 'redis-server', created: T })).toBe(false);
    expect(matchPending(pending, 'E1', 'container', { name: 'redis-db', created: T })).toBe(false);
  });

  it('a matching container becomes the guide\'s and the entry is settled', () => {
    recordPending({ engine: 'E1', kind: 'container', name: 'redis-server', since: T - 100 });
    expect(isRecorded('E1', redis)).toBe(true);
    expect(readOwned()).toEqual([{ engine: 'E1', id: redis.id, name: 'redis-server' }]);
    expect(readPending()).toEqual([]);
  });

  it('one that does not match stays foreign, and the entry is settled all the same', () => {
    recordPending({ engine: 'E1', kind: 'container', name: 'redis-server', since: T + 60_000 });
    expect(() => refuseForeign('E1', redis, 'content/step1.mdx:15')).toThrow('this guide did not create it');
    expect(readPending()).toEqual([]);
    expect(() => refuseForeign('E1', redis, 'content/step1.mdx:15')).toThrow('this guide did not create it');
  });

  it('networks too; a finished command drops its own entry; containers and networks keep their records', () => {
    const net = { id: 'c'.repeat(64), name: 'guide-net', containers: [], created: T };
    recordOwned({ engine: 'E1', id: linked.id, name: 'app' });
    recordPending({ engine: 'E1', kind: 'network', name: 'guide-net', since: T });
    recordPending({ engine: 'E1', kind: 'container', name: 'redis-db', since: T });
    dropPending({ engine: 'E1', kind: 'container', name: 'redis-db' });
    expect(readPending().map((p) => p.name)).toEqual(['guide-net']);
    expect(isRecordedNetwork('E1', net)).toBe(true);
    expect(readOwnedNetworks()).toEqual([{ engine: 'E1', id: net.id, name: 'guide-net' }]);
    expect(readOwned().map((c) => c.id)).toEqual([linked.id]);
    expect(readPending()).toEqual([]);
  });
});

describe('the guide record of volumes and images (owner-storage.mjs)', () => {
  const volume = { name: 'guide-data', createdAt: '2026-11-26T23:00:00Z', created: T };
  const image = { ref: 'guide-app:latest', id: 'sha256:b1', tags: ['guide-app:latest'], created: T };

  it('keeps volumes and images beside containers, per engine; an image may carry two recorded tags', () => {
    recordResource('volumes', { engine: 'E1', id: 'guide-data', name: 'guide-data', created: volume.createdAt });
    recordResource('images', { engine: 'E1', id: 'sha256:b1', name: 'guide-app:latest' });
    recordResource('images', { engine: 'E1', id: 'sha256:b1', name: 'guide-app:2' });
    expect(readRecorded('volumes').map((v) => v.name)).toEqual(['guide-data']);
    expect(readRecorded('images').map((i) => i.name)).toEqual(['guide-app:latest', 'guide-app:2']);
    expect(JSON.parse(readFileSync(stateFile(), 'utf8'))).toMatchObject({ containers: [], volumes: [{ engine: 'E1' }], images: [{}, {}] });
    forgetEntries('images', [{ engine: 'E1', id: 'sha256:b1', name: 'guide-app:2' }]);
    expect(readRecorded('images').map((i) => i.name)).toEqual(['guide-app:latest']);
  });

  it('a recorded volume is the guide\'s on its engine, by name (its CreatedAt moves with its content)', () => {
    recordResource('volumes', { engine: 'E1', id: 'guide-data', name: 'guide-data', created: '2026-11-26T22:00:00Z' });
    expect(isRecordedVolume('E1', volume)).toBe(true);
    expect(isRecordedVolume('E2', volume)).toBe(false);
  });

  it('refuses a volume it did not create, naming it, its CreatedAt and what to do', () => {
    expect(() => refuseForeignVolume('E1', volume, 'content/v.mdx:10')).toThrowErrorMatchingInlineSnapshot(`
      [GuideError: content/v.mdx:10: a volume named guide-data already exists, and this guide did not create it
        expected: no volume named guide-data, or the one this guide created
        received: guide-data (created 2026-11-26T23:00:00Z), not in the guide's record
        What to do: the guide never touches it. Its data stays yours: remove it yourself only if you no longer need it (\`docker volume rm guide-data\`), or run the guide against another engine (DOCKER_HOST or \`docker context use\`); then run this step again]
    `);
  });

  it('a volume an interrupted command was creating becomes the guide\'s when Docker made it within the window', () => {
    recordPending({ engine: 'E1', kind: 'volume', name: 'guide-data', since: T - 500 });
    expect(isRecordedVolume('E1', volume)).toBe(true);
    expect(readRecorded('volumes')).toEqual([{ engine: 'E1', id: 'guide-data', name: 'guide-data', created: volume.createdAt }]);
    expect(readPending()).toEqual([]);
  });

  it('an image tag is the guide\'s when it recorded that tag on that image id; the same tag on another image is not', () => {
    recordResource('images', { engine: 'E1', id: 'sha256:b1', name: 'guide-app:latest' });
    expect(isRecordedImage('E1', image, 'guide-app:latest')).toBe(true);
    expect(isRecordedImage('E1', image, 'sha256:b1')).toBe(true); // named by id
    expect(isRecordedImage('E1', { ...image, id: 'sha256:other' }, 'guide-app:latest')).toBe(false);
    expect(() => refuseForeignImage('E1', { ...image, id: 'sha256:0123456789abcdef' }, 'guide-app:latest', 'content/b.mdx:5')).toThrowError(
      /^content\/b\.mdx:5: an image tagged guide-app:latest already exists, and this guide did not build it\n[\s\S]*received: guide-app:latest \(0123456789ab\)[\s\S]*`docker tag guide-app:latest my-guide-app`, then `docker image rm guide-app:latest`/,
    );
  });

  it('a tag an interrupted build was giving is the guide\'s when tagged within the window, and not when tagged later by hand', () => {
    recordPending({ engine: 'E1', kind: 'image', name: 'guide-app:latest', since: T - 1_000 });
    expect(isRecordedImage('E1', image, 'guide-app:latest')).toBe(true);
    recordPending({ engine: 'E1', kind: 'image', name: 'guide-app:2', since: T - PENDING_WINDOW.after - 5_000 });
    expect(isRecordedImage('E1', { ...image, id: 'sha256:c3', tags: ['guide-app:2'] }, 'guide-app:2')).toBe(false);
    expect(readPending()).toEqual([]);
  });
});
