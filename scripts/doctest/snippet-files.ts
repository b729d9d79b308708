// Which snippet files run: the committed `snippets/` for the guide's own content (so the scripts
// people use are the ones proven), or snippets generated into a temporary folder for another
// content folder (`--content <dir>`), next to a link to the same runtime (snippets/lib).
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '../page/types.ts';
import { renderSnippets } from '../snippets/render.ts';

/** Returns the folder whose `<name>.mjs` files the run spawns. */
export async function prepareSnippets(root: string, pages: Page[], ownContent: boolean, tmpDir: string): Promise<string> {
  if (ownContent) return path.join(root, 'snippets');
  const dir = path.join(tmpDir, 'snippets');
  await mkdir(dir, { recursive: true });
  await symlink(path.join(root, 'snippets', 'lib'), path.join(dir, 'lib'));
  for (const file of renderSnippets(pages)) {
    const target = path.join(dir, path.basename(file.path));
    await writeFile(target, file.text);
    await chmod(target, 0o755);
  }
  return dir;
}
