// The divergence classes' ids alone, in the registry's order, for config/unknown-rule (see diff/class-ids.ts).
// registry.ts fails to compile if the two disagree.
export const DIVERGENCE_CLASS_IDS = [
  'standard/name', 'standard/category', 'standard/basis', 'standard/material-extra', 'standard/material-missing', 'standard/time', 'standard/visits', 'standard/fees',
  'standard/online', 'standard/missing', 'standard/extra',
] as const;
