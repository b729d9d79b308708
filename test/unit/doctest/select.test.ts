import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../scripts/page/parse.ts';
import type { Page } from '../../../scripts/page/types.ts';
import { planSnippets } from '../../../scripts/doctest/plan.ts';
import { chooseCases, describeSelection, readGrep, selectPlans } from '../../../scripts/doctest/select.ts';

const root = '/project';
const where = { root, cwd: root, contentDir: 'content' };

/** A page of the guide's shape: front matter, then `sh` blocks (one command a line). */
function page(id: string, fm: { snippet?: string; needs?: string[] }, ...blocks: string[]): Page {
  const head = ['---', `title: ${id}`, 'description: d', ...(fm.snippet ? [`snippet: ${fm.snippet}`] : []), `needs: [${(fm.needs ?? []).join(', ')}]`, '---', ''];
  return parsePage(`content/${id}.mdx`, [...head, ...blocks.flatMap((b) => [b, ''])].join('\n')).page;
}

// index (no commands) · redis: start · link (needs redis): env, hosts, ping · app (needs redis) · cli (needs app), and a clean-up block on it
const pages = [
  page('index', {}),
  page('redis', { snippet: 'redis' }, '```sh\ndocker run -d --name redis-server redis\n```'),
  page('link', { snippet: 'link', needs: ['redis'] }, '```sh\ndocker run --link redis-server:redis alpine env\ndocker run --link redis-server:redis alpine cat /etc/hosts\n```', '```sh\ndocker run --link redis-server:redis alpine ping -c 1 redis\n```'),
  page('app', { snippet: 'app', needs: ['redis'] }, '```sh\ndocker run -d --name web --link redis-server:redis app\n```'),
  page('cli', { snippet: 'cli', needs: ['app'] }, '```sh\ndocker run --rm --link redis-server:redis redis redis-cli -h redis ping\n```', '```sh snippet="cleanup"\ndocker rm -f web redis-server\n```'),
];
const plans = planSnippets(pages, 'snippets');
const choose = (request: { pages?: string[]; grep?: string }) => chooseCases(pages, { pages: request.pages ?? [], grep: request.grep }, where);
const names = (ids: ReadonlySet<string> | undefined) => pages.flatMap((p) => p.commands).filter((c) => ids?.has(c.id)).map((c) => `${c.at.file}:${c.at.line}`);

describe('chooseCases', () => {
  it('no page and no --grep: every case, and the run proves every page', () => {
    expect(choose({})).toEqual({ count: 7, of: 7, pages: [], coverage: { kind: 'all' } });
  });

  it('a page: its cases; only it is run in full', () => {
    const chosen = choose({ pages: ['content/link.mdx'] });
    expect(names(chosen.ids)).toEqual(['content/link.mdx:9', 'content/link.mdx:10', 'content/link.mdx:14']);
    expect(chosen).toMatchObject({ count: 3, of: 7, pages: ['content/link.mdx'], coverage: { kind: 'some', files: ['content/link.mdx'] } });
  });

  it('a page is found from the working directory, by a relative or an absolute path, each once', () => {
    const chosen = chooseCases(pages, { pages: ['../content/redis.mdx', path.join(root, 'content/redis.mdx')] }, { ...where, cwd: path.join(root, 'scripts') });
    expect(chosen.pages).toEqual(['content/redis.mdx']);
  });

  it('--grep: text in the name or the command; a page with only some of its cases is not run in full', () => {
    expect(names(choose({ grep: 'cat /etc/hosts' }).ids)).toEqual(['content/link.mdx:10']);
    expect(names(choose({ grep: 'link.mdx:14' }).ids)).toEqual(['content/link.mdx:14']);
    expect(choose({ grep: 'cat /etc/hosts' }).coverage).toEqual({ kind: 'some', files: [] });
  });

  it('--grep /regex/ with flags, narrowing the pages named', () => {
    expect(names(choose({ grep: '/ALPINE (ENV|PING)/i' }).ids)).toEqual(['content/link.mdx:9', 'content/link.mdx:14']);
    expect(names(choose({ pages: ['content/link.mdx', 'content/cli.mdx'], grep: '/ping/' }).ids)).toEqual(['content/link.mdx:14', 'content/cli.mdx:9']);
    expect(choose({ grep: '/cli\\.mdx/' }).coverage).toEqual({ kind: 'some', files: ['content/cli.mdx'] });
  });

  it('a path is text, not a regular expression', () => {
    expect(names(choose({ grep: '/etc/hosts' }).ids)).toEqual(['content/link.mdx:10']);
  });

  it('a --grep that selects every case is a whole run', () => {
    expect(choose({ grep: '/docker/' }).coverage).toEqual({ kind: 'all' });
  });

  it('a regex --grep with g matches every time (no state kept between cases)', () => {
    const test = readGrep('/redis/g');
    const env = pages[2]!.commands[0]!;
    expect([test(env), test(env), test(env)]).toEqual([true, true, true]);
  });
});

