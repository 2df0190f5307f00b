// Control characters from a catalogue reach a terminal or CI log only as visible pictures; machine formats keep their own escaping.
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { visible, visibleStrings } from '../../src/report/visible.js';
import stylish from '../../src/report/stylish.js';
import json from '../../src/report/json.js';
import sarif from '../../src/report/sarif.js';
import junit from '../../src/report/junit.js';
import github from '../../src/report/github.js';
import { diffFormatters } from '../../src/report/diff/index.js';
import { compareFormatters } from '../../src/report/compare/index.js';
import { compareCatalogues } from '../../src/compare/compare.js';
import { diffCase } from '../diff/harness.js';
import { ROOT } from '../cli/run-cli.js';
import { FIXTURES, OFFICES } from '../compare/fixtures.js';
import { FINDINGS, report } from './fixtures.js';

/** Clears the screen, retitles the window, rings the bell and turns what follows red: what a pull request could put in a name. */
const EVIL = '清单\u001b[2J\u001b]0;PWNED\u0007\u001b[31m红';
const SHOWN = '清单␛[2J␛]0;PWNED␇␛[31m红';
/** A terminal's control sequences: ESC, CSI (C1), BEL, a carriage return that would overwrite the line. */
const RAW = /[\u001b\u009b\u0007\r]/;

describe('visible', () => {
  it('shows C0 (but tab and line feed), DEL and C1 as pictures, one for one, and leaves other text alone', () => {
    expect(visible(EVIL)).toBe(SHOWN);
    expect(visible('a\tb\nc')).toBe('a\tb\nc');
    expect(visible('\u0000\r\u007f\u009b\u0085')).toBe('␀␍␡\ufffd\ufffd');
    expect(visible('食品经营许可 ✔')).toBe('食品经营许可 ✔');
  });

  it('copies only what holds a control character', () => {
    const clean = { a: ['x', { b: 'y' }], n: 1 };
    expect(visibleStrings(clean)).toBe(clean);
    const dirty = { a: ['x', { b: '\u001b' }], n: 1, keep: clean };
    const shown = visibleStrings(dirty);
    expect(shown).toEqual({ a: ['x', { b: '␛' }], n: 1, keep: clean });
    expect(shown.keep).toBe(clean);
    expect(dirty.a[1]).toEqual({ b: '\u001b' });
  });
});

describe("validate's formats", () => {
  const evil = report({
    catalogues: [{ name: EVIL, root: 'lists', files: 1, departments: 0, laws: 0, powers: 1, responsibilities: 0, flows: 0 }],
    findings: [{ ...FINDINGS[0]!, message: `name ${EVIL}`, file: `lists/${EVIL}.yaml`, related: [{ ...FINDINGS[0]!.related[0]!, message: EVIL }] }],
    files: [`lists/${EVIL}.yaml`],
  });

  it('stylish shows them, with colour or without; the only escapes left are its own colours', () => {
    const plain = stylish(evil);
    expect(plain).not.toMatch(RAW);
    expect(plain).toContain(`lists/${SHOWN}.yaml:2:11  error  name ${SHOWN}`);
    expect(plain).toContain(`related: lists/powers/c.yaml:9:11  ${SHOWN}`);
    const coloured = stylish({ ...evil, color: true });
    expect(coloured).toContain(SHOWN);
    expect(coloured).not.toContain('\u001b[2J');
    expect(coloured).not.toContain('\u001b]0;');
    expect(coloured.match(/\u001b\[[0-9;]*m/g)?.length).toBe(coloured.split('\u001b').length - 1);
  });

  it('json, sarif, junit and github stay valid and carry the text with their own escaping', () => {
    expect(JSON.parse(json(evil)).findings[0].message).toBe(`name ${EVIL}`);
    expect(JSON.parse(sarif(evil)).runs[0].results[0].message.text).toContain(`name ${EVIL}`);
    expect(XMLValidator.validate(junit(evil))).toBe(true);
    // Workflow commands, one a line: the runner reads them, and they escape what they must themselves.
    expect(github(evil).trimEnd().split('\n').every((line) => line.startsWith('::'))).toBe(true);
  });
});

describe("diff's and compare's human formats", () => {
  it('diff text and markdown show a name or message with control characters', async () => {
    const result = await diffCase('reform-summary');
    result.changes[0]!.message = EVIL;
    result.changes[0]!.departmentName = EVIL;
    result.departments[0]!.name = EVIL;
    for (const format of ['text', 'markdown'] as const) {
      const text = diffFormatters[format]!({ ...result, color: format === 'text', toolVersion: '9.9.9', failOn: 'breaking' });
      // Markdown escapes the brackets of the sequence too.
      expect(text, format).toContain(format === 'text' ? SHOWN : 'PWNED␇');
      expect(text, format).not.toContain('\u001b[2J');
      expect(text, format).not.toContain('\u0007');
    }
  });

  it('compare text and markdown show them too', async () => {
    const result = await compareCatalogues(OFFICES.map((o) => path.join(FIXTURES, o)), ROOT, { reference: true, locale: 'en', workers: 0 });
    result.divergences[0]!.message = EVIL;
    result.rows[result.divergences[0]!.row]!.name = EVIL;
    for (const format of ['text', 'markdown'] as const) {
      const text = compareFormatters[format]!({ ...result, color: format === 'text', toolVersion: '9.9.9', failOn: 'breaking' });
      // Markdown escapes the brackets of the sequence too.
      expect(text, format).toContain(format === 'text' ? SHOWN : 'PWNED␇');
      expect(text, format).not.toContain('\u001b[2J');
      expect(text, format).not.toContain('\u0007');
    }
  });
});
