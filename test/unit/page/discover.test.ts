import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { discoverPages, formatPageError, orderNeeds } from '../../../scripts/page/discover.ts';
import { checkNeeds } from '../../../scripts/page/needs.ts';
import { parsePage } from '../../../scripts/page/parse.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function pageWith(id: string, needs: string[]) {
  return parsePage(`content/${id}.mdx`, `---\ntitle: ${id}\ndescription: d\nneeds: [${needs.join(', ')}]\n---\n`).page;
}

describe('discoverPages on the real content/', () => {
  it('parses every page without errors', async () => {
    const { pages, errors } = await discoverPages(root);
    expect(errors.map(formatPageError)).toEqual([]);
    expect(pages.map((p) => p.id)).toEqual(['index', 'networks', 'step1', 'step2', 'step3', 'step4']);
  });

  it('locates the commands of the steps on their lines', async () => {
    const { pages } = await discoverPages(root);
    const located = pages.flatMap((p) => p.commands.filter((c) => c.snippet).map((c) => `${c.at.file}:${c.at.line} ${c.snippet}`));
    expect(located).toEqual([
      'content/networks.mdx:25 networks',
      'content/networks.mdx:35 networks',
      'content/networks.mdx:49 networks',
      'content/networks.mdx:62 networks',
      'content/networks.mdx:82 networks',
      'content/networks.mdx:92 networks',
      'content/networks.mdx:107 networks',
      'content/networks.mdx:135 networks',
      'content/networks.mdx:136 networks',
      'content/step1.mdx:15 step1',
      'content/step1.mdx:40 step1',
      'content/step1.mdx:62 troubleshoot',
      'content/step1.mdx:84 troubleshoot',
      'content/step2.mdx:33 step2',
      'content/step2.mdx:90 step2',
      'content/step2.mdx:137 step2',
      'content/step2.mdx:190 troubleshoot',
      'content/step2.mdx:208 troubleshoot',
      'content/step2.mdx:209 troubleshoot',
      'content/step2.mdx:235 troubleshoot',
      'content/step3.mdx:16 step3',
      'content/step3.mdx:42 step3',
      'content/step3.mdx:59 step3',
      'content/step3.mdx:94 troubleshoot',
      'content/step3.mdx:126 troubleshoot',
      'content/step4.mdx:15 step4',
      'content/step4.mdx:77 cleanup',
      'content/step4.mdx:82 cleanup',
      'content/step4.mdx:110 troubleshoot',
    ]);
  });

  it('attaches step 4 session inputs and the cleanup outputs', async () => {
    const { pages } = await discoverPages(root);
    const step4 = pages.find((p) => p.id === 'step4');
    expect(step4?.commands[0]?.sessions[0]?.inputs).toEqual(['PING', 'GET requests', 'HGETALL ip', 'exit']);
    expect(step4?.commands.slice(1, 3).map((c) => c.outputs.map((o) => o.body))).toEqual([['...'], ['redis-server']]);
  });

  it('orders the needs of step 4: step1 before step3', async () => {
    const { pages } = await discoverPages(root);
    const step4 = pages.find((p) => p.id === 'step4');
    expect(step4 && orderNeeds(step4, pages).map((p) => p.id)).toEqual(['step1', 'step3']);
  });
});

describe('checkNeeds', () => {
  it('reports a need that names no page, at the needs line', () => {
    const pages = [pageWith('a', []), pageWith('b', ['nope'])];
    expect(checkNeeds(pages, () => 4).map(formatPageError)).toEqual(['content/b.mdx:4: needs: nope names no page; write one of: a, b']);
  });

  it('reports a cycle', () => {
    const pages = [pageWith('a', ['b']), pageWith('b', ['a'])];
    expect(checkNeeds(pages, () => 4).map(formatPageError)).toEqual([
      'content/a.mdx:4: needs: a needs itself (through b); remove one of the needs',
      'content/b.mdx:4: needs: b needs itself (through a); remove one of the needs',
    ]);
  });

  it('orders each need once, dependencies first', () => {
    const pages = [pageWith('a', []), pageWith('b', ['a']), pageWith('c', ['a', 'b']), pageWith('d', ['c', 'b'])];
    const d = pages[3];
    expect(d && orderNeeds(d, pages).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
});
