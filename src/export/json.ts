// The catalogue as one JSON document (open data): the same fields and values as the YAML, sections in format order.
import type { Catalogue } from '../catalogue/model.js';

export function catalogueData(catalogue: Catalogue): Record<string, unknown> {
  const { name, region } = catalogue.config;
  return {
    format: 'qingdan/v1',
    name,
    ...(region ? { region } : {}),
    departments: catalogue.sections.departments.map((e) => e.value),
    laws: catalogue.sections.laws.map((e) => e.value),
    powers: catalogue.sections.powers.map((e) => e.value),
    responsibilities: catalogue.sections.responsibilities.map((e) => e.value),
    flows: catalogue.sections.flows.map((e) => e.value),
  };
}

export function catalogueToJson(catalogue: Catalogue): string {
  return `${JSON.stringify(catalogueData(catalogue), null, 2)}\n`;
}
