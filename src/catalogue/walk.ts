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

function* citationList(entry: Entry<unknown>, rest: DocPath, list: Citation[] | undefined): Generator<Occurrence<Citation>> {
  if (!list) return;
  for (let i = 0; i < list.length; i++) yield at(entry, [...rest, i], list[i]!);
}

/** Every legal citation in the catalogue, wherever a `basis` list may stand. */
export function* citations(catalogue: Catalogue): Generator<Occurrence<Citation>> {
  for (const entry of catalogue.sections.powers) {
    const power = entry.value;
    yield* citationList(entry, ['basis'], power.basis);
    for (const [i, procedure] of (power.special_procedures ?? []).entries()) yield* citationList(entry, ['special_procedures', i, 'basis'], procedure.basis);
    for (const [i, material] of (power.materials ?? []).entries()) yield* citationList(entry, ['materials', i, 'basis'], material.basis);
    for (const [i, fee] of (power.fees ?? []).entries()) {
      yield* citationList(entry, ['fees', i, 'basis'], fee.basis);
      yield* citationList(entry, ['fees', i, 'waiver_basis'], fee.waiver_basis);
    }
  }
  for (const entry of catalogue.sections.responsibilities) {
    const responsibility = entry.value;
    if ('power' in responsibility) {
      for (const [i, duty] of responsibility.duties.entries()) yield* citationList(entry, ['duties', i, 'basis'], duty.basis);
      yield* citationList(entry, ['accountability', 'basis'], responsibility.accountability?.basis);
    } else {
      for (const [i, boundary] of (responsibility.boundaries ?? []).entries()) yield* citationList(entry, ['boundaries', i, 'basis'], boundary.basis);
    }
  }
}

/** Every place that names a department by id. */
export function* departmentReferences(catalogue: Catalogue): Generator<Occurrence<string>> {
  for (const entry of catalogue.sections.departments) {
    if (entry.value.parent !== undefined) yield at(entry, ['parent'], entry.value.parent);
  }
  for (const entry of catalogue.sections.powers) {
    const power = entry.value;
    yield at(entry, ['department'], power.department);
    for (const [i, id] of (power.co_departments ?? []).entries()) yield at(entry, ['co_departments', i], id);
    if (power.delegated_by !== undefined) yield at(entry, ['delegated_by'], power.delegated_by);
  }
  for (const entry of catalogue.sections.responsibilities) {
    const responsibility = entry.value;
    if ('department' in responsibility) {
      yield at(entry, ['department'], responsibility.department);
      for (const [i, boundary] of (responsibility.boundaries ?? []).entries()) yield at(entry, ['boundaries', i, 'with'], boundary.with);
    }
  }
  for (const entry of catalogue.sections.flows) {
    for (const [i, step] of entry.value.steps.entries()) {
      if (step.department !== undefined) yield at(entry, ['steps', i, 'department'], step.department);
    }
  }
}

/** Every place that names a power by code (responsibilities and flows; a power's parent is ref/parent's). */
export function* powerReferences(catalogue: Catalogue): Generator<Occurrence<string>> {
  for (const entry of catalogue.sections.responsibilities) {
    if ('power' in entry.value) yield at(entry, ['power'], entry.value.power);
  }
  for (const entry of catalogue.sections.flows) {
    if (entry.value.power !== undefined) yield at(entry, ['power'], entry.value.power);
    for (const [i, code] of (entry.value.powers ?? []).entries()) yield at(entry, ['powers', i], code);
  }
}

/** The codes of the powers a flow serves. */
export function flowPowerCodes(flow: { power?: string; powers?: string[] }): string[] {
  return [...(flow.power !== undefined ? [flow.power] : []), ...(flow.powers ?? [])];
}
