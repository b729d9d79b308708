// The Debian mirrors this machine's apt uses, read from /etc/apt/sources.list and
// sources.list.d (one-line and deb822 formats). Stand-ins and extra engines come from the
// same mirrors apt uses, so a machine with a local mirror needs nothing else.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface AptSource {
  uri: string;
  suite: string;
  components: string[];
}

/** Parses one file's text; `format` is 'list' (one-line) or 'sources' (deb822). */
export function parseAptSources(text: string, format: 'list' | 'sources'): AptSource[] {
  return format === 'list' ? parseOneLine(text) : parseDeb822(text);
}

function parseOneLine(text: string): AptSource[] {
  const sources: AptSource[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const words = line.replace(/\[[^\]]*\]/, ' ').trim().split(/\s+/);
    if (words[0] !== 'deb' || words.length < 3) continue;
    const [, uri, suite, ...components] = words as [string, string, string, ...string[]];
    sources.push({ uri: uri.replace(/\/$/, ''), suite, components });
  }
  return sources;
}

function parseDeb822(text: string): AptSource[] {
  const sources: AptSource[] = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of stanza.split('\n')) {
      const match = /^([\w-]+):\s*(.*)$/.exec(line.trim());
      if (match && !line.trim().startsWith('#')) fields.set(match[1]!.toLowerCase(), match[2]!);
    }
    if (!(fields.get('types') ?? '').split(/\s+/).includes('deb')) continue;
    if ((fields.get('enabled') ?? 'yes') === 'no') continue;
    const components = (fields.get('components') ?? '').split(/\s+/).filter(Boolean);
    for (const uri of (fields.get('uris') ?? '').split(/\s+/).filter(Boolean)) {
      for (const suite of (fields.get('suites') ?? '').split(/\s+/).filter(Boolean)) {
        sources.push({ uri: uri.replace(/\/$/, ''), suite, components });
      }
    }
  }
  return sources;
}

/** Every source in the machine's apt configuration. */
export function readAptSources(dir = '/etc/apt'): AptSource[] {
  const files: Array<[string, 'list' | 'sources']> = [[path.join(dir, 'sources.list'), 'list']];
  const parts = path.join(dir, 'sources.list.d');
  if (existsSync(parts)) {
    for (const name of readdirSync(parts).sort()) {
      if (name.endsWith('.list')) files.push([path.join(parts, name), 'list']);
      if (name.endsWith('.sources')) files.push([path.join(parts, name), 'sources']);
    }
  }
  return files.filter(([file]) => existsSync(file)).flatMap(([file, format]) => parseAptSources(readFileSync(file, 'utf8'), format));
}

/** The sources serving Debian's `release` (its main suite, -updates and -security), main only. */
export function selectDebianSources(sources: readonly AptSource[], release: string): AptSource[] {
  const wanted = new Set([release, `${release}-updates`, `${release}-security`]);
  return sources
    .filter((s) => wanted.has(s.suite) && s.components.includes('main'))
    .map((s) => ({ ...s, components: ['main'] }));
}

/** The URI serving Debian `release` main itself, if apt has one. */
export function debianMirrorOf(sources: readonly AptSource[], release: string): string | undefined {
  return sources.find((s) => s.suite === release && s.components.includes('main'))?.uri;
}

/** The mirror of Debian's main archive (the URI serving `release` itself). */
export function findDebianMirror(sources: readonly AptSource[], release: string): string {
  const main = debianMirrorOf(sources, release);
  if (!main) {
    throw new Error(
      `no apt source serves Debian ${release} main (read /etc/apt/sources.list and sources.list.d).\n` +
        `Add one, e.g. \`deb http://deb.debian.org/debian ${release} main\`, then rerun.`,
    );
  }
  return main;
}

export function formatSourceLine(source: AptSource): string {
  return `deb ${source.uri} ${source.suite} ${source.components.join(' ')}`;
}
