// Debian's Chromium (/usr/bin/chromium, `npm run browsers:setup`; or $CHROMIUM_PATH, or a CI
// runner's Chrome: findBrowser), with nothing that reaches the network by itself.
import { findBrowser } from '../../../scripts/browsers/find.ts';

const found = findBrowser();
if (found === undefined) throw new Error('no Chromium found: run `npm run browsers:setup`, or set CHROMIUM_PATH');
export const CHROMIUM: string = found;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
