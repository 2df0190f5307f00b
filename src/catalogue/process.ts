// One file's journey from bytes to checked data: decode, parse, schema. Pure, so workers and the cache can run it.
import { decode, parseYaml } from './parse.js';
import { getValidators, validateData } from '../schema/validator.js';
import type { DocPath, RawFinding } from '../findings.js';
import { projectForRules } from './project.js';
import { sectionsWritten } from './model.js';
import { NOT_A_FILE, shellWord, type MisnamedEntry } from './source.js';
import type { SectionName } from '../schema/definitions.js';

export interface ProcessedFile {
  relativePath: string;
  file: string;
  /** False when the bytes could not be read or decoded: there is no text to point into. */
  readable: boolean;
  /** Parsed data, or undefined when the file is empty or broken. */
  data: unknown;
  findings: RawFinding[];
  /** Entries that failed the schema: ['powers', 3], a whole section ['powers'], or the whole file []. */
  invalid: DocPath[];
  /**
   * Set when no data could be had from the file (unreadable, too large, not decodable, YAML errors): the sections its
   * top-level keys name, 'any' when there is no text to go by. See Catalogue.unread.
   */
  unread?: SectionName[] | 'any';
}

/** Files above this size are refused rather than risk exhausting memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export type Read = { bytes: Uint8Array } | { error: NodeJS.ErrnoException };

/** `rules`: keep only what validate's rules read (after the schema has seen everything); `full`: keep all. */
export type Projection = 'full' | 'rules';

/** A file that could not be read, as a finding at its start. */
export function unreadableFinding(error: NodeJS.ErrnoException, file: string): RawFinding {
  const code = error.code ?? 'EIO';
  // Listed a moment ago and now not there: a symbolic link to nothing (or a file removed meanwhile).
  const messageId = code === 'ENOENT' ? 'missing' : code === NOT_A_FILE ? 'not-a-file' : 'unreadable';
  return { ruleId: 'file/unreadable', messageId, data: { code }, place: { file, path: [], range: [0, 0], text: '' } };
}

/**
 * A folder that could not be listed, as a file that could not be read: a finding at the folder, and any section may be
 * in the files it holds (so references into it wait, as for an unreadable file).
 */
export function unlistedFolder(error: NodeJS.ErrnoException, relativePath: string, folder: string): ProcessedFile {
  const finding: RawFinding = { ruleId: 'file/unreadable', messageId: 'folder', data: { code: error.code ?? 'EIO' }, place: { file: folder, path: [], range: [0, 0], text: '' } };
  return { relativePath, file: folder, readable: false, data: undefined, findings: [finding], invalid: [], unread: 'any' };
}

/** A name's bytes for a shell, inside $'…': printable ASCII as it is, every other byte as \xHH. */
function escapedBytes(name: Uint8Array): string {
  return [...name].map((byte) => (byte >= 0x20 && byte < 0x7f && byte !== 0x27 && byte !== 0x5c ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`)).join('');
}

/**
 * A file or folder whose name is not UTF-8, as a finding at it (file/encoding): the name's bytes, its GB18030 reading
 * when it has one (an old Windows zip tool's names), and the mv that renames it. A file's top-level keys are read
 * through its name's bytes, so that only the references into its sections wait (as for a file that is not UTF-8).
 */
export function misnamedFile(entry: MisnamedEntry, file: string): ProcessedFile {
  let gb18030: string | undefined;
  try {
    gb18030 = new TextDecoder('gb18030', { fatal: true }).decode(entry.name);
  } catch {
    gb18030 = undefined;
  }
  const slash = file.lastIndexOf('/');
  const folder = slash < 0 ? '' : file.slice(0, slash + 1);
  const data = {
    bytes: escapedBytes(entry.name),
    name: gb18030 ?? '',
    source: `${folder ? shellWord(folder) : ''}$'${escapedBytes(entry.name)}'`,
    target: shellWord(`${folder}${gb18030 ?? ''}`),
    folder: folder ? shellWord(folder) : '',
  };
  const messageId = `${entry.folder ? 'folder-' : ''}name-${gb18030 !== undefined ? 'gb18030' : 'not-utf8'}`;
  const finding: RawFinding = { ruleId: 'file/encoding', messageId, data, place: { file, path: [], range: [0, 0], text: '' } };
  let unread: SectionName[] | 'any' = 'any';
  if (entry.read) {
    try {
      unread = sectionsWritten(new TextDecoder('utf-8').decode(entry.read()));
    } catch {
      unread = 'any';
    }
  }
  return { relativePath: entry.relativePath, file, readable: false, data: undefined, findings: [finding], invalid: [], unread };
}

export function processFile(read: Read, relativePath: string, file: string, kind: 'file' | 'config', projection: Projection = 'full'): ProcessedFile {
  const base = { relativePath, file, data: undefined, invalid: [] as DocPath[] };
  if ('error' in read) return { ...base, readable: false, unread: 'any', findings: [unreadableFinding(read.error, file)] };
  const { bytes } = read;
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const data = { size: Math.round(bytes.byteLength / 1048576), limit: MAX_FILE_BYTES / 1048576 };
    return { ...base, readable: false, unread: 'any', findings: [{ ruleId: 'file/too-large', messageId: 'too-large', data, place: { file, path: [], range: [0, 0], text: '' } }] };
  }
  const decoded = decode(bytes, file);
  // The lossy decoding of a file that is not UTF-8 still shows what it was meant to hold.
  if (!decoded.ok) return { ...base, readable: false, unread: sectionsWritten(decoded.finding.place.text), findings: [decoded.finding] };
  const parsed = parseYaml(decoded.text, file);
  const findings = [...parsed.problems];
  if (parsed.empty) {
    if (kind === 'file') findings.push({ ruleId: 'file/empty', messageId: 'empty', place: { file, path: [], range: [0, 0] } });
    // An empty qingdan.yaml is still checked, so that it says `name` is missing.
    if (kind === 'file') return { ...base, readable: true, findings };
  }
  if (parsed.data === undefined && !parsed.empty) return { ...base, readable: true, unread: sectionsWritten(decoded.text), findings };
  const validators = getValidators();
  const data = parsed.empty ? {} : parsed.data;
  const checked = validateData(kind === 'config' ? validators.config : validators.file, data, file, kind);
  findings.push(...checked.findings);
  const kept = projection === 'rules' && kind === 'file' ? projectForRules(data) : data;
  return { ...base, readable: true, data: kept, findings, invalid: checked.invalid };
}
