// What diff's and compare's markdown reports share: escaping, the level marks, and GitHub's limit on a comment.

/** Text as markdown shows it literally, on one line (a table cell or a list item). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}

export const LEVEL_MARK = { breaking: '🔴', notice: '🟡', info: '🔵' } as const;

/**
 * GitHub refuses a comment body over 65,536 characters (and, by later measurements, over 262,144 UTF-8 bytes): `gh pr
 * comment --body-file` fails and the pull request gets no report at all.
 */
export const MARKDOWN_MAX_CHARACTERS = 65_536;
const MARKDOWN_MAX_BYTES = 262_144;

function fits(text: string): boolean {
  return text.length <= MARKDOWN_MAX_CHARACTERS && Buffer.byteLength(text, 'utf8') <= MARKDOWN_MAX_BYTES;
}

/**
 * `render(count)` with the largest `count` up to `longest` whose report fits in a comment (0 if none does), found by
 * bisection: `render` lists the first `count` items of what may be cut (most severe first) and says what it left out.
 */
export function largestThatFits(longest: number, render: (count: number) => string): string {
  const full = render(longest);
  if (fits(full)) return full;
  let low = 0;
  let high = longest - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(render(middle))) low = middle;
    else high = middle - 1;
  }
  return render(low);
}
