// Saving a team report, a leader mirror or a department overview as a file. Both files are the
// engine's: the JSON is its document as the CLI prints it, the CSV is the `csv` text the engine
// returns beside the document. Made in the browser; nothing is sent anywhere.

// The engine's document as `python -m assessments team` (or `mirror`, `overview`) prints it.
export function documentJson(document) {
  return JSON.stringify(document, null, 2) + "\n";
}

// vertrouwenswijzer-teamrapport-team-v2-2026-03-11.json
export function teamFileName(kind, assessment, version, extension, now = new Date()) {
  return `vertrouwenswijzer-${kind}-${assessment}-v${version}-${now.toISOString().slice(0, 10)}.${extension}`;
}

// The definition document of an assessment in the page's catalog, or undefined.
export function definitionOf(catalog, assessmentId) {
  return catalog.assessments.find((definition) => definition.id === assessmentId);
}
