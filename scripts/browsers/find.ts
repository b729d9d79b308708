// Which Chromium the browser tests drive: $CHROMIUM_PATH when set, else Debian's
// /usr/bin/chromium, else Google Chrome where a hosted CI runner ships it.
import { existsSync } from 'node:fs';

export const BROWSER_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The browser executable, or undefined when none is installed. */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen !== undefined && chosen !== '') {
    if (!exists(chosen)) throw new Error(`CHROMIUM_PATH=${chosen}: no such file; unset it or point it to a Chromium executable`);
    return chosen;
  }
  return BROWSER_CANDIDATES.find((path) => exists(path));
}
