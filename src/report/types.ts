// What every formatter receives; formatters are pure functions of it.
import type { Finding, Locale } from '../findings.js';
import type { CatalogueSummary } from '../validate.js';

export interface Report {
  locale: Locale;
  catalogues: CatalogueSummary[];
  findings: Finding[];
  /** Every file that was checked (display paths), clean ones included. */
  files: string[];
  /** File texts for code frames. */
  sources: ReadonlyMap<string, string>;
  color: boolean;
  toolVersion: string;
  /** Warnings and infos --quiet left out of `findings`: a report without findings is then not "clean". */
  quietHidden?: number;
}

export type Formatter = (report: Report) => string;

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
