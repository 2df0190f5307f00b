// What the diff works with: matched pairs of items and the changes each change class finds in them.
import type { Catalogue, Entry } from '../catalogue/model.js';
import type { DepartmentResponsibility, Power, PowerResponsibility, Flow } from '../schema/definitions.js';
import type { MessageData, Place, Span } from '../findings.js';

export type ChangeLevel = 'breaking' | 'notice' | 'info';
export const LEVEL_RANK: Record<ChangeLevel, number> = { info: 0, notice: 1, breaking: 2 };

/** One item on both sides; `base` or `head` is missing for an added or removed item. */
export interface PowerPair {
  base?: Entry<Power>;
  head?: Entry<Power>;
  /** Set when the item was matched across a code change (same name and basis; same department unless it moved). */
  recoded?: boolean;
}

export interface Side {
  catalogue: Catalogue;
  /** Per-power responsibility entries by power code. */
  responsibilities: Map<string, Entry<PowerResponsibility>>;
  /** Department-level duty list entries (部门职责) by department and duty, which belong to no item. */
  duties: Map<string, Entry<DepartmentResponsibility>>;
  flows: Map<string, Entry<Flow>>;
}

export interface DiffContext {
  base: Side;
  head: Side;
  /** The base revision has no catalogue (the one that adds it is being compared): there was no list to add items to. */
  firstVersion?: boolean;
  /** Base department ids the head spells differently for the same body (same credit code): no move, only a new slug. */
  departmentRenames: ReadonlyMap<string, string>;
}

/** What a change class reports: no positions, no text, no final level — resolved in one place, as for findings. */
export interface RawChange {
  classId: string;
  messageId: string;
  data?: MessageData;
  /** The item: its code (head side when it has one), department and name, for grouping and fingerprints. */
  code: string;
  department: string;
  name: string;
  base?: Place;
  head?: Place;
  /** Distinguishes several changes of one class on one item (a material's name), for the fingerprint. */
  detail?: string;
  /** A level other than the class default for this one change (power/added without justification). */
  level?: ChangeLevel;
}

export interface ChangeClass<Id extends string = string> {
  id: Id;
  level: ChangeLevel;
  messages: readonly string[];
  check(pair: PowerPair, context: DiffContext): Iterable<RawChange>;
  /** Changes that belong to no item (a department's duty list), looked for once per diff. */
  checkCatalogue?(context: DiffContext): Iterable<RawChange>;
}

export function defineChangeClass<const Id extends string>(changeClass: ChangeClass<Id>): ChangeClass<Id> {
  return changeClass;
}

export interface Change {
  classId: string;
  level: ChangeLevel;
  message: string;
  messages: Record<'zh-CN' | 'en', string>;
  code: string;
  department: string;
  departmentName: string;
  name: string;
  base?: Span & { file: string; path: Place['path'] };
  head?: Span & { file: string; path: Place['path'] };
  fingerprint: string;
  waiver?: { reason: string; expires: string; approvedBy?: string };
}
