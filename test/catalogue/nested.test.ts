import { describe, expect, it } from 'vitest';
import { MemorySource, withoutNestedCatalogues } from '../../src/catalogue/source.js';

describe('nested catalogues', () => {
  it('leaves out the root qingdan.yaml and every file of a folder with its own qingdan.yaml (git revisions too)', () => {
    const paths = ['qingdan.yaml', 'laws.yaml', 'town/qingdan.yaml', 'town/powers/a.yaml', 'towns.yaml', 'powers/b.yml'];
    expect(withoutNestedCatalogues(paths)).toEqual(['laws.yaml', 'towns.yaml', 'powers/b.yml']);
    const source = new MemorySource(Object.fromEntries(paths.map((name) => [name, ''])));
    expect(source.listFiles()).toEqual(['laws.yaml', 'powers/b.yml', 'towns.yaml']);
  });
});
