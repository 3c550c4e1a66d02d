// Saving a team report, a leader mirror or a department overview as a file. Both files are the
// engine's: the `json` and `csv` texts it returns beside the document, as the CLI prints them. Made in the browser; nothing is sent anywhere.

// vertrouwenswijzer-teamrapport-team-v2-2026-03-11.json
export function teamFileName(kind, assessment, version, extension, now = new Date()) {
  return `vertrouwenswijzer-${kind}-${assessment}-v${version}-${now.toISOString().slice(0, 10)}.${extension}`;
}

// The definition document of an assessment in the page's catalog, or undefined.
export function definitionOf(catalog, assessmentId) {
  return catalog.assessments.find((definition) => definition.id === assessmentId);
}
