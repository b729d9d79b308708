// What the browser suite's files share, made once: one Chromium (a browser server on a local
// WebSocket), each file connecting to it (helpers/browser.ts) with contexts of its own; and the
// folder of the site built as published (helpers/build.ts buildPublished: base path, address,
// repository), built by the first file that reads it. Both go after the last file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumEndpoint: string; // the shared browser's WebSocket, on 127.0.0.1
    publishedSiteDir: string; // where the site built as published goes (empty until a file builds it)
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, host: '127.0.0.1' });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  const published = mkdtempSync(join(tmpdir(), 'guide-published-'));
  project.provide('publishedSiteDir', published);
  return async () => {
    await server.close();
    rmSync(published, { recursive: true, force: true });
  };
}
