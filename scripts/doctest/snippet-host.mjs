// @ts-check
// A snippet process of the doc-test runner (spawn-snippet.ts): loads the snippet runtime and the
// pseudo-terminal package once and asks the engine one /_ping (engine-api.mjs: its first real
// question then costs a millisecond, not 40), while earlier steps still run, then runs each snippet the runner
// hands it (snippets/lib/handover.mjs), one after another, as `node snippets/step2.mjs` would: the
// runner hands a process the snippet that comes after the one it ran (step 3, then step 4, then
// the errors provoked on purpose), so a run starts a few processes, not one per snippet. After each
// it reports `snippet-done` with the exit status the snippet would have exited with. When the
// runner lets it go (disconnects) it exits; a snippet that fails to load ends with status 1.
// Plain JS: no type stripping to load.
import { pathToFileURL } from 'node:url';

const lib = new URL('../../snippets/lib/', import.meta.url);
const { receiveHandover, reportDone } = await import(new URL('handover.mjs', lib).href);
await import(new URL('step.mjs', lib).href);
await (await import(new URL('pty.mjs', lib).href)).loadPty(); // the runner's snippets run their commands in a pseudo-terminal
void (await import(new URL('engine-api.mjs', lib).href)).warmUpEngineApi(); // while the handover is on its way

let runs = 0;
for (let handover = await receiveHandover(); handover; handover = await receiveHandover()) {
  process.argv[1] = handover.file; // the snippet's own name, as when it is run alone
  runs += 1;
  try {
    await import(`${pathToFileURL(handover.file).href}?run=${runs}`); // a module of its own each time, run from its first line
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
  reportDone(Number(process.exitCode ?? 0));
  process.exitCode = undefined; // the next snippet starts with none
}
process.exit(0); // let go: whatever a snippet left open does not keep this process
