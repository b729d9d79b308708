#!/usr/bin/env zx
// When it goes wrong: sets up the steps, then provokes each error their pages' "When it goes wrong" sections show, on purpose.
//
// Generated from content/step1.mdx and content/step2.mdx and content/step3.mdx and content/step4.mdx by `npm run snippets`; edit the page, not this file.
// Run it: npx zx snippets/troubleshoot.mjs (or node snippets/troubleshoot.mjs). Running it twice is safe.
import { defineStep } from './lib/step.mjs';

const step = defineStep({ page: 'troubleshoot', file: 'content/step1.mdx, content/step2.mdx, content/step3.mdx, content/step4.mdx', title: 'When it goes wrong', snippet: 'troubleshoot' });

// Set-up from step 1, "Start Redis" (content/step1.mdx), which this step needs:
// content/step1.mdx:15
step.setup(`docker run -d --name redis-server redis`, { id: 'content/step1.mdx:14#1', at: 'content/step1.mdx:15', from: 'step1', ready: 'docker exec redis-server redis-cli ping' });

// content/step1.mdx:40
step.setup(`docker exec redis-server redis-cli ping`, { id: 'content/step1.mdx:39#1', at: 'content/step1.mdx:40', from: 'step1' });

// Set-up from step 2, "Link to it" (content/step2.mdx), which this step needs:
// content/step2.mdx:33
step.setup(`docker run --link redis-server:redis alpine env`, { id: 'content/step2.mdx:32#1', at: 'content/step2.mdx:33', from: 'step2' });

// content/step2.mdx:90
step.setup(`docker run --link redis-server:redis alpine cat /etc/hosts`, { id: 'content/step2.mdx:89#1', at: 'content/step2.mdx:90', from: 'step2' });

// content/step2.mdx:137
step.setup(`docker run --link redis-server:redis alpine ping -c 1 redis`, { id: 'content/step2.mdx:136#1', at: 'content/step2.mdx:137', from: 'step2' });

// Set-up from step 3, "Connect an app" (content/step3.mdx), which this step needs:
// content/step3.mdx:16
step.setup(`docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example`, { id: 'content/step3.mdx:15#1', at: 'content/step3.mdx:16', from: 'step3', ready: 'http://localhost:3000' });

// content/step3.mdx:42
step.setup(`curl localhost:3000`, { id: 'content/step3.mdx:41#1', at: 'content/step3.mdx:42', from: 'step3' });

// content/step3.mdx:59
step.setup(`curl localhost:3000`, { id: 'content/step3.mdx:58#1', at: 'content/step3.mdx:59', from: 'step3' });

// Set-up from step 4, "Redis CLI through the link" (content/step4.mdx), which this step needs:
// content/step4.mdx:15
step.setup(`docker run -it --link redis-server:redis redis redis-cli -h redis`, { id: 'content/step4.mdx:14#1', at: 'content/step4.mdx:15', from: 'step4', timeout: 30, prompt: 'redis:6379> ', inputs: ['PING', 'GET requests', 'HGETALL ip', 'exit'] });

// content/step1.mdx:62 (Run a second time: fails on purpose)
step.command(`docker run -d --name redis-server redis`, { id: 'content/step1.mdx:61#1', at: 'content/step1.mdx:62', exit: 125, provoke: true });

// content/step1.mdx:84 (No engine at that socket: fails on purpose)
step.command(`DOCKER_HOST=unix:///tmp/no-engine.sock docker run -d --name redis-server redis`, { id: 'content/step1.mdx:83#1', at: 'content/step1.mdx:84', exit: 125, provoke: true });

// content/step2.mdx:190 (A link to no container: fails on purpose)
step.command(`docker run --link no-such-container:redis alpine env`, { id: 'content/step2.mdx:189#1', at: 'content/step2.mdx:190', exit: 125, provoke: true });

// content/step2.mdx:208 (Stop redis-server, then link to it: fails on purpose)
step.command(`docker stop redis-server`, { id: 'content/step2.mdx:207#1', at: 'content/step2.mdx:208', provoke: true });

// content/step2.mdx:209 (Stop redis-server, then link to it: fails on purpose)
step.command(`docker run --link redis-server:redis alpine env`, { id: 'content/step2.mdx:207#2', at: 'content/step2.mdx:209', exit: 125, provoke: true });

// content/step2.mdx:235 (The fix)
step.command(`docker start redis-server`, { id: 'content/step2.mdx:234#1', at: 'content/step2.mdx:235', provoke: true });

// content/step3.mdx:94 (A second app on port 3000: fails on purpose)
step.command(`docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example`, { id: 'content/step3.mdx:93#1', at: 'content/step3.mdx:94', exit: 125, provoke: true });

// content/step3.mdx:126 (A misspelled image: fails on purpose)
step.command(`docker run --pull never katacoda/redis-node-docker-exampel`, { id: 'content/step3.mdx:125#1', at: 'content/step3.mdx:126', exit: 125, provoke: true });

// content/step4.mdx:110 (Input that is not a terminal: fails on purpose)
step.command(`docker run -it --link redis-server:redis redis redis-cli -h redis < /dev/null`, { id: 'content/step4.mdx:109#1', at: 'content/step4.mdx:110', exit: 1, provoke: true });

await step.run();
