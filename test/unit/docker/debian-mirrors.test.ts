import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  findDebianMirror,
  formatSourceLine,
  parseAptSources,
  readAptSources,
  selectDebianSources,
} from '../../../scripts/docker/debian-mirrors.ts';

const deb822 = `Types: deb
# http://snapshot.debian.org/archive/debian/20250520T000000Z
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security/
Suites: bookworm-security
Components: main contrib

Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
`;

const oneLine = `# comment
deb [arch=amd64 signed-by=/k.gpg] https://packages.cloud.google.com/apt cloud-sdk-bookworm main
deb http://mirror.local/debian/ bookworm main non-free
deb-src http://mirror.local/debian bookworm main
`;

describe('parseAptSources', () => {
  test('reads deb822 stanzas, one source per URI and suite, skipping deb-src', () => {
    expect(parseAptSources(deb822, 'sources')).toEqual([
      { uri: 'http://deb.debian.org/debian', suite: 'bookworm', components: ['main'] },
      { uri: 'http://deb.debian.org/debian', suite: 'bookworm-updates', components: ['main'] },
      { uri: 'http://deb.debian.org/debian-security', suite: 'bookworm-security', components: ['main', 'contrib'] },
    ]);
  });

  test('reads one-line entries with options, skipping comments and deb-src', () => {
    expect(parseAptSources(oneLine, 'list')).toEqual([
      { uri: 'https://packages.cloud.google.com/apt', suite: 'cloud-sdk-bookworm', components: ['main'] },
      { uri: 'http://mirror.local/debian', suite: 'bookworm', components: ['main', 'non-free'] },
    ]);
  });
});

describe('selecting the Debian sources', () => {
  const sources = [...parseAptSources(oneLine, 'list'), ...parseAptSources(deb822, 'sources')];

  test('keeps the release, -updates and -security, main only', () => {
    expect(selectDebianSources(sources, 'bookworm').map(formatSourceLine)).toEqual([
      'deb http://mirror.local/debian bookworm main',
      'deb http://deb.debian.org/debian bookworm main',
      'deb http://deb.debian.org/debian bookworm-updates main',
      'deb http://deb.debian.org/debian-security bookworm-security main',
    ]);
  });

  test('the mirror is the first source of the release itself; none is an error saying what to add', () => {
    expect(findDebianMirror(sources, 'bookworm')).toBe('http://mirror.local/debian');
    expect(() => findDebianMirror(sources, 'trixie')).toThrow(/no apt source serves Debian trixie main.*\n.*deb http:\/\/deb\.debian\.org\/debian trixie main/);
  });

  test('readAptSources reads sources.list and both kinds of files in sources.list.d', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apt-'));
    mkdirSync(path.join(dir, 'sources.list.d'));
    writeFileSync(path.join(dir, 'sources.list'), oneLine);
    writeFileSync(path.join(dir, 'sources.list.d', 'debian.sources'), deb822);
    writeFileSync(path.join(dir, 'sources.list.d', 'ignored.save'), oneLine);
    expect(readAptSources(dir)).toHaveLength(5);
  });
});
