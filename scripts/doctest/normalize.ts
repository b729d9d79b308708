// Normalize: what a command printed, made comparable with what a page shows. Line endings,
// trailing whitespace, terminal escape codes (non-session output) and trailing blank lines go;
// everything else stays for compare.ts and its redactions.

// CSI (colors, cursor moves, `ESC[6n`), OSC (titles, ended by BEL or ST), and two-byte escapes.
const ansi = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ansi, '');
}

/** Splits text into lines: CRLF/CR to LF, trailing whitespace cut, trailing blank lines dropped. */
export function splitLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''));
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** A command's output as lines; a session's output is already a rendered screen (no escapes). */
export function normalizeOutput(output: string, kind: 'output' | 'session'): string[] {
  return splitLines(kind === 'output' ? stripAnsi(output) : output);
}

/** An output or session block as written on the page, as lines. */
export function normalizeExpected(body: string): string[] {
  return splitLines(body);
}
