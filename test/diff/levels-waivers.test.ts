// Levels from qingdan.yaml (diff.levels), waivers (diff.waivers and --waivers) and the fingerprints they rely on.
import { describe, expect, it } from 'vitest';
import { failing } from '../../src/diff/diff.js';
import { countByLevel } from '../../src/report/diff/types.js';
import { caseFiles, diffCase, diffCaseWith } from './harness.js';

const P1 = '11339921MB000000104010010000000';
const P2 = '11339921MB000000234070010000000';

/** The revision's qingdan.yaml with a diff block appended. */
function config(name: string, diffBlock: string): Record<string, string> {
  return { 'qingdan.yaml': `${caseFiles(name, 'revision')['qingdan.yaml']}diff:\n${diffBlock}` };
}

describe('diff.levels', () => {
  it('sets the level of one class by its exact id', async () => {
    const result = await diffCaseWith('material-removed', { revision: config('material-removed', '  levels:\n    material/removed: breaking\n') });
    expect(result.changes.map((c) => `${c.classId} ${c.level}`)).toEqual(['material/removed breaking']);
    expect(failing(result, 'breaking')).toHaveLength(1);
  });

  it('sets a group with a prefix/* pattern, and an exact id wins over the prefix', async () => {
    const grouped = await diffCaseWith('time-promised-lengthened', { revision: config('time-promised-lengthened', '  levels:\n    time/*: notice\n') });
    expect(grouped.changes.map((c) => `${c.classId} ${c.level}`)).toEqual(['time/promised-lengthened notice']);
    const exact = await diffCaseWith('time-promised-lengthened', { revision: config('time-promised-lengthened', '  levels:\n    time/promised-lengthened: info\n    time/*: notice\n') });
    expect(exact.changes.map((c) => `${c.classId} ${c.level}`)).toEqual(['time/promised-lengthened info']);
  });

  it('matches a prefix by whole segments only (fe/* does not cover fee/added)', async () => {
    const result = await diffCaseWith('fee-added', { revision: config('fee-added', '  levels:\n    fe/*: info\n    fee/added/*: info\n') });
    expect(result.changes.map((c) => c.level)).toEqual(['breaking']);
  });

  it('drops a class set to off from the report', async () => {
    const result = await diffCaseWith('responsibility-changed', { revision: config('responsibility-changed', '  levels:\n    responsibility/changed: off\n') });
    expect(result.changes).toEqual([]);
    expect(result.departments).toEqual([]);
  });

  it('overrides the breaking level of an unjustified new item too', async () => {
    const result = await diffCaseWith('power-added-unjustified', { revision: config('power-added-unjustified', '  levels:\n    power/added: notice\n') });
    expect(result.changes.map((c) => `${c.classId} ${c.level}`)).toEqual(['power/added notice']);
  });

  it("reads the levels of the revision's qingdan.yaml, not the base's", async () => {
    const baseConfig = `${caseFiles('fee-added', 'base')['qingdan.yaml']}diff:\n  levels:\n    fee/added: info\n`;
    const result = await diffCaseWith('fee-added', { base: { 'qingdan.yaml': baseConfig } });
    expect(result.changes.map((c) => c.level)).toEqual(['breaking']);
  });
});