describe('what a bad selection says', () => {
  it('a file that is no page of the content folder: named, with the pages', () => {
    expect(() => choose({ pages: ['content/step9.mdx'] })).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/step9.mdx is not a page of content/; its pages: content/index.mdx, content/redis.mdx, content/link.mdx, content/app.mdx, content/cli.mdx]`,
    );
  });

  it('a --grep that selects nothing, among every page or the pages named', () => {
    expect(() => choose({ grep: 'kubectl' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: --grep kubectl selects none of the 7 cases in content/; it selects a case by its name (content/redis.mdx:9) or its command text, /pattern/ by a regular expression]`,
    );
    expect(() => choose({ pages: ['content/redis.mdx'], grep: 'alpine' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: --grep alpine selects none of the 1 case of content/redis.mdx; it selects a case by its name (content/redis.mdx:9) or its command text, /pattern/ by a regular expression]`,
    );
  });

  it('a page with no case (the index)', () => {
    expect(() => choose({ pages: ['content/index.mdx'] })).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/index.mdx has no case to run (no command a snippet runs); pages with cases: content/redis.mdx, content/link.mdx, content/app.mdx, content/cli.mdx]`,
    );
  });

  it('a --grep that is no regular expression', () => {
    expect(() => readGrep('/(/')).toThrow(/^--grep \/\(\/ is not a regular expression \(.*\); write text to look for, or \/pattern\/$/);
  });
});

describe('selectPlans', () => {
  const run = (request: { pages?: string[]; grep?: string }) => {
    const selected = selectPlans(plans, choose(request).ids);
    return { plans: selected.plans.map((p) => p.name), setup: selected.setup };
  };

  it('every case: every snippet, none as set-up', () => {
    expect(selectPlans(plans, undefined)).toEqual({ plans, setup: [] });
  });

  it('one page: its snippet, and the pages it needs as set-up; not the clean-up', () => {
    expect(run({ pages: ['content/link.mdx'] })).toEqual({ plans: ['redis', 'link'], setup: ['redis'] });
    expect(run({ pages: ['content/redis.mdx'] })).toEqual({ plans: ['redis'], setup: [] });
  });

  it('needs are followed through; the clean-up cases of the page run too, last', () => {
    expect(run({ pages: ['content/cli.mdx'] })).toEqual({ plans: ['redis', 'app', 'cli', 'cleanup'], setup: ['redis', 'app'] });
  });

  it('--grep: the snippets of the selected cases; a clean-up case sets up the page it is on', () => {
    expect(run({ grep: 'cat /etc/hosts' })).toEqual({ plans: ['redis', 'link'], setup: ['redis'] });
    expect(run({ grep: 'docker rm' })).toEqual({ plans: ['redis', 'app', 'cli', 'cleanup'], setup: ['redis', 'app', 'cli'] });
  });

  it('what run-start says of it', () => {
    const chosen = choose({ pages: ['content/link.mdx'], grep: 'hosts' });
    expect(describeSelection(chosen, ['redis'])).toEqual({ of: 7, pages: ['content/link.mdx'], grep: 'hosts', setup: ['redis'] });
    expect(describeSelection(choose({}), [])).toBeUndefined();
  });
});
