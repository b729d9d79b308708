#!/usr/bin/env zx
// The modern way: user-defined networks: The same app and Redis, connected through a user-defined network and a network alias — Docker's DNS instead of links, environment variables and hosts-file entries.
//
// Generated from content/networks.mdx by `npm run snippets`; edit the page, not this file.
// Run it: npx zx snippets/networks.mjs (or node snippets/networks.mjs). Running it twice is safe.
import { defineStep } from './lib/step.mjs';

const step = defineStep({ page: 'networks', file: 'content/networks.mdx', title: 'The modern way: user-defined networks', snippet: 'networks', summary: 'The same app and Redis, connected through a user-defined network and a network alias — Docker\'s DNS instead of links, environment variables and hosts-file entries.' });

// content/networks.mdx:25
step.command(`docker network create guide-net`, { id: 'content/networks.mdx:24#1', at: 'content/networks.mdx:25' });

// content/networks.mdx:35
step.command(`docker run -d --name redis-db --network guide-net --network-alias redis redis`, { id: 'content/networks.mdx:34#1', at: 'content/networks.mdx:35', ready: 'docker exec redis-db redis-cli ping' });

// content/networks.mdx:49
step.command(`docker run --rm --network guide-net alpine env`, { id: 'content/networks.mdx:48#1', at: 'content/networks.mdx:49' });

// content/networks.mdx:62
step.command(`docker run --rm --network guide-net alpine ping -c 1 redis`, { id: 'content/networks.mdx:61#1', at: 'content/networks.mdx:62' });

// content/networks.mdx:82
step.command(`docker run -d --name counter -p 3001:3000 --network guide-net katacoda/redis-node-docker-example`, { id: 'content/networks.mdx:81#1', at: 'content/networks.mdx:82', ready: 'http://localhost:3001' });

// content/networks.mdx:92
step.command(`curl localhost:3001`, { id: 'content/networks.mdx:91#1', at: 'content/networks.mdx:92' });

// content/networks.mdx:107
step.command(`curl localhost:3001`, { id: 'content/networks.mdx:106#1', at: 'content/networks.mdx:107' });

// content/networks.mdx:135
step.command(`docker rm -f -v counter redis-db`, { id: 'content/networks.mdx:134#1', at: 'content/networks.mdx:135' });

// content/networks.mdx:136
step.command(`docker network rm guide-net`, { id: 'content/networks.mdx:134#2', at: 'content/networks.mdx:136' });

await step.run({ forgetRemoved: true });
