// @ts-check
// npm packages that only the doc-test runner needs (a pseudo-terminal, a terminal emulator),
// loaded when it needs them and never before: a learner's run imports none. A checkout has them
// after `npm ci`; a copy of the script elsewhere does not, and says so in one line. Both are
// CommonJS packages: `require` loads them as they are, where `import()` would first scan the whole
// file for its exports (about 0.1 s of CPU for the terminal emulator).
import { createRequire } from 'node:module';
import { GuideError } from './errors.mjs';

const require = createRequire(import.meta.url);
const NOT_FOUND = new Set(['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND']);

/**
 * @template T
 * @param {string} name  the package @param {string} purpose  what needs it, for the error
 * @returns {Promise<T>}
 */
export async function loadOptional(name, purpose) {
  try {
    return /** @type {T} */ (require(name));
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    if (!code || !NOT_FOUND.has(code) || !String(/** @type {Error} */ (error).message).includes(name)) throw error;
    throw new GuideError(
      `${purpose} needs the npm package ${name}, which is not installed here`,
      [`received: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`],
      'run the script in a terminal (it then hands the session to you), or from a checkout of the guide after `npm ci`',
      error,
    );
  }
}
