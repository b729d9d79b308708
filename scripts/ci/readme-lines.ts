// The README opens with one shell block of exactly two command lines:
// the first serves the guide, the second runs every test. CI and the workflow call the second.

export interface ReadmeLines {
  serve: string;
  test: string;
}

/** Reads the first fenced shell block of a README; throws naming what is wrong. */
export function readReadmeLines(readme: string, file = 'README.md'): ReadmeLines {
  const lines = readme.split('\n');
  const open = lines.findIndex((line) => /^```(sh|bash|shell)\s*$/.test(line));
  if (open === -1) throw new Error(`${file}: no shell block; the README must open with one (serve line, test line)`);
  const close = lines.findIndex((line, index) => index > open && line.startsWith('```'));
  if (close === -1) throw new Error(`${file}:${open + 1}: the shell block is not closed`);
  const commands = lines.slice(open + 1, close).filter((line) => line.trim() !== '');
  if (commands.length !== 2) {
    throw new Error(
      `${file}:${open + 1}: the first shell block has ${commands.length} command lines; it must have exactly two (serve, test)`,
    );
  }
  const [serve, test] = commands as [string, string];
  return { serve, test };
}
