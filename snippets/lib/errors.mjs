// @ts-check
// Errors a person can act on: the first line names what failed, then what was expected and
// received, then what to do. The original error is kept as `cause`.

export class GuideError extends Error {
  /**
   * @param {string} what   first line: the command or file:line that failed, and how
   * @param {string[]} details  expected / received / cause lines
   * @param {string} todo   what to do about it
   * @param {unknown} [cause]
   */
  constructor(what, details, todo, cause) {
    super([what, ...details.map((d) => `  ${d}`), `  What to do: ${todo}`].join('\n'), { cause });
    this.name = 'GuideError';
    this.todo = todo;
  }
}

/** @param {unknown} error */
export function describeError(error) {
  if (error instanceof GuideError) return error.message;
  return error instanceof Error ? error.stack ?? error.message : String(error);
}
