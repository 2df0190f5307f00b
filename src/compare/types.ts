// What qingdan compare works with: one item as the reference (or the peers' norm) has it and as one office has it,
// and the divergences each divergence class finds between the two.
import type { Catalogue, Entry } from '../catalogue/model.js';
import type { Power } from '../schema/definitions.js';
import type { MessageData, Place, Span } from '../findings.js';
import type { ChangeLevel } from '../diff/types.js';

export type { ChangeLevel };

/**
 * One item, compared for one office: `reference` is the reference's item (or, without a reference, the norm among
 * peers); `local` is the office's. One of them is missing for standard/missing and standard/extra.
 */
export interface ItemPair {
  basicCode: string;
  reference?: Entry<Power>;
  local?: Entry<Power>;
  /** The reference's entry is cancelled: a local item still in force is then "extra", with its own message. */
  referenceCancelled?: Entry<Power>;
}

export interface CompareContext {
  reference: Catalogue;
  local: Catalogue;
  /** No reference: the other side is the norm among peers, and presence is decided by majority. */
  peers: boolean;
}

/** What a class reports: no positions, no text, no final level — those are resolved in one place. */
export interface RawDivergence {
  classId: string;
  messageId: string;
  data?: MessageData;
  reference?: Place;
  local?: Place;
  /** Tells several divergences of one class on one item apart (a material's name). */
  detail?: string;
  /** A level other than the class default for this one divergence (a shorter time limit is info). */
  level?: ChangeLevel;
  /** The office does better than the reference (shorter, fewer visits, no fee): counts as implemented in the score. */
  better?: boolean;
}

export interface DivergenceClass<Id extends string = string> {
  id: Id;
  level: ChangeLevel;
  messages: readonly string[];
  check(pair: ItemPair, context: CompareContext): Iterable<RawDivergence>;
}

export function defineDivergenceClass<const Id extends string>(divergenceClass: DivergenceClass<Id>): DivergenceClass<Id> {
  return divergenceClass;
}

export type Position = Span & { file: string; path: Place['path'] };

export interface Divergence {
  classId: string;
  level: ChangeLevel;
  message: string;
  messages: Record<'zh-CN' | 'en', string>;
  /** The basic code the item is matched by. */
  basicCode: string;
  /** The matrix row (index into the result's rows): one catalogue may list several items under one basic code. */
  row: number;
  /** The office (its index in `offices`). */
  office: number;
  /** The office's own code for the item, when it has the item. */
  code?: string;
  better: boolean;
  local?: Position;
  reference?: Position;
  /** Without a reference: the offices whose value is the norm this one differs from. */
  normOffices?: number[];
  detail?: string;
}
