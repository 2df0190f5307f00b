import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChangesDoc, renderCompareExample, renderFormatDoc, renderRulesDoc, renderStandardsDoc } from '../../src/docs/generate.js';
import { divergenceClasses } from '../../src/compare/registry.js';
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
    expect(changeClasses).toHaveLength(25);
    for (const changeClass of changeClasses) expect(text).toContain(`## ${changeClass.id}\n\n- 默认级别 / default level: **${changeClass.level}**`);
  });

  it('docs/standards.md is current (run `npm run docs` after changing divergence classes or their messages)', () => {
    expect(readFileSync(path.join(DOCS, 'standards.md'), 'utf8')).toBe(renderStandardsDoc());
  });

  it('standards.md names the eleven divergence classes of qingdan compare with their default levels', () => {
    const text = renderStandardsDoc();
    expect(divergenceClasses.map((c) => c.id)).toEqual([
      'standard/name', 'standard/category', 'standard/basis', 'standard/material-extra', 'standard/material-missing',
      'standard/time', 'standard/visits', 'standard/fees', 'standard/online', 'standard/missing', 'standard/extra',
    ]);
    for (const c of divergenceClasses) expect(text).toContain(`## ${c.id}\n\n- 默认级别 / default level: **${c.level}**`);
  });

  it('docs/examples/compare-report.md is qingdan compare\'s markdown on test/fixtures/compare (run `npm run docs`)', async () => {
    expect(readFileSync(path.join(DOCS, 'examples/compare-report.md'), 'utf8')).toBe(await renderCompareExample(path.join(import.meta.dirname, '../..')));
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
