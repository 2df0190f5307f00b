// What a spreadsheet export cannot carry so that import gives it back: found before writing, so the command can say so.
import type { Catalogue } from '../catalogue/model.js';
import type { DepartmentResponsibility, PowerResponsibility } from '../schema/definitions.js';
import type { TableKind } from '../tables/columns.js';

export type LossKind =
  /** An `x-` field on an object that has no row of its own in any table (a flow, a duty): not written at all. */
  | 'extension-not-written'
  /** An `x-` value that is not text (a number, true/false, a list): written, but read back as text. */
  | 'extension-as-text'
  /** A list entry with a line break: a list cell holds one entry a line, so it reads back as several entries. */
  | 'line-break'
  /** A list entry that starts like a number (1. （1） ①): import takes numbering away. */
  | 'numbering'
  /** A single name list entry with 、，; in it (追责对象): a one-line cell is split there, so it reads back as several. */
  | 'separator';

export interface Loss {
  kind: LossKind;
  table: TableKind;
  /** Where, as a path into the catalogue by key: `powers[<code>].conditions[3]`, `flows[<id>].x-版本`. */
  path: string;
}

// The numbering `splitLines` removes when reading a list cell.
const NUMBERING = /^\s*(?:\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])/;

function listLosses(list: readonly string[] | undefined, table: TableKind, at: string, out: Loss[]): void {
  (list ?? []).forEach((entry, index) => {
    if (/[\r\n]/.test(entry)) out.push({ kind: 'line-break', table, path: `${at}[${index}]` });
    else if (NUMBERING.test(entry)) out.push({ kind: 'numbering', table, path: `${at}[${index}]` });
  });
}

function extensionLosses(object: object, table: TableKind, at: string, out: Loss[], written = true): void {
  for (const [key, value] of Object.entries(object)) {
    if (!key.startsWith('x-') || value === undefined || value === null) continue;
    if (!written) out.push({ kind: 'extension-not-written', table, path: `${at}.${key}` });
    else if (typeof value !== 'string') out.push({ kind: 'extension-as-text', table, path: `${at}.${key}` });
  }
}

/** Every place of the catalogue whose value a CSV or XLSX export followed by import would not give back as it is. */
export function spreadsheetLosses(catalogue: Catalogue): Loss[] {
  const out: Loss[] = [];
  for (const { value: power } of catalogue.sections.powers) {
    const at = `powers[${power.code}]`;
    extensionLosses(power, 'powers', at, out);
    listLosses(power.conditions, 'powers', `${at}.conditions`, out);
    power.materials?.forEach((material, i) => extensionLosses(material, 'materials', `${at}.materials[${i}]`, out));
    power.fees?.forEach((fee, i) => extensionLosses(fee, 'fees', `${at}.fees[${i}]`, out));
    power.special_procedures?.forEach((procedure, i) => extensionLosses(procedure, 'special-procedures', `${at}.special_procedures[${i}]`, out));
    power.risk_points?.forEach((risk, i) => {
      extensionLosses(risk, 'risk-points', `${at}.risk_points[${i}]`, out);
      listLosses(risk.controls, 'risk-points', `${at}.risk_points[${i}].controls`, out);
    });
  }
  for (const { value: entry } of catalogue.sections.responsibilities) {
    if ('power' in entry) powerResponsibilityLosses(entry, out);
    else departmentDutyLosses(entry, out);
  }
  for (const { value: department } of catalogue.sections.departments) extensionLosses(department, 'departments', `departments[${department.id}]`, out);
  for (const { value: law } of catalogue.sections.laws) {
    extensionLosses(law, 'laws', `laws[${law.id}]`, out);
    listLosses(law.articles, 'laws', `laws[${law.id}].articles`, out);
  }
  for (const { value: flow } of catalogue.sections.flows) {
    const at = `flows[${flow.id}]`;
    // The flow table has a row per step: a flow's own x- fields have no cell to go in.
    extensionLosses(flow, 'flows', at, out, false);
    flow.steps.forEach((step, i) => {
      extensionLosses(step, 'flows', `${at}.steps[${i}]`, out);
      listLosses(step.outputs, 'flows', `${at}.steps[${i}].outputs`, out);
    });
  }
  return out;
}

function powerResponsibilityLosses(entry: PowerResponsibility, out: Loss[]): void {
  const at = `responsibilities[${entry.power}]`;
  extensionLosses(entry, 'responsibilities', at, out);
  // A duty's row carries its entry's x- columns: the duty's own x- fields have none.
  entry.duties.forEach((duty, i) => extensionLosses(duty, 'responsibilities', `${at}.duties[${i}]`, out, false));
  listLosses(entry.accountability?.cases, 'responsibilities', `${at}.accountability.cases`, out);
  const subjects = entry.accountability?.subjects;
  listLosses(subjects, 'responsibilities', `${at}.accountability.subjects`, out);
  if (subjects?.length === 1 && /[、，,；;]/.test(subjects[0]!) && !/[\r\n]/.test(subjects[0]!)) {
    out.push({ kind: 'separator', table: 'responsibilities', path: `${at}.accountability.subjects[0]` });
  }
}

function departmentDutyLosses(entry: DepartmentResponsibility, out: Loss[]): void {
  const at = `responsibilities[${entry.department}: ${entry.duty}]`;
  extensionLosses(entry, 'department-duties', at, out);
  listLosses(entry.tasks, 'department-duties', `${at}.tasks`, out);
}
