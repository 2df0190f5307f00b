// Errors that reach the user as one sentence and exit code 2: usage and environment problems, never stack traces.
import type { MessageData, Finding } from './findings.js';
import type { UiKey } from './i18n/types.js';

export class UsageError extends Error {
  constructor(
    readonly key: UiKey,
    readonly data: MessageData = {},
    /** Findings that explain the problem, e.g. the errors in qingdan.yaml. */
    readonly findings: Finding[] = [],
  ) {
    super(key);
  }
}
