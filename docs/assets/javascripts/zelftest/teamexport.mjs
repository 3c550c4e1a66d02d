// Saving a team report or a leader mirror as a file: JSON (the engine's document, as the CLI
// prints it) and CSV (for a spreadsheet). Made in the browser; nothing is sent anywhere.

import { TEKSTEN } from "./teksten.mjs";

// The engine's document as `python -m assessments team` (or `mirror`) prints it.
export function documentJson(document) {
  return JSON.stringify(document, null, 2) + "\n";
}

// One row per dimension, a total row, one row per item and one per file left out. Numbers are
// the engine's, unrounded, with a decimal comma; counts of every answer follow as extra columns.
export function teamCsv(report, catalog) {
  const definition = definitionOf(catalog, report.assessment);
  const values = definition ? definition.scale.options.map((option) => option.value) : [];
  const kind = TEKSTEN.teamCsvSoort;
  const rows = [[...TEKSTEN.teamCsvKolommen, ...values.map((value) => `antwoord_${value}`)]];
  const base = (soort, id, title, dimension) => [soort, report.assessment, report.version, id, title, dimension];
  for (const d of report.dimensions) {
    rows.push([
      ...base(kind.dimensie, d.id, d.title, d.id),
      d.n, number(d.mean), number(d.sd), number(d.score), d.band ? d.band.label : TEKSTEN.teWeinigRespondenten,
      number(d.rwg), d.agreement ?? "", number(d.alpha), d.alpha_n, "",
    ]);
  }
  const overall = report.overall;
  rows.push([
    ...base(kind.totaal, "totaal", TEKSTEN.totaalRij, ""),
    report.respondents, number(overall && overall.mean), "", number(overall && overall.score),
    overall ? overall.band.label : TEKSTEN.teWeinigRespondenten, "", "", "", "", "",
  ]);
  const texts = new Map((definition ? definition.items : []).map((item) => [item.id, item.text]));
  for (const item of report.items) {
    rows.push([
      ...base(kind.vraag, item.id, texts.get(item.id) ?? item.id, item.dimension),
      item.n, number(item.mean), number(item.sd), "", "", "", "", "", "", item.dont_know,
      ...values.map((value) => (item.counts ? item.counts[String(value)] : "")),
    ]);
  }
  for (const entry of report.left_out) {
    rows.push([kind.afgevallen, report.assessment, report.version, entry.file, entry.reason]);
  }
  return csv(rows);
}

// One row per dimension: own position, the team's, the difference and whether it is meaningful.
export function mirrorCsv(mirror) {
  const rows = [TEKSTEN.spiegelCsvKolommen];
  for (const d of mirror.dimensions) {
    rows.push([
      d.id, d.title, number(d.self), number(d.team), number(d.difference),
      d.meaningful === null ? "" : d.meaningful ? TEKSTEN.ja : TEKSTEN.nee,
    ]);
  }
  return csv(rows);
}

// vertrouwenswijzer-teamrapport-team-v1-2026-03-11.json
export function teamFileName(kind, assessment, version, extension, now = new Date()) {
  return `vertrouwenswijzer-${kind}-${assessment}-v${version}-${now.toISOString().slice(0, 10)}.${extension}`;
}

// The definition document of an assessment in the page's catalog, or undefined.
export function definitionOf(catalog, assessmentId) {
  return catalog.assessments.find((definition) => definition.id === assessmentId);
}

// ---- Helper functions ----

function number(value) {
  return value === null || value === undefined ? "" : String(value).replace(".", ",");
}

// Semicolons, CRLF and a byte order mark, so that Dutch Excel reads the accents.
function csv(rows) {
  return "\ufeff" + rows.map((row) => row.map(cell).join(";")).join("\r\n") + "\r\n";
}

// A cell as CSV text. A file name or reason comes from someone else's file: a cell that starts
// like a formula (= + - @, tab, return) gets a leading ' so a spreadsheet shows it as text.
// Our own numbers (-12,5) stay numbers.
function cell(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-\d+(,\d+)?(e-?\d+)?$/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
