// The typed registry of change classes (DOMAIN.md §5); ids and default levels are part of the public contract.
import type { ChangeClass } from './types.js';
import type { SameSet } from '../types/same-set.js';
import type { CHANGE_CLASS_IDS } from './class-ids.js';
import powerAdded from './classes/power-added.js';
import powerRemoved from './classes/power-removed.js';
import powerCancelled from './classes/power-cancelled.js';
import powerRecoded from './classes/power-recoded.js';
import powerRenamed from './classes/power-renamed.js';
import powerCategoryChanged from './classes/power-category-changed.js';
import powerDelegated from './classes/power-delegated.js';
import powerSuspended from './classes/power-suspended.js';
import powerParentChanged from './classes/power-parent-changed.js';
import timePromisedShortened from './classes/time-promised-shortened.js';
import timePromisedLengthened from './classes/time-promised-lengthened.js';
import timeStatutoryChanged from './classes/time-statutory-changed.js';
import materialAdded from './classes/material-added.js';
import materialRemoved from './classes/material-removed.js';
import materialChanged from './classes/material-changed.js';
import visitsReduced from './classes/visits-reduced.js';
import visitsIncreased from './classes/visits-increased.js';
import onlineDeepened from './classes/online-deepened.js';
import onlineReduced from './classes/online-reduced.js';
import feeAdded from './classes/fee-added.js';
import feeRemoved from './classes/fee-removed.js';
import feeChanged from './classes/fee-changed.js';
import basisChanged from './classes/basis-changed.js';
import responsibilityChanged from './classes/responsibility-changed.js';
import flowStepsChanged from './classes/flow-steps-changed.js';

export const changeClasses = [
  powerAdded, powerRemoved, powerCancelled, powerRecoded, powerRenamed, powerCategoryChanged, powerDelegated, powerSuspended, powerParentChanged,
  timePromisedShortened, timePromisedLengthened, timeStatutoryChanged,
  materialAdded, materialRemoved, materialChanged,
  visitsReduced, visitsIncreased,
  onlineDeepened, onlineReduced,
  feeAdded, feeRemoved, feeChanged,
  basisChanged, responsibilityChanged, flowStepsChanged,
] as const satisfies readonly ChangeClass[];

export type ChangeClassId = (typeof changeClasses)[number]['id'];

// The ids config/unknown-rule checks without loading the classes: the same set, or this does not compile.
const sameIds: SameSet<ChangeClassId, (typeof CHANGE_CLASS_IDS)[number]> = true;
void sameIds;

export const changeClassById: ReadonlyMap<string, ChangeClass> = new Map(changeClasses.map((c) => [c.id, c]));
