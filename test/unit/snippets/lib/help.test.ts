import { describe, expect, it } from 'vitest';
import { describeCreated, invocation, renderHelp, renderNext, wantsHelp } from '../../../../snippets/lib/help.mjs';

const meta = { page: 'step3', file: 'content/step3.mdx', title: 'Connect an app', snippet: 'step3', summary: 'Run the app.', next: { snippet: 'step4', title: 'step 4, Redis CLI' } };
const plan = [
  { text: 'docker run -d --name redis-server redis', setup: true, options: { from: 'step1', ready: 'docker exec redis-server redis-cli ping' } },
  { text: 'docker run -d -p 3000:3000 --link redis-server:redis app', setup: false, options: { ready: 'http://localhost:3000' } },
  { text: 'docker run --link redis-server:redis \\\n  alpine env', setup: false, options: {} },
  { text: 'docker run --rm alpine true', setup: false, options: {} },
  { text: 'docker network create guide-net', setup: false, options: {} },
  { text: 'curl localhost:3000', setup: false, options: {} },
];

describe('invocation: other scripts named the way the person ran this one', () => {
  it('keeps the folder as typed, or none for the single file', () => {
    expect(invocation('step3', ['node', 'snippets/step3.mjs']).script('step4')).toBe('snippets/step4.mjs');
    expect(invocation('step3', ['node', 'zx', 'step3.mjs']).script('cleanup')).toBe('cleanup.mjs');
  });
  it('makes node\'s absolute path relative to the working folder, when inside it', () => {
    expect(invocation('step3', ['node', '/home/me/guide/snippets/step3.mjs'], '/home/me/guide').script('step4')).toBe('snippets/step4.mjs');
    expect(invocation('step3', ['node', '/opt/step3.mjs'], '/home/me').script('step4')).toBe('/opt/step4.mjs');
  });
  it('reads --help and -h', () => {
    expect(wantsHelp(['--help'])).toBe(true);
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp([])).toBe(false);
  });
});

describe('describeCreated: what a step leaves on the engine, as a person lists it', () => {
  it('names containers, what stays running, stopped ones, networks; not --rm containers or curl', () => {
    expect(describeCreated(plan)).toEqual([
      'container redis-server, left running (from step 1, unless it already runs)',
      'a container of app, left running (port 3000)',
      'a stopped container of alpine, after `docker run --link redis-server:redis alpine env` ends',
      'network guide-net',
    ]);
  });
});

describe('renderHelp', () => {
  it('says what runs (set-up first), what it creates and how to remove it', () => {
    const help = renderHelp(meta, plan, invocation('step3', ['node', 'snippets/step3.mjs']), true);
    expect(help.split('\n')[0]).toBe('Connect an app: Run the app.');
    expect(help).toContain('Usage: npx zx snippets/step3.mjs');
    expect(help.indexOf('docker run -d --name redis-server redis   (step 1)')).toBeLessThan(help.indexOf('Then the commands of content/step3.mdx'));
    expect(help).toContain('  $ docker run --link redis-server:redis alpine env\n');
    expect(help).toContain('Remove what the guide created: npx zx snippets/cleanup.mjs');
  });
  it('points a single file without cleanup.mjs beside it to the site', () => {
    const help = renderHelp(meta, plan, invocation('step3', ['node', 'step3.mjs']), false);
    expect(help).toContain("cleanup.mjs, from the guide's step pages (npx zx cleanup.mjs)");
  });
});

describe('renderNext', () => {
  it('names the URL to open and the next step\'s command', () => {
    expect(renderNext(meta, plan, invocation('step3', ['node', 'snippets/step3.mjs']))).toEqual([
      'Open http://localhost:3000 in a browser: it answers there until you clean up.',
      'Next: step 4, Redis CLI: npx zx snippets/step4.mjs',
    ]);
  });
  it('ends the last step with the clean-up, and the clean-up with nothing', () => {
    const last = { ...meta, next: undefined };
    expect(renderNext(last, [], invocation('step4', ['node', 'step4.mjs']))).toEqual(['When you are done: npx zx cleanup.mjs removes what the guide created.']);
    expect(renderNext({ ...last, snippet: 'cleanup' }, [], invocation('cleanup', ['node', 'cleanup.mjs']))).toEqual([]);
  });
});
