import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { missingName, parseTemplate, readTemplate } from '../../src/guide/template-check.js';
import { SiteTemplates } from '../../src/guide/templates.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '../temporary.js';

function missing(text: string, partials: string[] = []): string | undefined {
  const hb = Handlebars.create();
  const error = missingName(hb, parseTemplate(hb, text, '/x/t.hbs'), '/x/t.hbs', new Set(partials));
  return error && `${error.key} ${String(error.data.name)} ${String(error.data.line)}:${String(error.data.column)}`;
}

describe('template checks', () => {
  it('finds partials and helpers that do not exist, with their place', () => {
    expect(missing('a\n {{> nope}}')).toBe('template-missing-partial nope 2:2');
    expect(missing('{{> "quoted"}}')).toBe('template-missing-partial quoted 1:1');
    expect(missing('{{#if x}}\n  {{shout name}}{{/if}}')).toBe('template-missing-helper shout 2:3');
    expect(missing('{{#each (wrap list)}}{{/each}}')).toBe('template-missing-helper wrap 1:9');
    // A name that merely starts with "this" is a helper's name like any other (only `this.x` reads the context).
    expect(missing('<footer>{{thisYear site.name}}</footer>')).toBe('template-missing-helper thisYear 1:9');
  });

  it('leaves alone what exists or is only known while rendering', () => {
    expect(missing('{{> footer}}', ['footer'])).toBeUndefined();
    expect(missing('{{#*inline "row"}}r{{/inline}}{{> row}}{{> @partial-block}}{{#> absent}}fallback{{/absent}}{{> (lookup . "p")}}')).toBeUndefined();
    expect(missing('{{site.name}} {{name}} {{#section}}{{/section}} {{this.fn 1}} {{@root.x}} {{../y}}')).toBeUndefined();
    expect(missing('{{#each list}}{{lookup ../map this}}{{/each}}{{#with a}}{{/with}}{{log 1}}')).toBeUndefined();
  });

  it('finds a helper given the wrong number of values, Handlebars\' and ours, where it is written', () => {
    expect(missing('{{#if}}{{/if}}')).toBe('template-helper-values if 1:1');
    expect(missing('a\n  {{#each list other}}{{/each}}')).toBe('template-helper-values each 2:3');
    expect(missing('{{lookup map}}')).toBe('template-helper-values lookup 1:1');
    expect(missing('{{#with}}x{{/with}}')).toBe('template-helper-values with 1:1');
    const folder = temporaryFolder('qingdan-values-');
    mkdirSync(path.join(folder, 'partials'));
    const footer = path.join(folder, 'partials', 'footer.hbs');
    for (const [text, expected] of [
      ['<p>\n {{url}}</p>', 'url 2:2 0'],
      ['{{eq site.name}}', 'eq 1:1 1'],
      ['{{t}}', 't 1:1 0'],
    ] as const) {
      writeFileSync(footer, text);
      let caught: unknown;
      try {
        new SiteTemplates('zh-CN', [folder]);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UsageError);
      const { key, data } = caught as UsageError;
      expect(`${key} ${String(data.name)} ${String(data.line)}:${String(data.column)} ${String(data.given)}`).toBe(`template-helper-values ${expected}`);
      expect(data.file).toBe(footer);
    }
  });

  it('names the partials that include themselves when a page never ends, and lets recursion that stops be', () => {
    const folder = temporaryFolder('qingdan-endless-');
    mkdirSync(path.join(folder, 'partials'));
    const footer = path.join(folder, 'partials', 'footer.hbs');
    writeFileSync(footer, '<footer>{{> footer}}</footer>');
    let caught: unknown;
    try {
      new SiteTemplates('zh-CN', [folder]).render('data', { site: { name: 'x' }, rootPrefix: '', files: [], breadcrumbs: [] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).key).toBe('template-endless');
    expect((caught as UsageError).data.partials).toBe(footer);
    // A partial that includes itself until a value runs out is fine.
    writeFileSync(footer, '{{#if depth.length}}[{{> footer depth=depth.rest}}]{{/if}}');
    const page = new SiteTemplates('zh-CN', [folder]).render('data', { site: { name: 'x' }, rootPrefix: '', files: [], breadcrumbs: [], depth: { length: 1, rest: { length: 1, rest: {} } } });
    expect(page).toContain('[[]]');
  });

  it('gives a syntax error as a usage error at the token the parser stopped on', () => {
    const hb = Handlebars.create();
    let caught: unknown;
    try {
      parseTemplate(hb, 'ok\n{{#if a}}\n{{else}}{{{x}}\n', '/x/t.hbs');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).data).toMatchObject({ file: '/x/t.hbs', line: 3, column: 13 });
  });

  it('reads UTF-8 templates, and names the line and column of the first byte that is not', () => {
    const dir = temporaryFolder('qingdan-template-');
    const write = (name: string, ...parts: Array<string | number[]>) => {
      const file = path.join(dir, name);
      writeFileSync(file, Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part)))));
      return file;
    };
    expect(readTemplate(write('ok.hbs', '<p>办事指南</p>\n'))).toBe('<p>办事指南</p>\n');
    const place = (file: string) => {
      try {
        readTemplate(file);
      } catch (error) {
        const { key, data } = error as UsageError;
        return `${key} ${String(data.line)}:${String(data.column)}`;
      }
      return 'read';
    };
    // 办 in GB18030 on line 3, after "甲乙" (two characters): column 3; a lone continuation byte at the very start.
    expect(place(write('gb.hbs', 'a\nb\n甲乙', [0xb0, 0xec], '\n'))).toBe('template-not-utf8 3:3');
    expect(place(write('start.hbs', [0x80], 'x'))).toBe('template-not-utf8 1:1');
    expect(place(write('last.hbs', 'x\n', [0xff]))).toBe('template-not-utf8 2:1');
    // Read as catalogue files are: a byte-order mark is not text of the page, UTF-16 is named at its start.
    expect(readTemplate(write('bom.hbs', [0xef, 0xbb, 0xbf], '<p>x</p>'))).toBe('<p>x</p>');
    expect(place(write('utf16.hbs', [0xff, 0xfe, 0x3c, 0x00]))).toBe('template-not-utf8 1:1');
  });
});
