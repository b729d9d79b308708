#!/usr/bin/env zx
// The modern way: user-defined networks: The same app and Redis, connected through a user-defined network and a network alias — Docker's DNS instead of links, environment variables and hosts-file entries.
//
// Generated from content/networks.mdx by `npm run snippets`; edit the page, not this file.
// Run it: npx zx snippets/networks.mjs (or node snippets/networks.mjs). Running it twice is safe.
import { defineStep } from './lib/step.mjs';

const step = defineStep({ page: 'networks', file: 'content/networks.mdx', title: 'The modern way: user-defined networks', snippet: 'networks' });

// content/networks.mdx:23
step.command(`docker network create guide-net`, { id: 'content/networks.mdx:22#1', at: 'content/networks.mdx:23' });

// content/networks.mdx:33
step.command(`docker run -d --name redis-db --network guide-net --network-alias redis redis`, { id: 'content/networks.mdx:32#1', at: 'content/networks.mdx:33', ready: 'docker exec redis-db redis-cli ping' });

// content/networks.mdx:47
step.command(`docker run --rm --network guide-net alpine env`, { id: 'content/networks.mdx:46#1', at: 'content/networks.mdx:47' });

// content/networks.mdx:60
step.command(`docker run --rm --network guide-net alpine ping -c 1 redis`, { id: 'content/networks.mdx:59#1', at: 'content/networks.mdx:60' });

// content/networks.mdx:80
step.command(`docker run -d --name counter -p 3001:3000 --network guide-net katacoda/redis-node-docker-example`, { id: 'content/networks.mdx:79#1', at: 'content/networks.mdx:80', ready: 'http://localhost:3001' });

// content/networks.mdx:90
step.command(`curl localhost:3001`, { id: 'content/networks.mdx:89#1', at: 'content/networks.mdx:90' });

// content/networks.mdx:105
step.command(`curl localhost:3001`, { id: 'content/networks.mdx:104#1', at: 'content/networks.mdx:105' });

// content/networks.mdx:133
step.command(`docker rm -f counter redis-db`, { id: 'content/networks.mdx:132#1', at: 'content/networks.mdx:133' });

// content/networks.mdx:134
step.command(`docker network rm guide-net`, { id: 'content/networks.mdx:132#2', at: 'content/networks.mdx:134' });

await step.run({ forgetRemoved: true });
