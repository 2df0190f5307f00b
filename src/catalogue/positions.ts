// Places in a set of files resolved to line and column, a source map per file built on first use: validate's
// findings, diff's changes and compare's divergences all go through here.
import { SourceMap } from './source-map.js';
import type { Catalogue } from './model.js';
import type { Place, Span } from '../findings.js';

export type ResolvedPlace = Span & { file: string; path: Place['path'] };

const NOWHERE: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export class Positions {
  private readonly maps = new Map<string, SourceMap>();
  private readonly texts: (file: string) => string | undefined;

  /** A catalogue (its files' texts), or a function giving the text of a file. */
  constructor(source: Catalogue | ((file: string) => string | undefined)) {
    this.texts = typeof source === 'function' ? source : (file) => source.files.get(file)?.text;
  }

  /** A place as messages name it: `file:line:col`. */
  at(place: Place): string {
    const { line, column } = this.span(place);
    return `${place.file}:${line}:${column}`;
  }

  /** The span of a place: its offsets when it has them, else its path; 1:1 for a file with no text. */
  span(place: Place): Span {
    // A place that carries its own text (qingdan.yaml seen before the catalogue exists) gets a map of its own.
    if (place.text !== undefined) return locate(new SourceMap(place.text), place);
    let map = this.maps.get(place.file);
    if (!map) {
      const text = this.texts(place.file);
      if (text === undefined) return NOWHERE;
      map = new SourceMap(text);
      this.maps.set(place.file, map);
    }
    return locate(map, place);
  }

  resolve(place: Place | undefined): ResolvedPlace | undefined {
    return place ? { file: place.file, path: place.path, ...this.span(place) } : undefined;
  }
}

function locate(map: SourceMap, place: Place): Span {
  return place.range ? map.spanOfRange(place.range[0], place.range[1]) : map.locate(place.path, place.key);
}
