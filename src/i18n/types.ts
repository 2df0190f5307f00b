// The shape of a message catalogue: per rule a description and its messages; plus the CLI's own sentences.
export type RuleMessages = Record<string, { description: string; messages: Record<string, string> }>;

export type UiKey =
  | 'no-config' | 'not-found' | 'config-invalid' | 'bad-profile' | 'bad-code-pattern' | 'bad-format' | 'bad-option'
  | 'write-failed' | 'internal-error' | 'rule-crashed' | 'summary-clean' | 'summary-counts' | 'summary-catalogue'
  | 'max-warnings' | 'severity-error' | 'severity-warning' | 'severity-info' | 'related';

export type UiMessages = Record<UiKey, string>;
