import { describe, expect, it } from 'vitest';
import { asSiteFolder } from '../../src/guide/build.js';

describe('messages about the site folder', () => {
  it('name the site folder, not the temporary or old folder the build works in', () => {
    const out = '/srv/www/site (v2)';
    const message = `EACCES: permission denied, open '${out}.qingdan-tmp-4242-x9z1ab/items/a.html'`;
    expect(asSiteFolder(message, out)).toBe(`EACCES: permission denied, open '${out}/items/a.html'`);
    expect(asSiteFolder(`ENOSPC: rename '${out}.qingdan-old-7-abc123' -> '${out}'`, out)).toBe(`ENOSPC: rename '${out}' -> '${out}'`);
  });

  it('leave other paths alone, including one that merely starts like the site folder', () => {
    const out = '/srv/site';
    expect(asSiteFolder("EACCES: open '/srv/site-old/x.html'", out)).toBe("EACCES: open '/srv/site-old/x.html'");
    expect(asSiteFolder("EACCES: open '/srv/siteXqingdan-tmp-1-a/x'", out)).toBe("EACCES: open '/srv/siteXqingdan-tmp-1-a/x'");
  });
});
