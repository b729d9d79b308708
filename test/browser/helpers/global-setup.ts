// One Chromium for the whole browser suite: started once before the first file (a browser server
// on a local WebSocket), each file connecting to it (helpers/browser.ts) with contexts of its
// own, and closed after the last. Starting Chromium per file cost a second or more each.
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumEndpoint: string; // the shared browser's WebSocket, on 127.0.0.1
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, host: '127.0.0.1' });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
