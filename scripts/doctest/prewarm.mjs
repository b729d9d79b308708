// @ts-check
// Preloaded into every snippet process (`node --import`): loads the snippet runtime (the
// pseudo-terminal package, and for a step with a session the terminal emulator) while the steps before
// it still run, then holds the snippet until the runner writes a line on its stdin: a JSON object
// of the environment variables the runner hands over at start (snippets/lib/handover.mjs), known
// only then. If the runner goes away first (stdin closes with no line), the snippet never runs.
// Plain JS: no type stripping to load.
const lib = new URL('../../snippets/lib/', import.meta.url);
await import(new URL('step.mjs', lib).href);
await (await import(new URL('pty.mjs', lib).href)).loadPty(); // the runner's snippets run their commands in a pseudo-terminal
if (process.env.DOCTEST_PREWARM === 'session') await (await import(new URL('session.mjs', lib).href)).loadScripted();
const line = await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (data) => {
    text += data.toString();
    if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
  });
  process.stdin.once('end', () => resolve(undefined));
});
process.stdin.destroy();
if (line === undefined) process.exit(0);
Object.assign(process.env, JSON.parse(line));
