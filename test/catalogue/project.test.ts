// The projection validate uses must never change what the rules find: every rule fixture, both ways.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySource } from '../../src/catalogue/source.js';
import { validateCatalogue } from '../../src/validate.js';
import { projectForRules } from '../../src/catalogue/project.js';
import { FIXTURES, baseFiles, fixtureCase } from '../harness.js';

const rules = readdirSync(path.join(FIXTURES, 'rules'));
const cases = rules.flatMap((rule) => readdirSync(path.join(FIXTURES, 'rules', rule)).map((name) => [rule, name] as const));

describe('projection for rules', () => {
  it.each(cases)('%s/%s: the same findings with and without it', (rule, name) => {
    const files = { ...baseFiles(), ...fixtureCase(rule, name) };
    const full = validateCatalogue(new MemorySource(files), { explicitLocale: 'en' });
    const projected = validateCatalogue(new MemorySource(files), { explicitLocale: 'en', projection: 'rules' });
    expect(projected.findings).toEqual(full.findings);
  });

  it('drops free text rules never read, and keeps what they do', () => {
    const data = {
      powers: [{ code: 'A', name: '事项', conditions: ['条件'], location: '地点', basis: [{ law: 'x', article: '第一条', text: '条文' }], materials: [{ name: '申请书', required: true, source: 'applicant', medium: 'paper', note: '备注' }] }],
      responsibilities: [{ power: 'A', duties: [{ stage: 'accept', text: '受理' }], accountability: { cases: ['情形'], basis: [{ law: 'x' }] } }],
    };
    expect(projectForRules(data)).toEqual({
      powers: [{ code: 'A', name: '事项', basis: [{ law: 'x', article: '第一条' }], materials: [{ name: '申请书', required: true }] }],
      responsibilities: [{ power: 'A', duties: [{ stage: 'accept' }], accountability: { basis: [{ law: 'x' }] } }],
    });
  });

  it('leaves values of the wrong kind alone (they failed the schema and only their keys matter)', () => {
    expect(projectForRules({ powers: 'not a list', flows: [5, null] })).toEqual({ powers: 'not a list', flows: [5, null] });
  });
});
