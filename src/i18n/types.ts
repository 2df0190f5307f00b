// The shape of a message catalogue: per rule a description and its messages; plus the CLI's own sentences.
export type RuleMessages = Record<string, { description: string; messages: Record<string, string> }>;

export type UiKey =
  | 'no-config' | 'config-folder' | 'not-found' | 'not-a-file' | 'config-invalid' | 'bad-format' | 'bad-option'
  | 'write-failed' | 'write-denied' | 'write-is-folder' | 'write-not-folder' | 'write-disk-full' | 'write-no-folder' | 'write-name-too-long' | 'internal-error' | 'rule-crashed' | 'summary-clean' | 'summary-counts' | 'summary-catalogue' | 'summary-quiet'
  | 'max-warnings' | 'severity-error' | 'severity-warning' | 'severity-info' | 'related'
  | 'git-missing' | 'not-a-repository' | 'not-a-repository-since' | 'bad-ref' | 'ref-missing' | 'ref-missing-shallow' | 'ref-missing-no-commits' | 'no-merge-base' | 'outside-repository' | 'no-catalogue-at-rev' | 'diff-absent-base' | 'diff-absent-head' | 'no-default-base' | 'diff-too-many-revisions' | 'diff-broken-side' | 'diff-broken-side-many' | 'waiver-expired' | 'waiver-unused' | 'diff-title' | 'diff-no-changes' | 'diff-department' | 'diff-items-added' | 'diff-items-cancelled' | 'diff-materials' | 'diff-promised' | 'diff-visits' | 'diff-full-online' | 'diff-fees-removed' | 'diff-total' | 'level-breaking' | 'level-notice' | 'level-info' | 'diff-waived' | 'diff-counts' | 'diff-skipped' | 'diff-details' | 'diff-changes-by-level' | 'diff-fingerprint' | 'baseline-note' | 'bad-waivers' | 'waivers-unreadable' | 'bad-waiver-entry' | 'bad-cache-location' | 'nothing-to-check' | 'hidden-elsewhere' | 'not-a-catalogue-file'
  | 'site-out-not-folder' | 'site-out-not-ours' | 'site-out-bad-manifest' | 'site-out-broken-link' | 'site-out-holds-catalogue' | 'site-out-holds-templates' | 'site-out-holds-cache' | 'site-kept' | 'site-invalid' | 'site-left-out' | 'site-shared-code' | 'site-rendering' | 'site-built' | 'site-open' | 'bad-templates' | 'bad-templates-file' | 'template-syntax' | 'template-missing-partial' | 'template-missing-helper' | 'template-failed' | 'template-helper-values' | 'template-endless' | 'template-not-utf8' | 'template-not-folder' | 'template-unreadable' | 'serve-listening' | 'serve-rebuilding' | 'serve-failed' | 'serve-watch-failed' | 'serve-port-busy' | 'serve-bad-host'
  | 'compare-too-few' | 'compare-same-catalogue';

export type UiMessages = Record<UiKey, string>;
