import { describe, expect, it } from 'vitest';
import { SourceMap } from '../../src/catalogue/source-map.js';

const TEXT = [
  'powers:', //                      1
  '  - code: A1', //                 2
  '    name: 食品经营许可', //         3
  '    time_limit: {statutory: 20, promised: 25, unit: days}', // 4
  '    materials:', //               5
  '      - name: 申请书', //          6
  '        required: true', //       7
  '',
].join('\n');

describe('SourceMap.locate', () => {
  const map = new SourceMap(TEXT);

  it('finds a scalar by path, counting a Chinese character as one column', () => {
    expect(map.locate(['powers', 0, 'name'])).toEqual({ line: 3, column: 11, endLine: 3, endColumn: 17 });
  });

  it('finds a value inside a flow mapping', () => {
    expect(map.locate(['powers', 0, 'time_limit', 'promised'])).toEqual({ line: 4, column: 43, endLine: 4, endColumn: 45 });
  });

  it('points at the key when asked', () => {
    expect(map.locate(['powers', 0, 'materials'], true)).toEqual({ line: 5, column: 5, endLine: 5, endColumn: 14 });
  });

  it('underlines only the first line of a collection', () => {
    expect(map.locate(['powers', 0])).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 13 });
  });

  it('falls back to the deepest existing node for a missing path (a missing field)', () => {
    expect(map.locate(['powers', 0, 'materials', 0, 'source'])).toEqual({ line: 6, column: 9, endLine: 6, endColumn: 18 });
  });

  it('finds a value a merge key brings in, where it is written (the anchored mapping), inline or through an alias', () => {
    const text = [
      'powers:', //                                   1
      '  - <<: &base', //                             2
      '      basis: [{law: nolaw}]', //               3
      '      time_limit: {promised: 50}', //          4
      '    code: B', //                               5
      '  - code: C', //                               6
      '    <<: [{level: county}, *base]', //          7
      '    "<<": {name: x}', //                       8
      '  - code: D', //                               9
      '    basis: [{law: own}]', //                   10
      '    <<: *base', //                             11
      '',
    ].join('\n');
    const merged = new SourceMap(text);
    expect(merged.locate(['powers', 0, 'basis', 0, 'law'])).toEqual({ line: 3, column: 21, endLine: 3, endColumn: 26 });
    expect(merged.locate(['powers', 1, 'time_limit', 'promised'])).toEqual({ line: 4, column: 30, endLine: 4, endColumn: 32 });
    expect(merged.locate(['powers', 1, 'level'])).toEqual({ line: 7, column: 18, endLine: 7, endColumn: 24 });
    // The mapping's own key wins over a merged one, and a quoted "<<" merges nothing.
    expect(merged.locate(['powers', 2, 'basis', 0, 'law'])).toEqual({ line: 10, column: 19, endLine: 10, endColumn: 22 });
    expect(merged.locate(['powers', 1, 'name'])).toEqual({ line: 6, column: 5, endLine: 6, endColumn: 12 });
  });

  it('gives 1:1 for the empty path and for an empty document', () => {
    expect(map.locate([])).toMatchObject({ line: 1, column: 1 });
    expect(new SourceMap('').locate(['powers', 0])).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });

  it('counts lines the same with CRLF line endings', () => {
    const crlf = new SourceMap(TEXT.replace(/\n/g, '\r\n'));
    expect(crlf.locate(['powers', 0, 'name'])).toMatchObject({ line: 3, column: 11 });
  });

  it('points at the later of two equal keys, whose value is the one the data holds', () => {
    const twice = new SourceMap(['powers:', '  - code: A1', '    name: 旧', '    name: 新', 'powers:', '  - code: B2', ''].join('\n'));
    expect(twice.locate(['powers', 0, 'code'])).toMatchObject({ line: 6, column: 11 });
    const inEntry = new SourceMap(['powers:', '  - code: A1', '    name: 旧', '    name: 新', ''].join('\n'));
    expect(inEntry.locate(['powers', 0, 'name'])).toMatchObject({ line: 4, column: 11 });
    expect(inEntry.locate(['powers', 0, 'name'], true)).toMatchObject({ line: 4, column: 5 });
  });

  it('maps offsets to positions on line boundaries', () => {
    expect(map.position(0)).toEqual({ line: 1, column: 1 });
    expect(map.position(8)).toEqual({ line: 2, column: 1 });
  });
});
