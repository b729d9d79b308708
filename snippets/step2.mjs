#!/usr/bin/env zx
// Link to it: Start containers linked to redis-server and see what a link gives them — environment variables and a hosts-file entry.
//
// Generated from content/step2.mdx by `npm run snippets`; edit the page, not this file.
// Run it: npx zx snippets/step2.mjs (or node snippets/step2.mjs). Running it twice is safe.
import { defineStep } from './lib/step.mjs';

const step = defineStep({ page: 'step2', file: 'content/step2.mdx', title: 'Link to it', snippet: 'step2', summary: 'Start containers linked to redis-server and see what a link gives them — environment variables and a hosts-file entry.', next: { snippet: 'step3', title: 'step 3, Connect an app' } });

// Set-up from step 1, "Start Redis" (content/step1.mdx), which this step needs:
// content/step1.mdx:15
step.setup(`docker run -d --name redis-server redis`, { id: 'content/step1.mdx:14#1', at: 'content/step1.mdx:15', from: 'step1', ready: 'docker exec redis-server redis-cli ping' });

// content/step1.mdx:40
step.setup(`docker exec redis-server redis-cli ping`, { id: 'content/step1.mdx:39#1', at: 'content/step1.mdx:40', from: 'step1' });

// content/step2.mdx:33
step.command(`docker run --link redis-server:redis alpine env`, { id: 'content/step2.mdx:32#1', at: 'content/step2.mdx:33' });

// content/step2.mdx:90
step.command(`docker run --link redis-server:redis alpine cat /etc/hosts`, { id: 'content/step2.mdx:89#1', at: 'content/step2.mdx:90' });

// content/step2.mdx:137
step.command(`docker run --link redis-server:redis alpine ping -c 1 redis`, { id: 'content/step2.mdx:136#1', at: 'content/step2.mdx:137' });

await step.run();
