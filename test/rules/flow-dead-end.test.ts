// flow/dead-end: fixture cases plus each message id and where it points.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'flow-dead-end';

function deadEnds(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'flow/dead-end');
}

describe('flow/dead-end', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('no-next: a task that leads nowhere', () => {
    const [finding] = deadEnds('task-without-next');
    expect(finding!.severity).toBe('error');
    expect(finding!.message).toBe('Step reject (出具不予受理决定书) has no next step (next or branches); the flow stops here.');
    expect(finding!.messages['zh-CN']).toBe('步骤 reject（出具不予受理决定书）没有下一步（next 或 branches），流程会停在这里。');
    expect(finding!.path).toEqual(['flows', 0, 'steps', 4, 'id']);
  });

  it('end-with-next: an end step that leads on', () => {
    const findings = deadEnds('end-with-next');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('End step done (办结) must not lead on.');
    expect(findings[0]!.messages['zh-CN']).toBe('结束步骤 done（办结）不应再有下一步。');
    expect(findings[0]!.path).toEqual(['flows', 0, 'steps', 5, 'id']);
  });

  it('no-exit: every step trapped in a loop through a decision that never reaches an end', () => {
    const findings = deadEnds('trapped-loop');
    expect(findings.map((f) => f.message)).toEqual([
      'No end step can be reached from step inspect (现场核查).',
      'No end step can be reached from step passed (核查是否通过).',
      'No end step can be reached from step rectify (限期整改).',
    ]);
    expect(findings.map((f) => f.path)).toEqual([
      ['flows', 0, 'steps', 6, 'id'],
      ['flows', 0, 'steps', 7, 'id'],
      ['flows', 0, 'steps', 8, 'id'],
    ]);
    expect(findings[0]!.messages['zh-CN']).toBe('从步骤 inspect（现场核查）无法走到任何结束步骤。');
  });

  it('leaves a mistyped next to ref/step instead of flagging every step before it', () => {
    const { result } = runCase(RULE, 'unknown-next-left-to-ref-step');
    expect(result.findings.map((f) => f.ruleId)).toEqual(['ref/step', 'flow/unreachable']);
  });
});
