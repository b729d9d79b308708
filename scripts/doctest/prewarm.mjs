// @ts-check
// Preloaded into every snippet process (`node --import`): loads the snippet runtime (zx, the
// pseudo-terminal, the terminal emulator) while the steps before it still run, then holds the
// snippet until the runner writes a line on its stdin. If the runner goes away first (stdin
// closes with nothing written), the snippet never runs. Plain JS: no type stripping to load.
await import(new URL('../../snippets/lib/step.mjs', import.meta.url).href);
const go = await new Promise((resolve) => {
  process.stdin.once('data', () => resolve(true));
  process.stdin.once('end', () => resolve(false));
});
process.stdin.destroy();
if (!go) process.exit(0);
