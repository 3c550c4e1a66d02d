// Saving a result as a file. The browser only offers the text as a download: the JSON is the
// engine's versioned document, the CSV is made by the engine (result_csv). Nothing is sent anywhere.

// The result document as the CLI prints it: with its random id and its date (the day only).
export function resultJson(result) {
  return JSON.stringify(result, null, 2) + "\n";
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
