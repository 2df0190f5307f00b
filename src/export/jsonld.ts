// The catalogue as JSON-LD: schema.org types where one fits (GovernmentService, GovernmentOrganization, Legislation),
// every other field in qingdan's own vocabulary, and references (department, law, power) as links between nodes.
import type { Catalogue } from '../catalogue/model.js';
import { labelOf } from '../tables/values.js';

/** The vocabulary of format v1: field names as terms. A URN, so no one is sent to a web address that does not exist. */
export const VOCABULARY = 'urn:qingdan:format:v1#';

export function catalogueToJsonLd(catalogue: Catalogue, baseUrl?: string): string {
  const context = {
    '@vocab': VOCABULARY,
    ...(baseUrl ? { '@base': baseUrl } : {}),
    schema: 'https://schema.org/',
    parent: { '@type': '@id' },
    law: { '@type': '@id' },
    power: { '@type': '@id' },
    powers: { '@type': '@id' },
    flow: { '@type': '@id' },
    co_departments: { '@type': '@id' },
    delegated_by: { '@type': '@id' },
    with: { '@type': '@id' },
    // Order is meaning here (the steps of a flow, the numbered conditions, the materials as the guide lists them):
    // without a list container RDF readers get an unordered set.
    steps: { '@container': '@list' },
    conditions: { '@container': '@list' },
    materials: { '@container': '@list' },
    duties: { '@container': '@list' },
    tasks: { '@container': '@list' },
  };
  const departmentId = (id: string) => `department/${encodeURIComponent(id)}`;
  const lawId = (id: string) => `law/${encodeURIComponent(id)}`;
  const powerId = (code: string) => `power/${encodeURIComponent(code)}`;
  const flowId = (id: string) => `flow/${encodeURIComponent(id)}`;
  const linkCitations = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(linkCitations);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = key === 'law' && typeof child === 'string' ? lawId(child) : linkCitations(child);
    return out;
  };
  const graph: unknown[] = [];
  for (const { value: d } of catalogue.sections.departments) {
    graph.push({
      '@id': departmentId(d.id), '@type': 'schema:GovernmentOrganization', 'schema:name': d.name,
      ...(d.credit_code ? { 'schema:identifier': d.credit_code } : {}),
      ...d, ...(d.parent ? { parent: departmentId(d.parent) } : {}),
    });
  }
  for (const { value: law } of catalogue.sections.laws) {
    graph.push({ '@id': lawId(law.id), '@type': 'schema:Legislation', 'schema:name': law.title, 'schema:legislationType': labelOf('lawKind', law.kind), ...law });
  }
  for (const { value: power } of catalogue.sections.powers) {
    graph.push({
      ...(linkCitations(power) as object),
      '@id': powerId(power.code), '@type': 'schema:GovernmentService', 'schema:name': power.name, 'schema:identifier': power.code,
      'schema:serviceType': labelOf('category', power.category), 'schema:provider': { '@id': departmentId(power.department) },
      ...(catalogue.config.region ? { 'schema:areaServed': catalogue.config.region } : {}),
      department: { '@id': departmentId(power.department) },
      ...(power.parent ? { parent: powerId(power.parent) } : {}),
      ...(power.flow ? { flow: flowId(power.flow) } : {}),
      ...(power.co_departments ? { co_departments: power.co_departments.map(departmentId) } : {}),
      ...(power.delegated_by ? { delegated_by: departmentId(power.delegated_by) } : {}),
    });
  }
  for (const { value: entry } of catalogue.sections.responsibilities) {
    const linked = linkCitations(entry) as Record<string, unknown>;
    if ('power' in entry) graph.push({ '@type': 'Responsibility', ...linked, power: powerId(entry.power) });
    else {
      const boundaries = entry.boundaries?.map((boundary, i) => ({ ...(linked.boundaries as object[])[i], with: departmentId(boundary.with) }));
      graph.push({ '@type': 'DepartmentResponsibility', ...linked, department: { '@id': departmentId(entry.department) }, ...(boundaries ? { boundaries } : {}) });
    }
  }
  for (const { value: flow } of catalogue.sections.flows) {
    graph.push({
      '@id': flowId(flow.id), '@type': 'Flow', ...flow,
      ...(flow.power ? { power: powerId(flow.power) } : {}),
      ...(flow.powers ? { powers: flow.powers.map(powerId) } : {}),
    });
  }
  return `${JSON.stringify({ '@context': context, '@graph': graph }, null, 2)}\n`;
}
