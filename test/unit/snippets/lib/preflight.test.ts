// The one walk over the commands that the preflight of a step and of the doc-test runner both make.
import { describe, expect, it } from 'vitest';
import { planChecks } from '../../../../snippets/lib/preflight.mjs';
import { pageCommands } from '../../../../scripts/doctest/preflight.ts';
import { readPage } from '../../doctest/fixtures.ts';

const at = (line: number) => `content/v.mdx:${line}`;
const commands = [
  'docker volume create guide-data',
  'docker run -d --name db -v guide-data:/data -v logs:/logs -v /srv:/srv -p 3000:3000 redis',
  'docker run --mount source=cache,target=/c --network guide-net --link db:redis redis',
  'docker run --network bridge alpine true',
  'docker build -t guide-app -t guide-app:2 .',
  'docker run -d guide-app',
  'docker volume rm guide-data',
  'docker rm -f db',
].map((text, i) => ({ text, at: at(10 + i) }));

describe('planChecks: what the commands name, each once, with its first command', () => {
  it('containers by name, link or removal; networks joined, not Docker\'s own', () => {
    const checks = planChecks(commands);
    expect([...checks.containers]).toEqual([['db', at(11)]]);
    expect([...checks.networks]).toEqual([['guide-net', at(12)]]);
  });

  it('named volumes from docker volume create, -v and --mount; tags from docker build -t', () => {
    const checks = planChecks(commands);
    expect([...checks.volumes.keys()]).toEqual(['guide-data', 'logs', 'cache']);
    expect([...checks.tags.keys()]).toEqual(['guide-app:latest', 'guide-app:2']);
  });

  it('images to look for, not the ones a command builds; ports a detached container publishes', () => {
    const checks = planChecks(commands);
    expect([...checks.images]).toEqual([['redis', at(11)], ['alpine', at(13)]]);
    expect(checks.ports).toEqual([{ port: 3000, at: at(11) }]);
  });

  it('on the guide\'s own pages: redis-server, redis-db and counter, guide-net, three images, ports 3000 and 3001, no volume or tag', () => {
    const checks = planChecks(pageCommands(['index', 'step1', 'step2', 'step3', 'step4', 'networks'].map(readPage)));
    expect([...checks.containers.keys()]).toEqual(['redis-server', 'redis-db', 'counter']);
    expect([...checks.networks.keys()]).toEqual(['guide-net']);
    expect([...checks.images.keys()].sort()).toEqual(['alpine', 'katacoda/redis-node-docker-example', 'redis']);
    expect(checks.ports.map((p) => p.port)).toEqual([3000, 3001]);
    expect([...checks.volumes.keys(), ...checks.tags.keys()]).toEqual([]);
  });
});
