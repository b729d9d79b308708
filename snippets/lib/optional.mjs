// @ts-check
// npm packages that only the doc-test runner needs (a pseudo-terminal, a terminal emulator),
// loaded when it needs them and never before: a learner's run imports none. A checkout has them
// after `npm ci`; a copy of the script elsewhere does not, and says so in one line.
import { GuideError } from './errors.mjs';

/**
 * @template T
 * @param {string} name  the package @param {string} purpose  what needs it, for the error
 * @returns {Promise<T>}
 */
export async function loadOptional(name, purpose) {
  try {
    return /** @type {T} */ (await import(name));
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new GuideError(
      `${purpose} needs the npm package ${name}, which is not installed here`,
      [`received: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`],
      'run the script in a terminal (it then hands the session to you), or from a checkout of the guide after `npm ci`',
      error,
    );
  }
}
