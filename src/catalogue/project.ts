// The part of each entry that validate's rules (and qingdan compare's divergence classes) read. Dropping the rest
// after the schema check (which sees everything) keeps a 100k-item catalogue's memory and the worker hand-over small,
// and thirty catalogues in one compare. A test runs every rule fixture both ways; compare's tests run with it.
type Shape = { [key: string]: true | Shape | [Shape] };

const CITATION: Shape = { law: true, article: true };
const CITATIONS: [Shape] = [CITATION];

const SHAPES: Record<string, Shape> = {
  departments: { id: true, name: true, credit_code: true, parent: true, level: true },
  laws: { id: true, title: true, kind: true, articles: true },
  powers: {
    code: true, name: true, category: true, department: true, basis: CITATIONS, level: true, status: true,
    parent: true, co_departments: true, delegated_by: true, flow: true, visits: true, visit_reason: true,
    time_limit: { statutory: true, promised: true, unit: true },
    special_procedures: [{ name: true, basis: CITATIONS }],
    materials: [{ name: true, required: true, condition: true, basis: CITATIONS }],
    fees: [{ name: true, standard: true, basis: CITATIONS, waivable: true, waiver_basis: CITATIONS }],
    online: { depth: true },
  },
  responsibilities: {
    power: true, department: true, duty: true,
    duties: [{ stage: true, basis: CITATIONS }],
    accountability: { basis: CITATIONS },
    boundaries: [{ with: true, basis: CITATIONS }],
  },
  flows: {
    id: true, name: true, power: true, powers: true,
    steps: [{ id: true, name: true, type: true, department: true, duration: true, unit: true, counted: true, next: true, branches: [{ to: true, when: true }] }],
  },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps the keys a shape names; anything that is not the expected kind of value is kept whole (it failed the schema). */
function pick(value: unknown, shape: Shape): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(shape)) {
    if (!(key in value)) continue;
    const child = value[key];
    if (rule === true) out[key] = child;
    else if (Array.isArray(rule)) out[key] = Array.isArray(child) ? child.map((item) => pick(item, rule[0])) : child;
    else out[key] = pick(child, rule);
  }
  return out;
}

export function projectForRules(data: unknown): unknown {
  if (!isPlainObject(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [section, items] of Object.entries(data)) {
    const shape = SHAPES[section];
    out[section] = shape && Array.isArray(items) ? items.map((item) => pick(item, shape)) : items;
  }
  return out;
}
