// Temporary folders for tests, removed when the test file that made them ends, so that test runs leave nothing in /tmp.
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Vitest evaluates this module afresh for each test file, so the hook is registered once per file, on the file itself:
// it runs after the file's own afterAll hooks (servers and browsers closed, children stopped). Per file rather than per
// test because tests may share a folder made in a describe block or beforeAll. Dozens of copies of lists/ and built
// sites can take a while to delete on a busy machine.
afterAll(() => {
  for (const folder of made.splice(0)) remove(folder);
}, 120_000);

/** A fresh folder in the system's temporary directory, named `prefix` and six random characters; removed after the file's tests. */
export function temporaryFolder(prefix = 'qingdan-'): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}

function remove(folder: string): void {
  // Retries: a child process that a test stopped may still be letting go of its files.
  const options = { recursive: true, force: true, maxRetries: 5 };
  try {
    rmSync(folder, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    // Tests make folders unreadable (chmod 000) to see how qingdan copes: unless we are root, nothing inside them can
    // be removed until their owner may read and enter them again.
    allowOwner(folder);
    rmSync(folder, options);
  }
}

/** Gives the owner full access to `folder` and every folder under it (not following symbolic links out of it). */
function allowOwner(folder: string): void {
  chmodSync(folder, 0o700);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) allowOwner(path.join(folder, entry.name));
  }
}
