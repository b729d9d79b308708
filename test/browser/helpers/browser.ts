// The browser a test file drives with playwright-core: the suite's one Chromium
// (global-setup.ts), connected to; a file run outside the suite's set-up launches its own.
// Close it in afterAll: that closes this file's contexts (or its own Chromium), not the shared one.
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

/** The shared headless Chromium, or a new one when there is none. */
export function launchChromium(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
