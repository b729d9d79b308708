// Names a page by its path from the project root, as every error and report does.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `file:///work/main/content/step2.mdx` -> `content/step2.mdx`. */
export function toProjectPath(fileURL: URL | undefined, root: string = process.cwd()): string {
  if (!fileURL) return '<unknown page>';
  return relative(root, fileURLToPath(fileURL)).split('\\').join('/');
}
