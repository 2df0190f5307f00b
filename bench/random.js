// The benchmarks' seeded random numbers (mulberry32): the same seed gives the same data on every machine.
export function seededRandom(seed) {
  let state = (Number(seed) >>> 0) || 1;
  return function random() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
