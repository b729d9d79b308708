import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../../scripts/browsers/find.ts';

const only = (...present: string[]) => (path: string) => present.includes(path);

describe('findBrowser', () => {
  it("prefers Debian's chromium, then a runner's Chrome", () => {
    expect(findBrowser({}, only('/usr/bin/chromium', '/usr/bin/google-chrome'))).toBe('/usr/bin/chromium');
    expect(findBrowser({}, only('/usr/bin/google-chrome'))).toBe('/usr/bin/google-chrome');
    expect(findBrowser({}, only())).toBeUndefined();
  });

  it('takes CHROMIUM_PATH first, and names it when it does not exist', () => {
    expect(findBrowser({ CHROMIUM_PATH: '/opt/c/chrome' }, only('/opt/c/chrome', '/usr/bin/chromium'))).toBe('/opt/c/chrome');
    expect(() => findBrowser({ CHROMIUM_PATH: '/nope' }, only('/usr/bin/chromium'))).toThrow(
      'CHROMIUM_PATH=/nope: no such file; unset it or point it to a Chromium executable',
    );
  });
});
