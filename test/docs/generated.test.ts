import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFormatDoc, renderRulesDoc } from '../../src/docs/generate.js';
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
