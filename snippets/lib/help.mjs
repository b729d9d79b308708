// @ts-check
// What a person reads around a step's commands (pure): `--help` (what the script does, what it
// creates, how to remove it) and, after a run, what to do next. Scripts are named as the person
// ran them (`snippets/step3.mjs` from a checkout, `step3.mjs` for the site's single file).
import path from 'node:path';
import { describeCommand } from './docker-command.mjs';

/**
 * @typedef {{ page: string, file: string, title: string, snippet: string, summary?: string,
 *   next?: { snippet: string, title: string } }} StepMeta
 * @typedef {{ text: string, setup: boolean, options: { ready?: string, from?: string, provoke?: boolean } }} PlannedText
 */

/**
 * How the person ran this script, so other scripts are named the same way: the argument that
 * ends with `<snippet>.mjs`, relative to the working folder when it is inside it.
 * @param {string} snippet @param {string[]} [argv] @param {string} [cwd]
 * @returns {{ dir: string, script: (name: string) => string }}
 */
export function invocation(snippet, argv = process.argv, cwd = process.cwd()) {
  const typed = argv.slice(1).find((a) => path.basename(a) === `${snippet}.mjs`) ?? `${snippet}.mjs`;
  const relative = path.isAbsolute(typed) ? path.relative(cwd, typed) : typed; // node gives the absolute path
  const dir = path.dirname(relative.startsWith('..') ? typed : relative);
  return { dir, script: (name) => (dir === '.' ? `${name}.mjs` : `${dir}/${name}.mjs`) };
}

/** @param {string[]} args */
export function wantsHelp(args) {
  return args.includes('--help') || args.includes('-h');
}

/**
 * What the commands create, as a person would list it. @param {PlannedText[]} plan
 * @returns {string[]}
 */
export function describeCreated(plan) {
  const lines = [];
  for (const { text, setup, options } of plan) {
    if (options.provoke) continue; // fails on purpose: what it may leave is the guide's clean-up's
    const docker = describeCommand(text);
    const from = setup ? ` (from ${stepName(options.from)}, unless it already runs)` : '';
    if (docker.kind === 'run' && docker.name) lines.push(`container ${docker.name}${docker.detached ? ', left running' : ''}${from}`);
    else if (docker.kind === 'run' && docker.detached) lines.push(`a container of ${docker.image}, left running${docker.ports.length ? ` (port ${docker.ports.join(', ')})` : ''}${from}`);
    else if (docker.kind === 'run' && !/\s--rm\b/.test(text)) lines.push(`a stopped container of ${docker.image}, after \`${oneLine(text)}\` ends${from}`);
    else if (docker.kind === 'network-create') lines.push(`network ${docker.name}`);
    else if (docker.kind === 'volume-create') lines.push(`volume ${docker.name ?? '(a name Docker makes up)'}`);
    else if (docker.kind === 'build') lines.push(`image ${docker.tags.join(', ')}`);
  }
  return [...new Set(lines)];
}

/**
 * `--help`. @param {StepMeta} meta @param {PlannedText[]} plan @param {{ script: (name: string) => string }} how
 * @param {boolean} hasCleanup  cleanup.mjs is beside this script
 */
export function renderHelp(meta, plan, how, hasCleanup) {
  const self = how.script(meta.snippet);
  const created = describeCreated(plan);
  const own = plan.filter((p) => !p.setup);
  const setups = plan.filter((p) => p.setup);
  const cleanup = hasCleanup ? `npx zx ${how.script('cleanup')}` : 'cleanup.mjs, from the guide\'s step pages (npx zx cleanup.mjs)';
  return [
    `${meta.title}${meta.summary ? `: ${meta.summary}` : ''}`,
    '',
    `Usage: npx zx ${self}   (or node ${self}); Node.js 20 or later and Docker, nothing else.`,
    '',
    ...(setups.length ? ['First, what it needs from earlier steps, unless it already runs:', ...setups.map((p) => `  $ ${oneLine(p.text)}   (${stepName(p.options.from)})`), ''] : []),
    `${setups.length ? 'Then the' : 'The'} commands of ${meta.file}, in order, each printed before its output:`,
    ...own.map((p) => `  $ ${oneLine(p.text)}`),
    '',
    ...(created.length ? ['What it creates on your Docker engine:', ...created.map((c) => `  - ${c}`), ''] : []),
    `Running it twice is safe: what already runs is reused. It refuses to touch a container, network,`,
    `volume or image of the same name that it did not create.`,
    '',
    `Remove what the guide created: ${cleanup}`,
    `(it removes only what the guide's scripts created and recorded, nothing else).`,
    '',
    'Docker: the engine the docker CLI uses (DOCKER_HOST, or the current `docker context`).',
  ].join('\n');
}

/**
 * After a successful run: what to open, and the next step's command.
 * @param {StepMeta} meta @param {PlannedText[]} plan @param {{ script: (name: string) => string }} how
 * @returns {string[]}
 */
export function renderNext(meta, plan, how) {
  const urls = [...new Set(plan.flatMap((p) => (p.options.ready && /^https?:\/\//.test(p.options.ready) ? [p.options.ready] : [])))];
  return [
    ...urls.map((url) => `Open ${url} in a browser: it answers there until you clean up.`),
    meta.next ? `Next: ${meta.next.title}: npx zx ${how.script(meta.next.snippet)}` : meta.snippet === 'cleanup' ? '' : `When you are done: npx zx ${how.script('cleanup')} removes what the guide created.`,
  ].filter(Boolean);
}

/** "step1" -> "step 1". @param {string | undefined} from */
function stepName(from) {
  return (from ?? 'an earlier step').replace(/^step(\d+)$/, 'step $1');
}

/** @param {string} text */
function oneLine(text) {
  return text.replace(/\\\n\s*/g, '').replace(/\s+/g, ' ').trim();
}
