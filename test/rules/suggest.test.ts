import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/rules/suggest.js';

describe('suggest', () => {
  it('offers a one-edit near miss for short ids and article labels', () => {
    expect(suggest('spjyy', ['spjy', 'zjj'])).toBe('spjy');
    expect(suggest('第四十三条', ['第四十二条', '第三十五条'])).toBe('第四十二条');
  });

  it('offers a swap of two neighbouring characters', () => {
    expect(suggest('ref/lwa', ['ref/law', 'ref/flow'])).toBe('ref/law');
    expect(suggest('reveiw', ['review'])).toBe('review');
  });

  it('offers nothing for a different id of the same shape', () => {
    expect(suggest('第八十八条', ['第二十九条', '第三十条'])).toBeUndefined();
    expect(suggest('xzqzf', ['xzxkf'])).toBeUndefined();
    expect(suggest('spzx', ['spjy'])).toBeUndefined();
    expect(suggest('anything', [])).toBeUndefined();
  });

  it('prefers the candidate sharing the longest start among equally close ones', () => {
    expect(suggest('mzjj', ['zjj', 'mzj'])).toBe('mzj');
    expect(suggest('mzjj', ['mzj', 'zjj'])).toBe('mzj');
  });

  it('allows two edits in longer ids', () => {
    expect(suggest('responsibility/misng', ['responsibility/missing'])).toBe('responsibility/missing');
  });
});
