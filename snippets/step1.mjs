#!/usr/bin/env zx
// Start Redis: Start a Redis server in a background container named redis-server, the service the other steps connect to.
//
// Generated from content/step1.mdx by `npm run snippets`; edit the page, not this file.
// Run it: npx zx snippets/step1.mjs (or node snippets/step1.mjs). Running it twice is safe.
import { defineStep } from './lib/step.mjs';

const step = defineStep({ page: 'step1', file: 'content/step1.mdx', title: 'Start Redis', snippet: 'step1', summary: 'Start a Redis server in a background container named redis-server, the service the other steps connect to.', next: { snippet: 'step2', title: 'step 2, Link to it' } });

// content/step1.mdx:15
step.command(`docker run -d --name redis-server redis`, { id: 'content/step1.mdx:14#1', at: 'content/step1.mdx:15', ready: 'docker exec redis-server redis-cli ping' });

// content/step1.mdx:40
step.command(`docker exec redis-server redis-cli ping`, { id: 'content/step1.mdx:39#1', at: 'content/step1.mdx:40' });

await step.run();
