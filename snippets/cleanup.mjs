#!/usr/bin/env zx
// Clean up: removes what the guide created (redis-server and the containers linked to it, then every container, network, volume and image it recorded), nothing else.
//
// Generated from content/step4.mdx by `npm run snippets`; edit the page, not this file.
// Run it: npx zx snippets/cleanup.mjs (or node snippets/cleanup.mjs). Running it twice is safe.
import { defineStep } from './lib/step.mjs';

const step = defineStep({ page: 'cleanup', file: 'content/step4.mdx', title: 'Clean up', snippet: 'cleanup' });

// content/step4.mdx:77
step.command('docker ps -aq \\\n  | xargs -r docker inspect --format \'{{.Id}} {{.HostConfig.Links}}\' \\\n  | grep \'/redis-server:\' \\\n  | cut -d\' \' -f1 \\\n  | xargs -r docker rm -f -v', { id: 'content/step4.mdx:76#1', at: 'content/step4.mdx:77' });

// content/step4.mdx:82
step.command(`docker rm -f -v redis-server`, { id: 'content/step4.mdx:76#2', at: 'content/step4.mdx:82' });

await step.run({ forgetRemoved: true, removeRecorded: true });
