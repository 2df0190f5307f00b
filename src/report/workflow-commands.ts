// Escaping for GitHub Actions workflow commands (::error file=…::message), as the runner's toolkit does it.
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `file=…,line=…,col=…,endLine=…,endColumn=…` of an annotation. GitHub takes columns only on one line ("cannot be
 * sent when startLine and endLine are different values"): a place over several lines (a block scalar) gives lines only.
 */
export function positionProperties(place: { file: string; line: number; column: number; endLine: number; endColumn: number }): string {
  const oneLine = place.endLine === place.line;
  return [
    `file=${escapeProperty(place.file)}`,
    `line=${place.line}`,
    ...(oneLine ? [`col=${place.column}`] : []),
    `endLine=${place.endLine}`,
    ...(oneLine ? [`endColumn=${place.endColumn}`] : []),
  ].join(',');
}
