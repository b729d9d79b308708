// The pages on Docker 29, against the real 29.7.2 captures (test/fixtures/engine-29.7/): a page
// edit that is wrong only on Docker 29 fails naming the page's file:line and the engine; the
// daemon switch that brings the link variables back gives the earlier engines' output after the
// warning; and an engine newer than every range a block has is reported, never passed.
import { describe, expect, it } from 'vitest';
import { compareCase, type CompareContext } from '../../../scripts/doctest/compare.ts';
import { parsePage } from '../../../scripts/page/parse.ts';
import { commandEnd, commandOf, readCapture, readPage } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const docker29 = readCapture('engine-29.7/server-version.txt').trim();
const ctx = (engine = docker29): CompareContext => ({ engine, contentDir: 'content', bindings: new Map() });
const ENV = 'docker run --link redis-server:redis alpine env';
const WARNING = 'WARNING: Links on the default bridge network are deprecated and will be removed in a future release. Use a custom network instead.';

/** content/step2.mdx with `edit` applied to its text, parsed as if it were the page. */
function editedStep2(edit: (text: string) => string) {
  const text = readFileSync(path.join(root, 'content/step2.mdx'), 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  return parsePage('content/step2.mdx', edited).page;
}

describe('step 2 on Docker 29.7.2, as captured', () => {
  it('no link variables: the 29.6+ block passes, and it is the one Docker 29.7 takes', () => {
    const env = commandOf(readPage('step2'), ENV);
    const { result } = compareCase(env, commandEnd(env, readCapture('engine-29.7/env.txt')), ctx());
    expect(result.status).toBe('ok');
    expect(env.outputs[0]?.docker).toBe('>=29.6 <30');
    expect(env.outputs[0]?.body.split('\n')[0]).toBe(WARNING);
  });

  it('a REDIS_PORT line shown for Docker 29 fails with the page file:line and the engine named', () => {
    const page = editedStep2((text) => text.replace(`${WARNING}\nPATH=`, `${WARNING}\nREDIS_PORT=tcp://[IPV4:redis]:6379\nPATH=`));
    const env = commandOf(page, ENV);
    const { result } = compareCase(env, commandEnd(env, readCapture('engine-29.7/env.txt')), ctx());
    expect(result.status).toBe('failed');
    expect(result.failure?.message).toBe(`content/step2.mdx:${env.outputs[0]!.at.line}: the output of \`${ENV}\` (content/step2.mdx:${env.at.line}) differs from the page`);
    expect(result.failure?.diff).toContain('+++ actual\tDocker 29.7.2');
    expect(result.failure?.diff).toContain('-REDIS_PORT=tcp://[IPV4:redis]:6379');
    // the same edit is right for no other engine's block: 28.5 still passes
    expect(compareCase(env, commandEnd(env, readCapture('engine-28.5/env.txt')), ctx(readCapture('engine-28.5/server-version.txt').trim())).result.status).toBe('ok');
  });

  it('a page without the warning line for 29.6+ fails on Docker 29 only', () => {
    const page = editedStep2((text) => text.replace(`\`\`\`output docker=">=29.6 <30" unordered\n${WARNING}\n`, '```output docker=">=29.6 <30" unordered\n'));
    const env = commandOf(page, ENV);
    const { result } = compareCase(env, commandEnd(env, readCapture('engine-29.7/env.txt')), ctx());
    expect(result.failure?.diff).toContain(`+${WARNING}`);
  });

  it('with DOCKER_KEEP_DEPRECATED_LEGACY_LINKS_ENV_VARS=1 on the daemon, 29.7 prints the warning, then what earlier engines print', () => {
    const env = commandOf(readPage('step2'), ENV);
    const kept = readCapture('engine-29.7/env-keep-legacy-vars.txt');
    expect(kept.split('\n')[0]).toBe(WARNING);
    const earlier = env.outputs.find((o) => o.docker === '<29')!;
    const asEarlier = { ...env, outputs: [earlier] };
    expect(compareCase(asEarlier, commandEnd(asEarlier, kept.split('\n').slice(1).join('\n')), ctx('28.5.2')).result.status).toBe('ok');
    expect(compareCase(env, commandEnd(env, kept), ctx()).result.status).toBe('failed'); // not what 29 prints by default
  });
});

describe('ahead of the next break: an engine newer than every range', () => {
  it('Docker 30 gets a report naming each range the page has, not a pass', () => {
    const env = commandOf(readPage('step2'), ENV);
    const { result } = compareCase(env, commandEnd(env, readCapture('engine-29.7/env.txt')), ctx('30.0.1'));
    expect(result.status).toBe('failed');
    const ranges = env.outputs.map((o) => `docker="${o.docker}" (content/step2.mdx:${o.at.line})`).join(', ');
    expect(result.failure?.message).toBe(`content/step2.mdx:${env.at.line}: no output block of \`${ENV}\` covers Docker 30.0.1; the page has ${ranges}`);
    expect(result.failure?.hint).toContain('add a ```output docker="..." block for Docker 30.0.1');
  });

  it('the same for the step 4 session', () => {
    const session = commandOf(readPage('step4'), 'docker run -it --link redis-server:redis redis redis-cli -h redis');
    const { result } = compareCase(session, commandEnd(session, readCapture('engine-29.7/session.txt')), ctx('30.0.1'));
    expect(result.failure?.message).toMatch(/^content\/step4\.mdx:15: no session block of .* covers Docker 30\.0\.1; the page has docker=">=29\.6 <30" \(content\/step4\.mdx:25\), docker="<29\.6" \(content\/step4\.mdx:38\)$/);
  });
});
