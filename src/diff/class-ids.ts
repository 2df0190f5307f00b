// The change classes' ids alone (DOMAIN.md §5), in the registry's order, for code that checks names against them
// without running diff: config/unknown-rule runs in every validate and build, and loading the 25 classes with their
// helpers and the compare classes cost about 50 ms of each start. registry.ts fails to compile if the two disagree.
export const CHANGE_CLASS_IDS = [
  'power/added', 'power/removed', 'power/cancelled', 'power/recoded', 'power/renamed', 'power/category-changed', 'power/delegated', 'power/suspended', 'power/parent-changed',
  'time/promised-shortened', 'time/promised-lengthened', 'time/statutory-changed',
  'material/added', 'material/removed', 'material/changed',
  'visits/reduced', 'visits/increased',
  'online/deepened', 'online/reduced',
  'fee/added', 'fee/removed', 'fee/changed',
  'basis/changed', 'responsibility/changed', 'flow/steps-changed',
] as const;
