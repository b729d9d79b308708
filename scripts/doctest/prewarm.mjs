// @ts-check
// Preloaded into every snippet process (`node --import`): loads the snippet runtime (zx, the
// pseudo-terminal, and for a step with a session the terminal emulator) while the steps before
// it still run, then holds the snippet until the runner writes a line on its stdin. If the
// runner goes away first (stdin closes with nothing written), the snippet never runs.
// Plain JS: no type stripping to load.
const lib = new URL('../../snippets/lib/', import.meta.url);
await import(new URL('step.mjs', lib).href);
if (process.env.DOCTEST_PREWARM === 'session') await import(new URL('session.mjs', lib).href);
const go = await new Promise((resolve) => {
  process.stdin.once('data', () => resolve(true));
  process.stdin.once('end', () => resolve(false));
});
process.stdin.destroy();
if (!go) process.exit(0);
