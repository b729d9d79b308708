// @ts-check
// Node's HTTP clients, loaded by `require`: the ES module view of node:http reads every export,
// fetch's whole implementation (undici) with them, about 60 ms of CPU and 10 MiB in each process
// that asks, and undici needs WebAssembly, which the runner's lite mode lacks
// (scripts/doctest/node-flags.mjs). The engine's API, readiness probes and the Debian archive
// download ask through these.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** node:http, or node:https for an https: URL. @param {string} [url] @returns {typeof import('node:http')} */
export function httpClient(url = 'http:') {
  return require(url.startsWith('https:') ? 'node:https' : 'node:http');
}
