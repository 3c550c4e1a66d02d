// The result: text first, then a table, then a simple bar chart of the same figures.

import { TEKSTEN } from "./teksten.mjs";
import { fileName, offerDownload, resultCsv, resultJson } from "./downloads.mjs";
import { element, paragraph, scrollable, SVG, svgElement } from "./dom.mjs";

const decimal = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

// Shown numbers: the position as a whole number, the mean with one decimal (Dutch comma).
export const formatScore = (score) => String(Math.round(score));
export const formatMean = (mean) => decimal.format(mean);

// Render the engine's result document into the container, replacing what was there.
// definition is the assessment's definition document (for question numbers and answer labels);
// guidance maps a dimension id to the pages that help with it: [{title, href}].
export function renderResult(container, result, definition, guidance = {}) {
  const byId = new Map(result.dimensions.map((dimension) => [dimension.id, dimension]));
  const parts = [];

  parts.push(paragraph(
    result.overall
      ? TEKSTEN.totaal(formatScore(result.overall.score), result.overall.band.label)
      : TEKSTEN.totaalOntbreekt,
    "zelftest-totaal",
  ));
  const profile = result.profile;
  if (profile.strongest && profile.weakest) {
    parts.push(paragraph(
      profile.spread_is_meaningful
        ? TEKSTEN.sterkZwak(byId.get(profile.strongest).title, byId.get(profile.weakest).title)
        : TEKSTEN.verschilKlein(decimal.format(profile.meaningful_difference)),
      "zelftest-profiel",
    ));
  } else {
    parts.push(paragraph(TEKSTEN.geenProfiel, "zelftest-profiel"));
  }
  // Question numbers as the form shows them: the definition's item order, counting from 1.
  const dontKnow = definition.items
    .map((item, index) => [item, index + 1])
    .filter(([item]) => item.id in result.answers && result.answers[item.id] === null)
    .map(([, number]) => number);
  if (dontKnow.length > 0) parts.push(paragraph(TEKSTEN.weetNiet(dontKnow), "zelftest-weet-niet-aantal"));

  parts.push(scrollable(table(result), TEKSTEN.tabelBijschrift));
  parts.push(chart(result));

  const bandsHeading = element("h3", TEKSTEN.bandenKop);
  const bands = element("dl", null, "zelftest-banden");
  for (const dimension of result.dimensions) {
    bands.append(element("dt", dimension.title));
    const text = element(
      "dd",
      dimension.band
        ? `${dimension.band.label}. ${dimension.band.text}`
        : TEKSTEN.teWeinigUitleg(dimension.answered, dimension.min_answered),
    );
    const pages = guidance[dimension.id] || [];
    if (pages.length > 0) {
      const more = element("span", `${TEKSTEN.leesVerder} `, "zelftest-lees-verder");
      pages.forEach((target, index) => {
        const link = element("a", target.title);
        link.href = target.href;
        more.append(link, index < pages.length - 1 ? ", " : ".");
      });
      text.append(" ", more);
    }
    bands.append(text);
  }
  parts.push(bandsHeading, bands);

  const notes = element("div", null, "zelftest-kanttekeningen");
  const example = answerAt(definition.scale, 75);
  notes.append(
    paragraph(example ? `${TEKSTEN.geenNormgroep} ${TEKSTEN.normVoorbeeld(example)}` : TEKSTEN.geenNormgroep),
    paragraph(TEKSTEN.verschilBetekenis(decimal.format(profile.meaningful_difference))),
    paragraph(TEKSTEN.zelfbeeld),
    paragraph(TEKSTEN.privacy),
  );
  parts.push(notes, actions(result));
  container.replaceChildren(...parts);
}

// The label of the answer option at this position (0-100), lower case; null when none lies
// exactly there. The engine's definition document gives each option's position.
function answerAt(scale, position) {
  const option = scale.options.find((candidate) => candidate.position === position);
  return option ? option.label.charAt(0).toLowerCase() + option.label.slice(1) : null;
}

