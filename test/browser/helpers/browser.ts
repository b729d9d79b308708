// Debian's Chromium (/usr/bin/chromium, `npm run browsers:setup`; or $CHROMIUM_PATH, or a CI
// runner's Chrome: findBrowser) driven by playwright-core, with nothing that reaches the network by itself.
import { chromium, type Browser } from 'playwright-core';
import { findBrowser } from '../../../scripts/browsers/find.ts';

const found = findBrowser();
if (found === undefined) throw new Error('no Chromium found: run `npm run browsers:setup`, or set CHROMIUM_PATH');
export const CHROMIUM: string = found;

/** Launches headless Chromium; close it in afterAll. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
