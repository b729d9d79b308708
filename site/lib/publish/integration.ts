// The part of the Astro config that depends on where the site is published: with SITE_URL, the
// sitemap route; without it, no sitemap and one line in the build log saying what is left out
// (the pages' canonical links and og:url are left out by site/components/Head.astro).
import type { AstroIntegration } from 'astro';
import { NO_SITE_MESSAGE, type PublishTarget } from './env.ts';

export const SITEMAP_ENTRYPOINT = './site/routes/sitemap.xml.ts';

/** For `integrations` in astro.config.mjs. */
export function createPublishIntegration(target: PublishTarget): AstroIntegration {
  return {
    name: 'guide-publish',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, logger }) => {
        if (target.site !== undefined) injectRoute({ pattern: '/sitemap.xml', entrypoint: SITEMAP_ENTRYPOINT });
        else if (command === 'build') logger.warn(NO_SITE_MESSAGE);
      },
    },
  };
}
