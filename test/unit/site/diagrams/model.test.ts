import { describe, expect, it } from 'vitest';
import { discoverPages } from '../../../../scripts/page/discover.ts';
import { readOfficialConfigs } from '../../../../scripts/docker/official-configs.ts';
import { parsePage } from '../../../../scripts/page/parse.ts';
import type { Page } from '../../../../scripts/page/types.ts';
import { planDiagram, readExposedPorts } from '../../../../site/lib/diagrams/model.ts';

const root = new URL('../../../..', import.meta.url).pathname;
const fence = '```';
const exposed = readExposedPorts(readOfficialConfigs());

/** A page from its front matter lines and its commands. */
function page(id: string, front: string[], ...commands: string[]): Page {
  const { page, errors } = parsePage(`content/${id}.mdx`, `---\ntitle: ${id} title\ndescription: D\n${front.join('\n')}\n---\n\n${fence}sh\n${commands.join('\n')}\n${fence}\n`);
  expect(errors).toEqual([]);
  return page;
}

const redis = page('step1', ['step: 1', 'snippet: step1', 'needs: []'], 'docker run -d --name redis-server redis');
const app = (...commands: string[]) => page('step3', ['step: 3', 'snippet: step3', 'needs: [step1]'], ...commands);

describe('planDiagram', () => {
  it("step 3: the app from this step, step 1's redis-server, the link with its alias and hosts line, the published port and the request", () => {
    const diagram = planDiagram(app('docker run -d -p 3000:3000 --link redis-server:redis example/app', 'curl localhost:3000'), [redis], exposed)!;
    expect(diagram.boxes.map((box) => [box.title, box.image, box.from?.name])).toEqual([['app', 'example/app', undefined], ['redis-server', 'redis', 'step 1']]);
    expect(diagram.boxes[0]).toMatchObject({ links: [{ name: 'redis-server', alias: 'redis' }], hosts: ['172.17.0.x redis'] });
    expect(diagram.boxes[1]).toMatchObject({ listens: [6379], published: [] });
    expect(diagram.reaches).toEqual([{ from: 'example/app', to: 'redis-server', via: 'link', alias: 'redis', port: 6379, active: true }]);
    expect(diagram.entries).toEqual([{ host: 3000, container: 3000, to: 'example/app', clients: ['curl localhost:3000'] }]);
    expect(diagram.traffic).toEqual([['curl localhost:3000', 'localhost:3000', 'app:3000', 'redis:6379']]);
  });

  it('changes with the commands: another alias and another host port', () => {
    const diagram = planDiagram(app('docker run -d -p 8080:3000 --link redis-server:db example/app', 'curl localhost:8080'), [redis], exposed)!;
    expect(diagram.boxes[0]?.hosts).toEqual(['172.17.0.x db']);
    expect(diagram.reaches[0]).toMatchObject({ alias: 'db', port: 6379 });
    expect(diagram.traffic).toEqual([['curl localhost:8080', 'localhost:8080', 'app:3000', 'db:6379']]);
  });

  it('one box for the one-off containers of one shape, called by their image, or by the one program they run', () => {
    const links = page('step2', ['step: 2', 'snippet: step2', 'needs: [step1]'], 'docker run --link redis-server:redis alpine env', 'docker run --link redis-server:redis alpine ping -c 1 redis');
    const diagram = planDiagram(links, [redis, links], exposed)!;
    expect(diagram.boxes[0]).toMatchObject({ title: 'alpine', runs: ['env', 'ping -c 1 redis'], listens: [] });
    expect(diagram.traffic).toEqual([['ping -c 1 redis', 'redis']]); // ping reaches the host, not a port
    const cli = page('step4', ['step: 4', 'snippet: step4', 'needs: [step1]'], 'docker run -it --link redis-server:redis redis redis-cli -h redis');
    expect(planDiagram(cli, [redis, cli], exposed)?.traffic).toEqual([['redis-cli -h redis', 'redis:6379']]);
    expect(planDiagram(cli, [redis, cli], exposed)?.boxes[0]?.title).toBe('redis-cli');
  });

  it('the guide: the app of step 3 still runs in step 4, and the networks page reaches redis by its network alias', async () => {
    const { pages } = await discoverPages(root);
    const step4 = planDiagram(pages.find((p) => p.id === 'step4')!, pages, exposed)!;
    expect(step4.boxes.map((box) => [box.title, box.from?.name])).toEqual([['redis-node-docker-example', 'step 3'], ['redis-cli', undefined], ['redis-server', 'step 1']]);
    expect(step4.reaches.map((r) => [r.from, r.active])).toEqual([['katacoda/redis-node-docker-example', false], ['redis', true]]);
    const networks = planDiagram(pages.find((p) => p.id === 'networks')!, pages, exposed)!;
    expect(networks.reaches.filter((r) => r.from === 'counter')).toEqual([{ from: 'counter', to: 'redis-db', via: 'dns', alias: 'redis', port: 6379, active: true }]);
    expect(networks.boxes.every((box) => box.network === 'guide-net' && box.hosts.length === 0)).toBe(true);
    expect(planDiagram(pages.find((p) => p.id === 'index')!, pages, exposed)).toBeUndefined();
  });
});
