// @ts-check
// The Node.js flags the doc-test runner and its snippet processes start with (package.json's
// `doctest` script, spawn-snippet.ts, matrix.ts, bench.ts). Both wait on Docker far more than they
// compute, so memory goes before speed:
//   --lite-mode               no optimizing compiler, a small heap: 6 MiB less of Node's own code
//                             paged in, and the heap stays small;
//   --no-expose-wasm          what lite mode implies, said, so that Node does not warn that it is.
// Measured on the lesson: the runner's peak 56 MiB instead of 66, a snippet's 53-55 instead of
// 60-62, with the same CPU time (a smaller young generation besides saved nothing more). Lite
// mode has no WebAssembly, so nothing these processes load may need it: Node's fetch does
// (undici's parser), which is why they ask HTTP with node:http(s).
export const LEAN_NODE_FLAGS = Object.freeze(['--lite-mode', '--no-expose-wasm']);

/**
 * How to start the doc-test runner as `npm run doctest` does: Node with those flags and the
 * launcher of the built runner (bin.mjs).
 * @param {string} root  the checkout
 * @returns {[string, ...string[]]}
 */
export function runnerArgv(root) {
  return [process.execPath, ...LEAN_NODE_FLAGS, `${root}/scripts/doctest/bin.mjs`];
}
