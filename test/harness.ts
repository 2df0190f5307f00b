// Test harness: a clean base catalogue, per-case fixture files laid over it, and inline `# expect:` comments.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemorySource } from '../src/catalogue/source.js';
import { validateCatalogue, type ValidateResult } from '../src/validate.js';
import type { Finding } from '../src/findings.js';
import { LINE_BREAK } from '../src/catalogue/source-map.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const BASE = path.join(FIXTURES, 'base');

function readTree(root: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, readTree(root, relative));
    else out[relative] = readFileSync(path.join(root, relative), 'utf8');
  }
  return out;
}

export function baseFiles(): Record<string, string> {
  return readTree(BASE);
}

/** Validates the base catalogue with `files` laid over it (same name replaces; `null` removes). */
export function check(files: Record<string, string | null> = {}, locale: 'zh-CN' | 'en' = 'en'): ValidateResult {
  const merged: Record<string, string> = baseFiles();
  for (const [name, content] of Object.entries(files)) {
    if (content === null) delete merged[name];
    else merged[name] = content;
  }
  return validateCatalogue(new MemorySource(merged), { explicitLocale: locale });
}

/** `file:line:column rule/id`, the fact most tests assert. */
export function brief(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`;
}

/**
 * Expected findings written in a fixture as comments on the line they point at: `# expect: rule/id @column`
 * (several may follow one another on a line: `# expect: a/b @3 # expect: c/d @9`).
 */
export function expectations(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    // Lines as YAML and qingdan count them: CR LF, LF or a lone CR.
    text.split(LINE_BREAK).forEach((line, index) => {
      for (const match of line.matchAll(/# expect: ([a-z0-9-]+\/[a-z0-9-]+) @(\d+)/g)) out.push(`${file}:${index + 1}:${match[2]} ${match[1]}`);
    });
  }
  return out.sort();
}

/** A fixture case folder: test/fixtures/rules/<rule>/<case>/ — its files are laid over the base catalogue. */
export function fixtureCase(rule: string, name: string): Record<string, string> {
  return readTree(path.join(FIXTURES, 'rules', rule, name));
}

export function fixtureCases(rule: string): string[] {
  const dir = path.join(FIXTURES, 'rules', rule);
  return readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory()).sort();
}

/** Runs a fixture case and returns what was found and what its comments expect, both sorted. */
export function runCase(rule: string, name: string): { actual: string[]; expected: string[]; result: ValidateResult } {
  const files = fixtureCase(rule, name);
  const result = check(files);
  return { actual: result.findings.map(brief).sort(), expected: expectations(files), result };
}