describe('waivers', () => {
  const FEE_ADDED = '16f846b5a18d'; // fee/added on 食品小摊贩登记, 登记费

  it('marks an active waiver on its change, which then neither fails nor counts', async () => {
    const result = await diffCaseWith('fee-added', {
      revision: config('fee-added', `  waivers:\n    - fingerprint: ${FEE_ADDED}\n      reason: 经县政府常务会议批准\n      expires: 2026-12-31\n      approved_by: 县审改办\n`),
    });
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]!.fingerprint).toBe(FEE_ADDED);
    expect(result.changes[0]!.waiver).toEqual({ reason: '经县政府常务会议批准', expires: '2026-12-31', approvedBy: '县审改办' });
    expect(failing(result, 'breaking')).toEqual([]);
    expect(failing(result, 'notice')).toEqual([]);
    expect(countByLevel(result.changes)).toEqual({ breaking: 0, notice: 0, info: 0 });
    expect(result.notes).toEqual([]);
  });

  it('still applies a waiver on the day it expires', async () => {
    const result = await diffCaseWith('fee-added', { revision: config('fee-added', `  waivers:\n    - {fingerprint: ${FEE_ADDED}, reason: 过渡期, expires: 2026-11-22}\n`) });
    expect(result.changes[0]!.waiver).toBeDefined();
    expect(result.notes).toEqual([]);
  });

  it('says when a waiver has expired, and the change fails again', async () => {
    const result = await diffCaseWith('fee-added', { revision: config('fee-added', `  waivers:\n    - {fingerprint: ${FEE_ADDED}, reason: 过渡期, expires: 2026-11-21}\n`) });
    expect(result.changes[0]!.waiver).toBeUndefined();
    expect(failing(result, 'breaking')).toHaveLength(1);
    expect(result.notes).toEqual([`Waiver ${FEE_ADDED} (过渡期) expired on 2026-11-21 and no longer applies.`]);
    const zh = await diffCaseWith('fee-added', { revision: config('fee-added', `  waivers:\n    - {fingerprint: ${FEE_ADDED}, reason: 过渡期, expires: 2026-11-21}\n`) }, { locale: 'zh-CN' });
    expect(zh.notes).toEqual([`豁免 ${FEE_ADDED}（过渡期）已于 2026-11-21 到期，不再生效。`]);
  });

  it('says when a waiver matches no change', async () => {
    const result = await diffCaseWith('fee-added', { revision: config('fee-added', '  waivers:\n    - {fingerprint: 0123456789ab, reason: 旧豁免, expires: 2027-01-01}\n') });
    expect(result.changes[0]!.waiver).toBeUndefined();
    expect(result.notes).toEqual(['Waiver 0123456789ab (旧豁免) matches no change; it can be removed.']);
  });

  it('takes waivers from a --waivers file as well as from qingdan.yaml', async () => {
    const result = await diffCase('fee-added', { extraWaivers: [{ fingerprint: FEE_ADDED, reason: '另行批准', expires: '2027-01-01' }] });
    expect(result.changes[0]!.waiver).toEqual({ reason: '另行批准', expires: '2027-01-01' });
    expect(failing(result, 'breaking')).toEqual([]);
  });

  it('reads the waivers of the revision only (they are part of the change under review)', async () => {
    const baseConfig = `${caseFiles('fee-added', 'base')['qingdan.yaml']}diff:\n  waivers:\n    - {fingerprint: ${FEE_ADDED}, reason: 过渡期, expires: 2027-01-01}\n`;
    const result = await diffCaseWith('fee-added', { base: { 'qingdan.yaml': baseConfig } });
    expect(result.changes[0]!.waiver).toBeUndefined();
  });
});

describe('fingerprints', () => {
  it('stay the same when lines move: comments and blank lines above, items in another order and file', async () => {
    const before = (await diffCase('time-promised-lengthened')).changes[0]!;
    const powers = caseFiles('time-promised-lengthened', 'revision')['powers.yaml']!;
    const [head, first, second] = powers.split(/(?=  - code: )/);
    const moved = await diffCaseWith('time-promised-lengthened', {
      revision: { 'powers.yaml': `# 2026 年清单调整\n\n# 第二批\n${head}${second}\n\n`, 'z-more/powers.yaml': `# 移到这里\npowers:\n${first}` },
    });
    const after = moved.changes[0]!;
    expect(after.classId).toBe('time/promised-lengthened');
    expect(after.head!.file).toBe('time-promised-lengthened_revision/z-more/powers.yaml');
    expect(after.head!.line).not.toBe(before.head!.line);
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('differ for the same class on different items, and for different materials of one item', async () => {
    const powers = caseFiles('time-promised-lengthened', 'revision')['powers.yaml']!.replace('statutory: 10, promised: 3,', 'statutory: 10, promised: 4,');
    const result = await diffCaseWith('time-promised-lengthened', { revision: { 'powers.yaml': powers } });
    expect(result.changes.map((c) => c.code).sort()).toEqual([P1, P2]);
    expect(new Set(result.changes.map((c) => c.fingerprint)).size).toBe(2);

    const materials = caseFiles('material-removed', 'revision')['powers.yaml']!.replace(/ {4}materials:\n {6}- name: 食品经营许可申请书\n(?: {8}.*\n)+/, '');
    const both = await diffCaseWith('material-removed', { revision: { 'powers.yaml': materials } });
    expect(both.changes.map((c) => c.classId)).toEqual(['material/removed', 'material/removed']);
    expect(new Set(both.changes.map((c) => c.fingerprint)).size).toBe(2);
    // With no list left, the revision side points at the item (its first line, `code:`).
    expect(both.changes.map((c) => [c.head!.line, c.head!.column])).toEqual([[2, 5], [2, 5]]);
  });

  it('are 12 hex characters', async () => {
    for (const change of (await diffCase('reform-summary')).changes) expect(change.fingerprint).toMatch(/^[0-9a-f]{12}$/);
  });
});
