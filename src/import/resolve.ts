// Names in a spreadsheet → ids in the catalogue: departments by credit code or name, laws by title; what is not there
// yet is created with a readable id (pinyin initials, as lists/ does: 食品安全法 → spaqf) and reported.
import { CREDIT_CODE_ALPHABET } from '../catalogue/credit-code.js';
import { halfWidth } from '../tables/values.js';
import { createRequire } from 'node:module';
import type { pinyin as Pinyin } from 'pinyin-pro';
import type { Department, Law, Level } from '../schema/definitions.js';
import type { Mapping } from './mapping.js';

// pinyin-pro's dictionaries take about 0.1 s to load: loaded when an id is first made, not by every command.
let pinyin: typeof Pinyin | undefined;

/** Pinyin initials of the Chinese characters, ASCII letters and digits kept: 市场监督管理局 → scjdglj. */
export function initials(text: string): string {
  pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: typeof Pinyin }).pinyin;
  const letters = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return letters.replace(/^[^a-z0-9]+/, '') || 'x';
}

/** 青山县市场监督管理局 → 市场监督管理局: the place name before the body's own name. */
export function withoutPlace(name: string, region?: string): string {
  if (region && name.startsWith(region) && name.length > region.length + 1) return name.slice(region.length);
  const match = /^(.{2,}?(?:省|自治区|市|自治州|县|区|旗))(.{2,})$/.exec(name);
  if (match && !/^场/.test(match[2]!)) return match[2]!;
  return name;
}

/** 中华人民共和国食品安全法（2021年修正） → 食品安全法: how titles are compared and ids made. */
export function shortTitle(title: string): string {
  return title.replace(/\s+/g, '').replace(/^中华人民共和国/, '').replace(/[（(][^）)]*[）)]$/, '');
}

/** The level a body's name suggests: the first place word decides (青山县市场监督管理局 is a county body). */
export function levelFromName(name: string): Level | undefined {
  if (/^(国务院|国家|中华人民共和国|中央)/.test(name)) return 'national';
  const match = /(自治区|自治州|省|市|县|区|旗|乡|镇|街道)/.exec(name.replace(/市场/g, '□□'));
  if (!match) return undefined;
  const word = match[1]!;
  if (word === '省' || word === '自治区') return 'provincial';
  if (word === '市' || word === '自治州') return 'municipal';
  if (word === '乡' || word === '镇' || word === '街道') return 'township';
  return 'county';
}

/** 条例 → administrative regulation unless a place issued it; 办法, 规定 → rule; 通知, 意见 → normative document. */
export function lawKindFromTitle(title: string): Law['kind'] {
  const short = shortTitle(title);
  const local = /^.{2,}?(省|自治区|市|自治州|县)/.test(short) && !/^中华人民共和国/.test(title);
  if (/法$/.test(short)) return local ? 'local-regulation' : 'law';
  if (/(条例|规定（试行）)$/.test(short)) return local ? 'local-regulation' : 'administrative-regulation';
  if (/(办法|规定|细则|规则|规程|标准)(（试行）)?$/.test(short)) return 'rule';
  return 'normative-document';
}

export interface NewDepartment {
  department: Department;
  levelGuessed: boolean;
}

export class Directory {
  readonly departments = new Map<string, Department>();
  readonly laws = new Map<string, Law>();
  readonly newDepartments: NewDepartment[] = [];
  readonly newLaws: Law[] = [];
  private readonly usedIds = new Set<string>();

  constructor(
    existingDepartments: Department[],
    existingLaws: Law[],
    private readonly mapping: Mapping,
    private readonly region?: string,
  ) {
    for (const d of existingDepartments) this.departments.set(d.id, d);
    for (const l of existingLaws) this.laws.set(l.id, l);
  }

  private freeId(base: string, taken: (id: string) => boolean): string {
    const start = /^[a-z0-9]/.test(base) ? base : `x${base}`;
    let id = start;
    for (let n = 2; taken(id) || this.usedIds.has(id); n++) id = `${start}${n}`;
    this.usedIds.add(id);
    return id;
  }

  addDepartment(department: Department): void {
    this.departments.set(department.id, department);
  }

  addLaw(law: Law): void {
    this.laws.set(law.id, law);
  }

  findDepartment(text: string, creditCode = creditCodeIn(text)): Department | undefined {
    const value = text.trim();
    const mapped = this.mapping.values.department?.[value];
    if (mapped && this.departments.has(mapped)) return this.departments.get(mapped);
    const all = [...this.departments.values()];
    if (creditCode) {
      const byCode = all.find((d) => d.credit_code === creditCode);
      if (byCode) return byCode;
    }
    if (!value) return undefined;
    return (
      this.departments.get(value) ??
      all.find((d) => d.name === value) ??
      all.find((d) => withoutPlace(d.name, this.region) === withoutPlace(value, this.region))
    );
  }

  /** The department named, created when it is not known yet (its level from the row, else from its name, else county). */
  department(text: string, given: string | undefined, level: Level | undefined): Department {
    // 实施主体 written as the body's credit code (some offices' sheets do): it is the credit code.
    const creditCode = given ?? creditCodeIn(text);
    const found = this.findDepartment(text, creditCode);
    if (found) {
      if (creditCode && !found.credit_code && this.newDepartments.some((n) => n.department === found)) found.credit_code = creditCode;
      return found;
    }
    const name = text.trim();
    const guessed = levelFromName(name);
    const department: Department = {
      id: this.freeId(initials(withoutPlace(name, this.region)), (id) => this.departments.has(id)),
      name,
      ...(creditCode ? { credit_code: creditCode } : {}),
      level: level ?? guessed ?? 'county',
    };
    this.departments.set(department.id, department);
    this.newDepartments.push({ department, levelGuessed: level === undefined });
    return department;
  }

  findLaw(title: string): Law | undefined {
    const mapped = this.mapping.values.law?.[title];
    if (mapped && this.laws.has(mapped)) return this.laws.get(mapped);
    const all = [...this.laws.values()];
    return all.find((l) => l.title === title) ?? all.find((l) => shortTitle(l.title) === shortTitle(title)) ?? this.laws.get(title);
  }

  /** The law with this title, created when unknown (kind guessed from the title; cited articles collected). */
  law(title: string, article: string | undefined): Law {
    let law = this.findLaw(title);
    if (!law) {
      law = { id: this.freeId(initials(shortTitle(title)), (id) => this.laws.has(id)), title, kind: lawKindFromTitle(title) };
      this.laws.set(law.id, law);
      this.newLaws.push(law);
    }
    if (article && this.newLaws.includes(law)) {
      law.articles ??= [];
      if (!law.articles.includes(article)) law.articles.push(article);
    }
    return law;
  }

  reserve(id: string): void {
    this.usedIds.add(id);
  }
}

/**
 * The text as a unified social credit code, when that is all it is: 18 characters of the code's alphabet (its check
 * character is department/credit-code's business, once imported).
 */
function creditCodeIn(text: string): string | undefined {
  const value = halfWidth(text).trim().toUpperCase();
  return value.length === 18 && [...value].every((char) => CREDIT_CODE_ALPHABET.includes(char)) ? value : undefined;
}
