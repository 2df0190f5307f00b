// junit: one test suite per file, one failing test case per finding, for CI systems that show test reports.
import type { Formatter } from './types.js';

/**
 * XML 1.0 forbids most control characters even when escaped: they are dropped. In an attribute, tab and line feed
 * are written as references too, or a parser turns them into spaces; text keeps them as they are (read back
 * unchanged there). CR is a reference in both, or it becomes LF.
 */
function escapeXml(text: string, where: 'attribute' | 'text' = 'attribute'): string {
  const escaped = text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
  return where === 'attribute' ? escaped.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;') : escaped;
}

const junit: Formatter = (report) => {
  const byFile = new Map<string, typeof report.findings>();
  for (const file of report.files) byFile.set(file, []);
  for (const finding of report.findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  const failures = report.findings.filter((f) => f.severity !== 'info').length;
  // A clean file is one passing test case; the total is the sum of the suites' counts, as readers check.
  let tests = 0;
  for (const findings of byFile.values()) tests += Math.max(1, findings.length);
  lines.push(`<testsuites name="qingdan validate" tests="${tests}" failures="${failures}">`);
  for (const [file, findings] of byFile) {
    const failing = findings.filter((f) => f.severity !== 'info').length;
    lines.push(`  <testsuite name="${escapeXml(file)}" tests="${Math.max(1, findings.length)}" failures="${failing}" errors="0">`);
    if (!findings.length) lines.push(`    <testcase name="${escapeXml(file)}" classname="qingdan"/>`);
    for (const finding of findings) {
      const name = `${file}:${finding.line}:${finding.column} ${finding.ruleId}`;
      lines.push(`    <testcase name="${escapeXml(name)}" classname="${escapeXml(finding.ruleId)}">`);
      const body = [`${file}:${finding.line}:${finding.column}`, finding.message, ...finding.related.map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`)].join('\n');
      if (finding.severity === 'info') lines.push(`      <system-out>${escapeXml(body, 'text')}</system-out>`);
      else lines.push(`      <failure message="${escapeXml(finding.message)}" type="${finding.severity}">${escapeXml(body, 'text')}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
};

export default junit;
