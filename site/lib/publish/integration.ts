// The part of the Astro config that depends on where the site is published: with SITE_URL, the
// sitemap route; without it, no sitemap and one line in the build log saying what is left out
// (the pages' canonical links, og:url and og:image are left out by site/components/Head.astro);
// without REPO_URL, one more line: no "Edit this page" links (site/layouts/Guide.astro).
import type { AstroIntegration } from 'astro';
import { NO_REPO_MESSAGE, NO_SITE_MESSAGE, type PublishTarget } from './env.ts';

export const SITEMAP_ENTRYPOINT = './site/routes/sitemap.xml.ts';

/** For `integrations` in astro.config.mjs. */
export function createPublishIntegration(target: PublishTarget): AstroIntegration {
  return {
    name: 'guide-publish',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, logger }) => {
        if (target.site !== undefined) injectRoute({ pattern: '/sitemap.xml', entrypoint: SITEMAP_ENTRYPOINT });
        else if (command === 'build') logger.warn(NO_SITE_MESSAGE);
        if (target.repository === undefined && command === 'build') logger.warn(NO_REPO_MESSAGE);
      },
    },
  };
}
