// `npm run browsers:setup`: makes sure a Chromium exists for the browser tests
// (playwright-core drives it; `npx playwright install` cannot download here). One found by
// findBrowser is used as it is; else, on Debian as root, it installs the `chromium` package.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { findBrowser } from './find.ts';

const CHROMIUM = '/usr/bin/chromium';

function run(argv: string[]): void {
  console.log(`browsers:setup: running ${argv.join(' ')}`);
  const [cmd, ...args] = argv as [string, ...string[]];
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`browsers:setup: \`${argv.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function isDebian(): boolean {
  return existsSync('/etc/debian_version') || /^ID(_LIKE)?=.*debian/m.test(readFileSync('/etc/os-release', 'utf8'));
}

const found = findBrowser();
if (found !== undefined) {
  console.log(`browsers:setup: ${found} is present; nothing to install`);
  process.exit(0);
}
if (!isDebian() || process.getuid?.() !== 0) {
  console.error(
    `browsers:setup: ${CHROMIUM} is missing and this is not Debian as root; install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable`,
  );
  process.exit(1);
}
run(['apt-get', 'update']);
run(['apt-get', 'install', '-y', 'chromium']);
if (!existsSync(CHROMIUM)) {
  console.error(`browsers:setup: the chromium package installed, but ${CHROMIUM} is still missing`);
  process.exit(1);
}
console.log(`browsers:setup: installed Debian's chromium at ${CHROMIUM}`);
