#!/usr/bin/env zx
// Redis CLI through the link: Open redis-cli in a linked container, read the keys the app wrote, then clean up everything the guide created.
//
// Generated from content/step4.mdx by `npm run snippets`; edit the page, not this file.
// Run it: npx zx snippets/step4.mjs (or node snippets/step4.mjs). Running it twice is safe.
import { defineStep } from './lib/step.mjs';

const step = defineStep({ page: 'step4', file: 'content/step4.mdx', title: 'Redis CLI through the link', snippet: 'step4', summary: 'Open redis-cli in a linked container, read the keys the app wrote, then clean up everything the guide created.' });

// Set-up from step 1, "Start Redis" (content/step1.mdx), which this step needs:
// content/step1.mdx:15
step.setup(`docker run -d --name redis-server redis`, { id: 'content/step1.mdx:14#1', at: 'content/step1.mdx:15', from: 'step1', ready: 'docker exec redis-server redis-cli ping' });

// content/step1.mdx:40
step.setup(`docker exec redis-server redis-cli ping`, { id: 'content/step1.mdx:39#1', at: 'content/step1.mdx:40', from: 'step1' });

// Set-up from step 3, "Connect an app" (content/step3.mdx), which this step needs:
// content/step3.mdx:16
step.setup(`docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example`, { id: 'content/step3.mdx:15#1', at: 'content/step3.mdx:16', from: 'step3', ready: 'http://localhost:3000' });

// content/step3.mdx:42
step.setup(`curl localhost:3000`, { id: 'content/step3.mdx:41#1', at: 'content/step3.mdx:42', from: 'step3' });

// content/step3.mdx:59
step.setup(`curl localhost:3000`, { id: 'content/step3.mdx:58#1', at: 'content/step3.mdx:59', from: 'step3' });

// content/step4.mdx:15
step.session(`docker run -it --link redis-server:redis redis redis-cli -h redis`, { id: 'content/step4.mdx:14#1', at: 'content/step4.mdx:15', timeout: 30, prompt: 'redis:6379> ', inputs: ['PING', 'GET requests', 'HGETALL ip', 'exit'] });

await step.run();
