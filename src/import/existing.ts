// What an import would add that the catalogue imported into already holds — an item by its code, an item's
// responsibility entry by the item's code, a flow by its id, a department's duty list by department and duty — with
// the place it is at and the fields in which the sheet says something else. Such entries are not written again.
import path from 'node:path';
import { dutyKey } from '../diff/helpers.js';
import type { Catalogue, Entry } from '../catalogue/model.js';
import { Positions } from '../catalogue/positions.js';
import { toPosix } from '../catalogue/source.js';

export type HeldKind = 'power' | 'responsibility' | 'flow' | 'duty';

export interface Held {
  /** The entry as the catalogue has it. */
  value: unknown;
  /** Relative to the catalogue root, posix: to tell whether a file --force replaces holds it. */
  relativePath: string;
  /** `lists/powers/scjdglj.yaml:4`, the file named as --out names it. */
  place: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The key an entry is known by, per kind; undefined for an entry of another kind (a department's duty list is no item's). */
export function heldKey(kind: HeldKind, value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
  if (kind === 'power') return text('code');
  if (kind === 'flow') return text('id');
  if (kind === 'responsibility') return text('power');
  const department = text('department');
  const duty = text('duty');
  return 'power' in value || department === undefined || duty === undefined ? undefined : dutyKey({ department, duty });
}

/** A held entry before its line is known: positions parse a file's YAML again, which only a found entry needs. */
interface Known {
  entry: Entry<unknown>;
  relativePath: string;
}

export class HeldEntries {
  private readonly byKind = new Map<HeldKind, Map<string, Known>>();
  private readonly positions: Positions;

  /** `out` is the --out folder as typed, to name files as the rest of the report does. */
  constructor(
    catalogue: Catalogue,
    private readonly out: string,
  ) {
    this.positions = new Positions(catalogue);
    const prefix = catalogue.displayRoot === '.' ? '' : `${catalogue.displayRoot}/`;
    const add = (kind: HeldKind, entry: Entry<unknown>) => {
      const key = heldKey(kind, entry.value);
      if (key === undefined) return;
      const map = this.byKind.get(kind) ?? new Map<string, Known>();
      this.byKind.set(kind, map);
      if (map.has(key)) return;
      const relativePath = catalogue.files.get(entry.file)?.relativePath ?? (entry.file.startsWith(prefix) ? entry.file.slice(prefix.length) : entry.file);
      map.set(key, { entry, relativePath: toPosix(relativePath) });
    };
    // Entries the schema check left out count too: one more with the same code is a duplicate all the same.
    const all = [...catalogue.sections.powers, ...catalogue.sections.responsibilities, ...catalogue.sections.flows, ...catalogue.leftOut] as Entry<unknown>[];
    for (const entry of all) {
      const section = entry.path[0];
      if (section === 'powers') add('power', entry);
      else if (section === 'flows') add('flow', entry);
      else if (section === 'responsibilities') {
        add('responsibility', entry);
        add('duty', entry);
      }
    }
  }

  /** The entry of this kind and key, unless it is in a file the import replaces (--force). */
  find(kind: HeldKind, key: string | undefined, replaced: ReadonlySet<string>): Held | undefined {
    if (key === undefined) return undefined;
    const known = this.byKind.get(kind)?.get(key);
    if (!known || replaced.has(known.relativePath)) return undefined;
    const { entry, relativePath } = known;
    const { line } = this.positions.span({ file: entry.file, path: entry.path });
    return { value: entry.value, relativePath, place: `${toPosix(path.join(this.out, relativePath))}:${line}` };
  }
}

/**
 * Where the imported entry says something the held one does not, as `field: held → imported` for a value
 * (`time_limit.promised: 10 → 5`, `level: — → county`) and the field alone for a list or a mapping (`basis`). What the
 * sheet leaves out is not a difference (the catalogue may know more than a spreadsheet holds: a citation's quoted
 * text, a flow), nor are `x-` fields, which hold what import could not read and editors delete once done. A list
 * differs as a whole.
 */
export function differences(imported: unknown, held: unknown, at = ''): string[] {
  if (imported === undefined) return [];
  if (Array.isArray(imported)) {
    const same = Array.isArray(held) && held.length === imported.length && imported.every((item, index) => differences(item, held[index]).length === 0);
    return same ? [] : [at];
  }
  if (isRecord(imported)) {
    if (!isRecord(held)) return [at];
    return Object.keys(imported)
      .filter((key) => !key.startsWith('x-'))
      .flatMap((key) => differences(imported[key], held[key], at ? `${at}.${key}` : key));
  }
  if (imported === held) return [];
  const shown = (value: unknown) => (value === undefined ? '—' : typeof value === 'object' && value !== null ? '…' : String(value));
  return [`${at}: ${shown(held)} → ${shown(imported)}`];
}
