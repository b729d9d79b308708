#!/usr/bin/env zx
// Connect an app: Run a Node.js web app linked to redis-server; every request is counted in Redis and the count comes back.
//
// Generated from content/step3.mdx by `npm run snippets`; edit the page, not this file.
// Run it: npx zx snippets/step3.mjs (or node snippets/step3.mjs). Running it twice is safe.
import { defineStep } from './lib/step.mjs';

const step = defineStep({ page: 'step3', file: 'content/step3.mdx', title: 'Connect an app', snippet: 'step3', summary: 'Run a Node.js web app linked to redis-server; every request is counted in Redis and the count comes back.', next: { snippet: 'step4', title: 'step 4, Redis CLI through the link' } });

// Set-up from step 1, "Start Redis" (content/step1.mdx), which this step needs:
// content/step1.mdx:15
step.setup(`docker run -d --name redis-server redis`, { id: 'content/step1.mdx:14#1', at: 'content/step1.mdx:15', from: 'step1', ready: 'docker exec redis-server redis-cli ping' });

// content/step1.mdx:40
step.setup(`docker exec redis-server redis-cli ping`, { id: 'content/step1.mdx:39#1', at: 'content/step1.mdx:40', from: 'step1' });

// content/step3.mdx:16
step.command(`docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example`, { id: 'content/step3.mdx:15#1', at: 'content/step3.mdx:16', ready: 'http://localhost:3000' });

// content/step3.mdx:42
step.command(`curl localhost:3000`, { id: 'content/step3.mdx:41#1', at: 'content/step3.mdx:42' });

// content/step3.mdx:59
step.command(`curl localhost:3000`, { id: 'content/step3.mdx:58#1', at: 'content/step3.mdx:59' });

await step.run();
