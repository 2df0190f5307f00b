// Every rule id, for checks that talk about rules themselves; filled by the registry to avoid an import cycle.
let ids: string[] = [];

export function setRuleIds(list: string[]): void {
  ids = list;
}

export function ruleIds(): string[] {
  return ids;
}
