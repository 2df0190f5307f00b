// sarif: SARIF 2.1.0 for code-scanning uploads (GitHub, GitLab, Azure DevOps).
import { allRules } from '../rules/index.js';
import { ruleDescription } from '../i18n/index.js';
import { jsonPath, type Finding, type Severity } from '../findings.js';
import type { Formatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A display path as a relative URI reference: each segment percent-encoded, so `#`, `?` and `%` in a name stay part
 * of the path (encodeURI left `a#b.yaml` to be read as `a` with a fragment) and a `:` cannot be taken for a scheme.
 */
export function pathUri(file: string): string {
  // RFC 3986 allows sub-delimiters and @ in a path segment: kept as typed (a,b.yaml), like encodeURI did.
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%(2C|3B|3D|2B|24|26|40)/g, (escaped) => decodeURIComponent(escaped)))
    .join('/');
}

function location(file: string, span: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>) {
  return {
    physicalLocation: {
      artifactLocation: { uri: pathUri(file), uriBaseId: '%SRCROOT%' },
      region: { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn },
    },
  };
}

const sarif: Formatter = (report) => {
  const rules = allRules.map((rule) => ({
    id: rule.id,
    name: rule.id,
    shortDescription: { text: ruleDescription(report.locale, rule.id) },
    fullDescription: { text: `${ruleDescription('zh-CN', rule.id)} ${ruleDescription('en', rule.id)}` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    // No helpUri: the project has no published address yet; the rule's own words travel with the log instead.
    help: { text: `${ruleDescription('zh-CN', rule.id)} ${ruleDescription('en', rule.id)} (docs/rules.md#${rule.id.replace(/[^a-z0-9]+/g, '')})` },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = report.findings.map((finding) => ({
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ ...location(finding.file, finding), logicalLocations: [{ fullyQualifiedName: jsonPath(finding.path) }] }],
    ...(finding.related.length
      ? { relatedLocations: finding.related.map((related, id) => ({ id, ...location(related.file, related), message: { text: related.message } })) }
      : {}),
    // Stable across line moves: what is wrong and where in the document, not on which line.
    partialFingerprints: { 'qingdanPath/v1': `${finding.ruleId}|${finding.file}|${jsonPath(finding.path)}` },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'qingdan', version: report.toolVersion, semanticVersion: report.toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

export default sarif;
