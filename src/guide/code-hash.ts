// The hash of the code that shapes pages: a page made by other code is not reused, and templates precompiled by
// other code are not used.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The code that shapes pages (this folder, the flowcharts, the site's words): a page rendered by other code is not
 * reused, even under the same version number (a fix in how phone numbers become links must reach every page).
 */
let code: string | undefined;
export function codeHash(): string {
  // The code cannot change under a running process: serve asks once, not on every rebuild.
  if (code !== undefined) return code;
  const hash = createHash('sha256');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const extension = path.extname(fileURLToPath(import.meta.url));
  for (const folder of [here, path.join(here, '../flow'), path.join(here, '../i18n')]) {
    for (const name of existsSync(folder) ? readdirSync(folder).sort() : []) {
      if (name.endsWith(extension)) hash.update(name).update(readFileSync(path.join(folder, name)));
    }
  }
  code = hash.digest('hex').slice(0, 16);
  return code;
}
