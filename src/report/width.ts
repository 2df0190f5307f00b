// Terminal cells a text takes: a Chinese character two, most others one (Unicode East Asian Width).
import { eastAsianWidth } from 'get-east-asian-width';

export function textWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    // Combining marks and zero-width characters take no cell of their own.
    if (codePoint < 0x20 || (codePoint >= 0x300 && codePoint <= 0x36f) || codePoint === 0x200b || codePoint === 0xfeff) continue;
    width += eastAsianWidth(codePoint, { ambiguousAsWide: false });
  }
  return width;
}
