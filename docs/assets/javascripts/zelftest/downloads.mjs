// Saving a result as a file: JSON (the engine's versioned document) and CSV (for a spreadsheet).
// The file is made in the browser; nothing is sent anywhere.

import { TEKSTEN } from "./teksten.mjs";

// The result document as the CLI prints it: with its random id and its date (the day only).
export function resultJson(result) {
  return JSON.stringify(result, null, 2) + "\n";
}

// One row per dimension and a total row; semicolons and decimal commas, as Dutch Excel expects.
export function resultCsv(result) {
  const number = (value) => (value === null || value === undefined ? "" : String(value).replace(".", ","));
  const rows = [TEKSTEN.csvKolommen];
  for (const dimension of result.dimensions) {
    rows.push([
      result.assessment, result.version, dimension.id, dimension.title,
      number(dimension.mean), number(dimension.score), dimension.band ? dimension.band.label : TEKSTEN.teWeinig,
      dimension.answered, dimension.items, dimension.dont_know,
    ]);
  }
  const overall = result.overall;
  rows.push([
    result.assessment, result.version, "totaal", TEKSTEN.totaalRij,
    number(overall && overall.mean), number(overall && overall.score), overall ? overall.band.label : TEKSTEN.teWeinig,
    result.totals.answered, result.totals.items, result.totals.dont_know,
  ]);
  // A byte order mark lets Excel read the file as UTF-8 (accents in titles).
  return "\ufeff" + rows.map((row) => row.map(csvCell).join(";")).join("\r\n") + "\r\n";
}

// The file's name carries the result's own date (the engine's, the day only).
export function fileName(result, extension) {
  return `vertrouwenswijzer-${result.assessment}-v${result.version}-${result.created}.${extension}`;
}

// Let the browser save text as a file.
export function offerDownload(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvCell(value) {
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