function actions(result) {
  const box = element("div", null, "zelftest-acties");
  box.append(element("h3", TEKSTEN.bewaarKop), paragraph(TEKSTEN.bewaarUitleg));
  const buttons = [
    [TEKSTEN.downloadJson, "json", () => offerDownload(fileName(result, "json"), resultJson(result), "application/json")],
    [TEKSTEN.downloadCsv, "csv", () => offerDownload(fileName(result, "csv"), resultCsv(result), "text/csv;charset=utf-8")],
    [TEKSTEN.afdrukken, "print", () => window.print()],
  ];
  for (const [label, kind, action] of buttons) {
    const button = element("button", label, "md-button zelftest-knop");
    button.type = "button";
    button.dataset.actie = kind;
    button.addEventListener("click", action);
    box.append(button);
  }
  return box;
}

function table(result) {
  const scale = `${result.scale.min}-${result.scale.max}`;
  const tableElement = element("table", null, "zelftest-tabel");
  tableElement.append(element("caption", TEKSTEN.tabelBijschrift));
  const head = element("thead");
  const headRow = element("tr");
  TEKSTEN.kolommen.forEach((label, index) => {
    const cell = element("th", index === 1 ? `${label} (${scale})` : label);
    cell.scope = "col";
    headRow.append(cell);
  });
  head.append(headRow);
  const body = element("tbody");
  for (const dimension of result.dimensions) {
    body.append(row(dimension.title, dimension, TEKSTEN.beantwoord(dimension.answered, dimension.items), dimension.id));
  }
  const foot = element("tfoot");
  const { answered, items } = result.totals;
  foot.append(row(TEKSTEN.totaalRij, result.overall, TEKSTEN.beantwoord(answered, items), "totaal"));
  tableElement.append(head, body, foot);
  return tableElement;
}

function row(title, scored, answered, key) {
  const tr = element("tr");
  tr.dataset.dimensie = key;
  const header = element("th", title);
  header.scope = "row";
  tr.append(header);
  if (scored && scored.mean !== null && scored.mean !== undefined) {
    tr.append(
      element("td", formatMean(scored.mean), "zelftest-gemiddelde"),
      element("td", formatScore(scored.score), "zelftest-score"),
      element("td", scored.band.label, "zelftest-band"),
    );
  } else {
    const missing = element("td", TEKSTEN.teWeinig, "zelftest-ontbreekt");
    missing.colSpan = 3;
    tr.append(missing);
  }
  tr.append(element("td", answered));
  return tr;
}

// A horizontal bar per dimension on the 0-100 scale, its title above it so that the chart stays
// narrow and readable on a phone. It repeats the table, so it is one labelled image.
function chart(result) {
  const width = 460;
  const barWidth = 400;
  const rowHeight = 52;
  const height = result.dimensions.length * rowHeight + 24;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "zelftest-grafiek");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", TEKSTEN.grafiekLabel);
  result.dimensions.forEach((dimension, index) => {
    const y = index * rowHeight;
    svg.append(svgElement("text", { x: 0, y: y + 16, class: "zelftest-grafiek-label" }, dimension.title));
    svg.append(svgElement("rect", { x: 0, y: y + 22, width: barWidth, height: 20, class: "zelftest-grafiek-achtergrond" }));
    if (dimension.score !== null) {
      svg.append(svgElement("rect", { x: 0, y: y + 22, width: (barWidth * dimension.score) / 100, height: 20, class: "zelftest-grafiek-balk" }));
      svg.append(svgElement("text", { x: barWidth + 8, y: y + 37, class: "zelftest-grafiek-waarde" }, formatScore(dimension.score)));
    } else {
      svg.append(svgElement("text", { x: 8, y: y + 37, class: "zelftest-grafiek-waarde" }, TEKSTEN.teWeinig));
    }
  });
  const axisY = result.dimensions.length * rowHeight + 14;
  for (const tick of [0, 25, 50, 75, 100]) {
    const anchor = tick === 0 ? "start" : tick === 100 ? "end" : "middle";
    svg.append(svgElement("text", { x: (barWidth * tick) / 100, y: axisY, "text-anchor": anchor, class: "zelftest-grafiek-as" }, String(tick)));
  }
  return svg;
}
