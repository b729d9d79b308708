import { describe, expect, it, vi } from 'vitest';
import { NO_REPO_MESSAGE, NO_SITE_MESSAGE, readPublishTarget } from '../../../../site/lib/publish/env.ts';
import { createPublishIntegration, SITEMAP_ENTRYPOINT } from '../../../../site/lib/publish/integration.ts';

/** Runs the integration's config hook for `command` with SITE_URL as given; what it injected and logged. */
function setUp(env: Record<string, string>, command: 'build' | 'dev' = 'build') {
  const injectRoute = vi.fn();
  const warn = vi.fn();
  const hook = createPublishIntegration(readPublishTarget(env)).hooks['astro:config:setup'];
  // only the parts of the hook's options it uses
  void hook?.({ command, injectRoute, logger: { warn } } as unknown as Parameters<NonNullable<typeof hook>>[0]);
  return { injectRoute, warn };
}

describe('createPublishIntegration', () => {
  it('with SITE_URL and REPO_URL: the sitemap, and nothing said', () => {
    const { injectRoute, warn } = setUp({ SITE_URL: 'https://you.github.io', REPO_URL: 'https://github.com/you/guide' });
    expect(injectRoute).toHaveBeenCalledWith({ pattern: '/sitemap.xml', entrypoint: SITEMAP_ENTRYPOINT });
    expect(warn).not.toHaveBeenCalled();
  });

  it('without SITE_URL: no sitemap, and a build says so once, naming what to set', () => {
    const { injectRoute, warn } = setUp({ REPO_URL: 'https://github.com/you/guide' });
    expect(injectRoute).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(NO_SITE_MESSAGE);
    expect(NO_SITE_MESSAGE).toContain('no canonical link or og:url and there is no sitemap.xml; set SITE_URL=');
  });

  it('without REPO_URL: a build says once that the pages have no edit links, naming what to set', () => {
    const { warn } = setUp({ SITE_URL: 'https://you.github.io' });
    expect(warn.mock.calls).toEqual([[NO_REPO_MESSAGE]]);
    expect(NO_REPO_MESSAGE).toContain('no "Edit this page" link; set REPO_URL=');
  });

  it('says nothing while serving in development', () => {
    expect(setUp({}, 'dev').warn).not.toHaveBeenCalled();
  });
});
