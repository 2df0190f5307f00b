// The typed registry of divergence classes (issue: qingdan compare); ids and default levels are a public contract.
import type { DivergenceClass } from './types.js';
import type { SameSet } from '../types/same-set.js';
import type { DIVERGENCE_CLASS_IDS } from './class-ids.js';
import name from './classes/name.js';
import category from './classes/category.js';
import basis from './classes/basis.js';
import materialExtra from './classes/material-extra.js';
import materialMissing from './classes/material-missing.js';
import time from './classes/time.js';
import visits from './classes/visits.js';
import fees from './classes/fees.js';
import online from './classes/online.js';
import missing from './classes/missing.js';
import extra from './classes/extra.js';

export const divergenceClasses = [
  name, category, basis, materialExtra, materialMissing, time, visits, fees, online, missing, extra,
] as const satisfies readonly DivergenceClass[];

export type DivergenceClassId = (typeof divergenceClasses)[number]['id'];

// The ids config/unknown-rule checks without loading the classes: the same set, or this does not compile.
const sameIds: SameSet<DivergenceClassId, (typeof DIVERGENCE_CLASS_IDS)[number]> = true;
void sameIds;

export const divergenceClassById: ReadonlyMap<string, DivergenceClass> = new Map(divergenceClasses.map((c) => [c.id, c]));
