import { describe, expect, it } from 'vitest';
import { isRelativeHref, resolvePageHref, toAbsoluteUrl, toAssetPath, toPagePath } from '../../../../site/lib/publish/links.ts';

const ids = ['index', 'step1', 'step2'];

describe('toPagePath and toAssetPath', () => {
  it('put the base in front, at the root and under a sub-path', () => {
    expect([toPagePath('/', ''), toPagePath('/', 'step1')]).toEqual(['/', '/step1/']);
    expect([toPagePath('/guide/', ''), toPagePath('/guide/', 'step1')]).toEqual(['/guide/', '/guide/step1/']);
    expect(toAssetPath('/guide/', '/favicon.svg')).toBe('/guide/favicon.svg');
  });
});

describe('toAbsoluteUrl', () => {
  it('joins the origin and the path', () => {
    expect(toAbsoluteUrl({ site: 'https://you.github.io', base: '/guide/' }, '/guide/step2/')).toBe('https://you.github.io/guide/step2/');
  });

  it('gives none without SITE_URL', () => {
    expect(toAbsoluteUrl({ site: undefined, base: '/guide/' }, '/guide/step2/')).toBeUndefined();
  });
});

describe('resolvePageHref', () => {
  it.each([
    ['step1/', '/guide/step1/'],
    ['step1', '/guide/step1/'],
    ['./step2.mdx#the-hosts-file', '/guide/step2/#the-hosts-file'],
    ['./', '/guide/'],
    ['index.mdx', '/guide/'],
  ])('%s -> %s under /guide/', (href, published) => {
    expect(resolvePageHref(href, '/guide/', ids)).toEqual({ href: published });
  });

  it('keeps absolute links, rooted links and fragments', () => {
    for (const href of ['https://redis.io/', 'http://localhost:3000', '/elsewhere/', '#top', 'mailto:a@b.c']) {
      expect(isRelativeHref(href)).toBe(false);
      expect(resolvePageHref(href, '/guide/', ids)).toEqual({ href });
    }
  });

  it('names the pages there are when a link names none', () => {
    expect(resolvePageHref('step9/', '/', ids)).toEqual({ error: 'the link "step9/" names no page; write one of: ./, step1/, step2/' });
  });
});
