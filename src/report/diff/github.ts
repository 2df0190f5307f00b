// github: annotations on the changed lines of the pull request (head side, or the base side for a removal).
import { escapeData, escapeProperty, positionProperties } from '../workflow-commands.js';
import type { DiffFormatter } from './types.js';

const COMMAND = { breaking: 'error', notice: 'warning', info: 'notice' } as const;

const github: DiffFormatter = (report) =>
  report.changes
    .filter((change) => !change.waiver)
    .map((change) => {
      const place = change.head ?? change.base;
      const position = place ? `${positionProperties(place)},` : '';
      return `::${COMMAND[change.level]} ${position}title=${escapeProperty(change.classId)}::${escapeData(`${change.message} (${change.fingerprint})`)}\n`;
    })
    .join('');

export default github;
