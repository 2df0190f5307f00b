// Enumerates the places in a catalogue where a kind of reference occurs, so each ref rule stays a few lines.
import type { Catalogue, Entry } from './model.js';
import type { Citation } from '../schema/definitions.js';
import type { DocPath } from '../findings.js';

export interface Occurrence<T> {
  value: T;
  file: string;
  path: DocPath;
}

function at<T>(entry: Entry<unknown>, rest: DocPath, value: T): Occurrence<T> {
  return { value, file: entry.file, path: [...entry.path, ...rest] };
}

function citationList(out: Array<Occurrence<Citation>>, entry: Entry<unknown>, rest: DocPath, list: Citation[] | undefined): void {
  if (!list) return;
  for (let i = 0; i < list.length; i++) out.push(at(entry, [...rest, i], list[i]!));
}

/** Several rules walk the same references; each list is built once per catalogue. */
function memoise<T>(build: (catalogue: Catalogue) => T[]): (catalogue: Catalogue) => readonly T[] {
  const memo = new WeakMap<Catalogue, T[]>();
  return (catalogue) => {
    let list = memo.get(catalogue);
    if (!list) {
      list = build(catalogue);
      memo.set(catalogue, list);
    }
    return list;
  };
}

/** Every legal citation in the catalogue, wherever a `basis` list may stand. */
export const citations = memoise((catalogue): Array<Occurrence<Citation>> => {
  const out: Array<Occurrence<Citation>> = [];
  for (const entry of catalogue.sections.powers) {
    const power = entry.value;
    citationList(out, entry, ['basis'], power.basis);
    power.special_procedures?.forEach((procedure, i) => citationList(out, entry, ['special_procedures', i, 'basis'], procedure.basis));
    power.materials?.forEach((material, i) => citationList(out, entry, ['materials', i, 'basis'], material.basis));
    power.fees?.forEach((fee, i) => {
      citationList(out, entry, ['fees', i, 'basis'], fee.basis);
      citationList(out, entry, ['fees', i, 'waiver_basis'], fee.waiver_basis);
    });
  }
  for (const entry of catalogue.sections.responsibilities) {
    const responsibility = entry.value;
    if ('power' in responsibility) {
      responsibility.duties.forEach((duty, i) => citationList(out, entry, ['duties', i, 'basis'], duty.basis));
      citationList(out, entry, ['accountability', 'basis'], responsibility.accountability?.basis);
    } else {
      responsibility.boundaries?.forEach((boundary, i) => citationList(out, entry, ['boundaries', i, 'basis'], boundary.basis));
    }
  }
  return out;
});

/** Every place that names a department by id. */
export const departmentReferences = memoise((catalogue): Array<Occurrence<string>> => {
  const out: Array<Occurrence<string>> = [];
  for (const entry of catalogue.sections.departments) {
    if (entry.value.parent !== undefined) out.push(at(entry, ['parent'], entry.value.parent));
  }
  for (const entry of catalogue.sections.powers) {
    const power = entry.value;
    out.push(at(entry, ['department'], power.department));
    power.co_departments?.forEach((id, i) => out.push(at(entry, ['co_departments', i], id)));
    if (power.delegated_by !== undefined) out.push(at(entry, ['delegated_by'], power.delegated_by));
  }
  for (const entry of catalogue.sections.responsibilities) {
    const responsibility = entry.value;
    if ('department' in responsibility) {
      out.push(at(entry, ['department'], responsibility.department));
      responsibility.boundaries?.forEach((boundary, i) => out.push(at(entry, ['boundaries', i, 'with'], boundary.with)));
    }
  }
  for (const entry of catalogue.sections.flows) {
    entry.value.steps.forEach((step, i) => {
      if (step.department !== undefined) out.push(at(entry, ['steps', i, 'department'], step.department));
    });
  }
  return out;
});

/** Every place that names a power by code (responsibilities and flows; a power's parent is ref/parent's). */
export const powerReferences = memoise((catalogue): Array<Occurrence<string>> => {
  const out: Array<Occurrence<string>> = [];
  for (const entry of catalogue.sections.responsibilities) {
    if ('power' in entry.value) out.push(at(entry, ['power'], entry.value.power));
  }
  for (const entry of catalogue.sections.flows) {
    if (entry.value.power !== undefined) out.push(at(entry, ['power'], entry.value.power));
    entry.value.powers?.forEach((code, i) => out.push(at(entry, ['powers', i], code)));
  }
  return out;
});

/** The codes of the powers a flow serves. */
export function flowPowerCodes(flow: { power?: string; powers?: string[] }): string[] {
  return [...(flow.power !== undefined ? [flow.power] : []), ...(flow.powers ?? [])];
}
