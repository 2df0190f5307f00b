import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChangesDoc, renderFormatDoc, renderRulesDoc } from '../../src/docs/generate.js';
import { changeClasses } from '../../src/diff/registry.js';
import { allRules } from '../../src/rules/index.js';
import { emitSchemas } from '../../src/schema/emit.js';

const DOCS = path.join(import.meta.dirname, '../../docs');

describe('generated reference docs', () => {
  it('docs/rules.md is current (run `npm run docs` after changing rules or messages)', () => {
    expect(readFileSync(path.join(DOCS, 'rules.md'), 'utf8')).toBe(renderRulesDoc());
  });

  it('docs/format.md is current (run `npm run docs` after changing the schema definitions)', () => {
    expect(readFileSync(path.join(DOCS, 'format.md'), 'utf8')).toBe(renderFormatDoc());
  });

  it('docs/changes.md is current (run `npm run docs` after changing change classes or their messages)', () => {
    expect(readFileSync(path.join(DOCS, 'changes.md'), 'utf8')).toBe(renderChangesDoc());
  });

  it('changes.md names every change class of DOMAIN.md §5 with its default level', () => {
    const text = renderChangesDoc();
    expect(changeClasses).toHaveLength(23);
    for (const changeClass of changeClasses) expect(text).toContain(`## ${changeClass.id}\n\n- 默认级别 / default level: **${changeClass.level}**`);
  });

  it('rules.md has a section, the default severity and every message of every rule', () => {
    const text = renderRulesDoc();
    for (const rule of allRules) {
      const section = text.slice(text.indexOf(`### ${rule.id}\n`));
      expect(section, rule.id).toContain(`default severity: **${rule.severity}**`);
      for (const message of rule.messages) expect(section.slice(0, section.indexOf('\n### ', 5) >>> 0), `${rule.id} ${message}`).toContain(`| \`${message}\` |`);
    }
  });

  it('format.md lists every field of every section schema', () => {
    const text = renderFormatDoc();
    const power = (emitSchemas()['powers.schema.json']!.items as { properties: Record<string, unknown> }).properties;
    for (const field of Object.keys(power)) expect(text).toContain(`| \`${field}\` |`);
  });
});
