// How qingdan.yaml settings keyed by id are looked up (rules, diff.levels, compare.levels): the exact id, else the
// longest `prefix/*` entry that covers it.
export function settingFor<T>(id: string, settings: Record<string, T> | undefined): T | undefined {
  if (!settings) return undefined;
  if (Object.hasOwn(settings, id)) return settings[id];
  let best: { length: number; setting: T } | undefined;
  for (const [pattern, setting] of Object.entries(settings)) {
    if (pattern.endsWith('/*') && id.startsWith(pattern.slice(0, -1)) && (!best || pattern.length > best.length)) best = { length: pattern.length, setting };
  }
  return best?.setting;
}
