import { describe, expect, it } from 'vitest';
import { discoverPages } from '../../../../scripts/page/discover.ts';
import { parsePage } from '../../../../scripts/page/parse.ts';
import type { Page } from '../../../../scripts/page/types.ts';
import { describeMinutes, estimateMinutes, findRunning, planBeforeYouStart } from '../../../../site/lib/steps/before-you-start.ts';

const root = new URL('../../../..', import.meta.url).pathname;
const fence = '```';

/** A page from its front matter lines and body. */
function page(id: string, front: string[], body = ''): Page {
  const { page, errors } = parsePage(`content/${id}.mdx`, `---\ntitle: ${id} title\ndescription: D\n${front.join('\n')}\n---\n${body}`);
  expect(errors).toEqual([]);
  return page;
}

const sh = (...commands: string[]) => `\n${fence}sh\n${commands.join('\n')}\n${fence}\n`;
const redis = page('step1', ['step: 1', 'snippet: step1', 'needs: []'], sh('docker run -d --name redis-server redis'));
const app = page('step3', ['step: 3', 'snippet: step3', 'needs: [step1]'], sh('docker run -d -p 3000:3000 --link redis-server:redis example/app', 'curl localhost:3000'));
const cli = page('step4', ['step: 4', 'snippet: step4', 'needs: [step3]', 'minutes: 4'], sh('docker run -it --link redis-server:redis redis redis-cli -h redis'));

describe('planBeforeYouStart', () => {
  it("names what the needed page leaves running and the one command that sets it up: step 1's redis-server", () => {
    expect(planBeforeYouStart(app, [redis, app, cli])).toEqual({
      minutes: undefined,
      running: [{ kind: 'container', name: 'redis-server', image: undefined, ports: [], from: { id: 'step1', name: 'step 1', title: 'step1 title' }, command: 'docker run -d --name redis-server redis' }],
      setup: ['npx zx snippets/step1.mjs'],
    });
  });

  it('follows needs through the pages they need, each started once; the last needed page sets up the rest', () => {
    const plan = planBeforeYouStart(cli, [redis, app, cli]);
    expect(plan?.running.map((thing) => [thing.name ?? thing.image, thing.ports, thing.from.name])).toEqual([
      ['redis-server', [], 'step 1'],
      ['example/app', [3000], 'step 3'],
    ]);
    expect(plan?.setup).toEqual(['npx zx snippets/step3.mjs']);
    expect(plan?.minutes).toBe(4);
  });

  it('says a step with no needs needs nothing running; a page with neither step, needs nor minutes gets no box', () => {
    expect(planBeforeYouStart(redis, [redis])).toEqual({ minutes: undefined, running: [], setup: [] });
    expect(planBeforeYouStart(page('index', []), [redis])).toBeUndefined();
  });

  it('drops what a needed page removes again, and ignores its clean-up block', () => {
    const rm = page('step2', ['step: 2', 'snippet: step2', 'needs: [step1]'], `${sh('docker run -d --name tmp alpine sleep 60', 'docker rm -f tmp')}\n${fence}sh snippet="cleanup"\ndocker rm -f redis-server\n${fence}\n`);
    expect(findRunning(rm, []).map((thing) => thing.name)).toEqual([]);
    expect(findRunning(rm, findRunning(redis, [])).map((thing) => thing.name)).toEqual(['redis-server']);
  });

  it('names a network a needed page creates', () => {
    const net = page('networks', ['snippet: networks', 'needs: []'], sh('docker network create guide-net'));
    expect(findRunning(net, [])).toEqual([{ kind: 'network', name: 'guide-net', ports: [], from: { id: 'networks', name: 'networks title', title: 'networks title' }, command: 'docker network create guide-net' }]);
  });

  it('on the real pages: step 3 needs step 1 running redis-server, set up by its snippet', async () => {
    const { pages } = await discoverPages(root);
    const step3 = pages.find((p) => p.id === 'step3')!;
    const plan = planBeforeYouStart(step3, pages);
    expect(plan?.running.map((thing) => [thing.name, thing.from.name])).toEqual([['redis-server', 'step 1']]);
    expect(plan?.setup).toEqual(['npx zx snippets/step1.mjs']);
  });
});

describe('describeMinutes', () => {
  it('says about how long, in the singular for one', () => {
    expect([describeMinutes(1), describeMinutes(5)]).toEqual(['About 1 minute', 'About 5 minutes']);
  });
});

describe('estimateMinutes: how long a step that does not say takes', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const text = (front: string[], body: string) => `---\ntitle: t\ndescription: D\n${front.join('\n')}\n---\n${body}`;
  const step = (body: string) => {
    const front = ['step: 3', 'snippet: step3', 'needs: [step1]'];
    return { page: parsePage('content/step3.mdx', text(front, body)).page, text: text(front, body) };
  };

  it('reads the prose at 200 words a minute and gives each of the step\'s own commands half a minute', () => {
    const long = step(`${words(600)}\n${sh('docker run -d -p 3000:3000 --link redis-server:redis example/app', 'curl localhost:3000')}`);
    expect(estimateMinutes(long.page, long.text)).toBe(4); // 3 + 2 * 0.5
  });

  it('counts neither code, link targets nor markup as words, nor commands provoked on purpose or cleaned up with; at least 1', () => {
    const body = `[${words(10)}](https://docs.docker.com/${'x/'.repeat(400)})\n${fence}sh snippet="cleanup"\ndocker rm -f -v redis-server\n${fence}\n${fence}output\n${words(900)}\n${fence}\n`;
    const short = step(body);
    expect(estimateMinutes(short.page, short.text)).toBe(1);
  });

  it('is the box\'s time for a step without minutes:, given its text; minutes: wins', () => {
    const written = step(`${words(400)}\n`);
    expect(planBeforeYouStart(written.page, [redis, written.page], written.text)?.minutes).toBe(2);
    expect(planBeforeYouStart(written.page, [redis, written.page])?.minutes).toBeUndefined();
    expect(planBeforeYouStart(cli, [redis, app, cli], text([], words(4000)))?.minutes).toBe(4);
  });
});
