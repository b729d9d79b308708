#!/usr/bin/env zx
// Clean up: removes the containers the guide created (redis-server and the containers linked to it), nothing else.
//
// Generated from content/step4.mdx by `npm run snippets`; edit the page, not this file.
// Run it: npx zx snippets/cleanup.mjs (or node snippets/cleanup.mjs). Running it twice is safe.
import { defineStep } from './lib/step.mjs';

const step = defineStep({ page: 'cleanup', file: 'content/step4.mdx', title: 'Clean up', snippet: 'cleanup' });

// content/step4.mdx:75
step.command(`docker ps -aq | xargs -r docker inspect --format '{{.Id}} {{range .HostConfig.Links}}{{.}} {{end}}' | grep ' /redis-server:' | cut -d' ' -f1 | xargs -r docker rm -f`, { id: 'content/step4.mdx:74#1', at: 'content/step4.mdx:75' });

// content/step4.mdx:76
step.command(`docker rm -f redis-server`, { id: 'content/step4.mdx:74#2', at: 'content/step4.mdx:76' });

await step.run({ forgetRemoved: true });
