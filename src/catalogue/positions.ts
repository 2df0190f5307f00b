// Places in one catalogue's files resolved to line and column, a source map per file built on first use.
import { SourceMap } from './source-map.js';
import type { Catalogue } from './model.js';
import type { Place, Span } from '../findings.js';

export type ResolvedPlace = Span & { file: string; path: Place['path'] };

export class Positions {
  private readonly maps = new Map<string, SourceMap>();

  constructor(private readonly catalogue: Catalogue) {}

  resolve(place: Place | undefined): ResolvedPlace | undefined {
    if (!place) return undefined;
    let map = this.maps.get(place.file);
    if (!map) {
      map = new SourceMap(this.catalogue.files.get(place.file)?.text ?? '');
      this.maps.set(place.file, map);
    }
    return { file: place.file, path: place.path, ...map.locate(place.path, place.key) };
  }
}
