// @ts-check
// Preloaded into every snippet process the runner starts (`node --import`): loads the snippet
// runtime (and the pseudo-terminal package; for a step with a session, the terminal emulator too)
// while the steps before it still run, then holds the snippet until the runner's handover arrives
// on the IPC channel (snippets/lib/handover.mjs), known only then. If the runner disconnects
// first, the snippet never runs. Plain JS: no type stripping to load.
import { readFileSync } from 'node:fs';

const lib = new URL('../../snippets/lib/', import.meta.url);
await import(new URL('step.mjs', lib).href);
await (await import(new URL('pty.mjs', lib).href)).loadPty(); // the runner's snippets run their commands in a pseudo-terminal
const snippet = process.argv[1] ?? '';
if (readFileSync(snippet, 'utf8').includes('step.session(')) await (await import(new URL('session.mjs', lib).href)).loadScripted();
const handover = await (await import(new URL('handover.mjs', lib).href)).receiveHandover();
if (!handover) process.exit(0);
