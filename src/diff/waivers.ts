// A --waivers file: read, parsed and checked with the same schema as qingdan.yaml's diff.waivers, each problem at its
// own file:line:col.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../catalogue/parse.js';
import { Positions } from '../catalogue/positions.js';
import { UsageError } from '../errors.js';
import type { DocPath, Locale, Place } from '../findings.js';
import type { Waiver } from '../schema/definitions.js';
import { getValidators, validateData } from '../schema/validator.js';
import { Resolver } from '../validate.js';

/**
 * The waivers of a --waivers file (a list, or a `waivers:` key). Entries are checked by the config schema's waiver
 * definition, as in qingdan.yaml: a date that is no date (2026-02-30), an upper-case fingerprint or a misspelt key are
 * refused there, so they are refused here too, every one at the place of the offending value.
 */
export function readWaivers(file: string, cwd: string, locale: Locale): Waiver[] {
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError('waivers-unreadable', { file, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
  const positions = new Positions(() => text);
  const at = (place: Omit<Place, 'file'>) => positions.at({ ...place, file });
  // The catalogue's own YAML reading: an unclosed quote is placed where it opens, aliases and depth are bounded.
  const parsed = parseYaml(text, file);
  // A file that is not YAML is told like its entries' problems: each at its place, in the user's language.
  if (parsed.data === undefined && parsed.problems.length) {
    const resolver = new Resolver(() => text, undefined, locale);
    throw new UsageError('bad-waiver-entries', { file }, parsed.problems.map((problem) => resolver.resolve({ ...problem, place: { ...problem.place, file } })!));
  }
  const data: unknown = parsed.data;
  const inList = Array.isArray(data);
  const list = inList ? data : (data as { waivers?: unknown } | null)?.waivers;
  if (!Array.isArray(list)) throw new UsageError('bad-waivers', { file: at({ path: inList ? [] : ['waivers'] }), detail: 'waivers: [{fingerprint, reason, expires}]' });
  const { findings } = validateData(getValidators().config, { name: file, diff: { waivers: list } }, file, 'config');
  if (findings.length) {
    const prefix: DocPath = inList ? [] : ['waivers'];
    const inFile = (place: Place): Place => ({ file, path: [...prefix, ...place.path.slice(2)] });
    const resolver = new Resolver(() => text, undefined, locale);
    const problems = findings.map((finding) => resolver.resolve({ ...finding, place: inFile(finding.place), related: finding.related?.map((r) => ({ ...r, place: inFile(r.place) })) })!);
    throw new UsageError('bad-waiver-entries', { file }, problems);
  }
  return list as Waiver[];
}
