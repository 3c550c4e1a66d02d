// A team report and a leader mirror on screen: text first, then tables, then bars of the same
// figures. Faces render, the engine computes: every number here comes from the engine's document
// and is only formatted (Dutch decimal comma). Text from files (names, reasons) is set as text.

import { TEKSTEN } from "./teksten.mjs";
import { offerDownload } from "./downloads.mjs";
import { definitionOf, documentJson, mirrorCsv, teamCsv, teamFileName } from "./teamexport.mjs";
import { barChart, element, heading, paragraph, scrollable } from "./dom.mjs";

const twoDecimals = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });

// Only the team pages still format their figures here (the individual result shows the engine's
// own text, shown_mean and shown_score): a position as a whole number, a mean with one decimal.
const formatScore = (score) => String(Math.round(score));
const formatMean = (mean) => oneDecimal.format(mean);

// sd, r_wg and alpha with two decimals; a difference of positions signed ("+12", "-27", "0").
const formatTwo = (value) => twoDecimals.format(value);
const formatDifference = (value) => {
  const shown = formatScore(value);
  return value > 0 && shown !== "0" ? `+${shown}` : shown;
};

// Render the engine's team report into the container, replacing what was there. catalog is the
// page's catalog document (definitions and limits). level is the heading level of the report's
// sections; actions adds the buttons to save and print it (data-download="json" and "csv").
export function renderTeamReport(container, report, catalog, { level = 3, actions = true } = {}) {
  const definition = definitionOf(catalog, report.assessment);
  const limits = catalog.limits;
  const parts = [
    ...teamSummary(report, limits.min_respondents),
    scrollable(dimensionTable(report, definition, limits), TEKSTEN.teamTabelBijschrift),
    teamChart(
      TEKSTEN.teamGrafiekLabel,
      report.dimensions.map((dimension) => ({ title: dimension.title, bars: [{ score: dimension.score }] })),
    ),
    heading(level, TEKSTEN.vragenKop),
    paragraph(TEKSTEN.vragenUitleg(limits.min_respondents)),
  ];
  if (definition) parts.push(legend(definition.scale));
  for (const dimension of report.dimensions) {
    parts.push(scrollable(itemTable(report, dimension, definition), TEKSTEN.vragenBijschrift(dimension.title)));
  }
  parts.push(heading(level, TEKSTEN.afgevallenKop), leftOutList(report.left_out), notes(TEKSTEN.teamKanttekeningen));
  if (actions) {
    const name = (extension) => teamFileName("teamrapport", report.assessment, report.version, extension);
    parts.push(actionsBox(level, TEKSTEN.teamBewaarKop, TEKSTEN.teamBewaarUitleg, {
      json: () => offerDownload(name("json"), documentJson(report), "application/json"),
      csv: () => offerDownload(name("csv"), teamCsv(report, catalog), "text/csv;charset=utf-8"),
    }));
  }
  container.replaceChildren(...parts);
}

// Render the leader mirror: the manager's own positions beside the team's, then the team report
// of the same files (without its own buttons), then the buttons to save and print the mirror.
export function renderMirror(container, mirror, report, catalog, { level = 2 } = {}) {
  const own = definitionOf(catalog, mirror.self.assessment);
  const team = definitionOf(catalog, mirror.team.assessment);
  const teamTitle = team ? team.title : mirror.team.assessment;
  const parts = [
    paragraph(TEKSTEN.spiegelOver(own ? own.title : mirror.self.assessment, teamTitle, mirror.team.respondents), "team-samenvatting"),
  ];
  const compared = mirror.dimensions.filter((dimension) => dimension.meaningful !== null);
  const lower = compared.filter((dimension) => dimension.meaningful && dimension.difference < 0);
  const higher = compared.filter((dimension) => dimension.meaningful && dimension.difference > 0);
  if (lower.length > 0) parts.push(paragraph(TEKSTEN.spiegelBlindeVlekken(lower.map((d) => d.title))));
  if (higher.length > 0) parts.push(paragraph(TEKSTEN.spiegelVerborgenKrachten(higher.map((d) => d.title))));
  if (compared.length > 0 && lower.length + higher.length === 0) parts.push(paragraph(TEKSTEN.spiegelGeenVerschil));
  parts.push(
    scrollable(mirrorTable(mirror), TEKSTEN.spiegelTabelBijschrift),
    teamChart(
      TEKSTEN.spiegelGrafiekLabel,
      mirror.dimensions.map((dimension) => ({
        title: dimension.title,
        bars: [
          { label: TEKSTEN.spiegelJij, score: dimension.self, kind: "eigen", missing: TEKSTEN.spiegelEigenTeWeinig },
          { label: TEKSTEN.spiegelTeam, score: dimension.team },
        ],
      })),
    ),
    notes(TEKSTEN.spiegelKanttekeningen(plain.format(mirror.meaningful_difference))),
    heading(level, TEKSTEN.spiegelTeamKop(teamTitle)),
  );
  const teamPart = element("div", null, "team-spiegel-rapport");
  renderTeamReport(teamPart, report, catalog, { level: level + 1, actions: false });
  const name = (extension) => teamFileName("spiegel", mirror.self.assessment, mirror.self.version, extension);
  parts.push(teamPart, actionsBox(level, TEKSTEN.spiegelBewaarKop, TEKSTEN.spiegelBewaarUitleg, {
    json: () => offerDownload(name("json"), documentJson(mirror), "application/json"),
    csv: () => offerDownload(name("csv"), mirrorCsv(mirror), "text/csv;charset=utf-8"),
  }));
  container.replaceChildren(...parts);
}

// ---- The team report's parts ----

function teamSummary(report, minimum) {
  const parts = [paragraph(TEKSTEN.teamOver(report.title, report.version, report.respondents), "team-samenvatting")];
  if (report.left_out.length > 0) parts.push(paragraph(TEKSTEN.teamAfgevallen(report.left_out.length)));
  parts.push(paragraph(
    report.overall
      ? TEKSTEN.teamTotaal(formatScore(report.overall.score), report.overall.band.label)
      : TEKSTEN.teamGeenTotaal(minimum),
    "zelftest-totaal",
  ));
  const withheld = report.dimensions.filter((dimension) => dimension.mean === null);
  if (withheld.length > 0) parts.push(paragraph(TEKSTEN.teamTeWeinigBij(withheld.map((d) => d.title), minimum)));
  return parts;
}

function dimensionTable(report, definition, limits) {
  const scale = definition ? `${definition.scale.min}-${definition.scale.max}` : "";
  const table = element("table", null, "zelftest-tabel team-tabel");
  table.append(element("caption", TEKSTEN.teamTabelBijschrift), headRow(TEKSTEN.teamKolommen(scale)));
  const body = element("tbody");
  for (const dimension of report.dimensions) {
    const row = element("tr");
    row.dataset.dimensie = dimension.id;
    row.append(rowHeader(dimension.title), element("td", String(dimension.n), "team-n"));
    if (dimension.mean === null) {
      row.append(missing(6));
    } else {
      row.append(
        element("td", formatMean(dimension.mean), "zelftest-gemiddelde"),
        element("td", formatTwo(dimension.sd), "team-sd"),
        element("td", formatScore(dimension.score), "zelftest-score"),
        element("td", dimension.band.label, "zelftest-band"),
        agreementCell(dimension),
        alphaCell(dimension, limits),
      );
    }
    body.append(row);
  }
  const foot = element("tfoot");
  const total = element("tr");
  total.dataset.dimensie = "totaal";
  total.append(rowHeader(TEKSTEN.totaalRij), element("td", String(report.respondents), "team-n"));
  const overall = report.overall;
  if (overall) {
    total.append(
      element("td", formatMean(overall.mean), "zelftest-gemiddelde"),
      element("td", ""),
      element("td", formatScore(overall.score), "zelftest-score"),
      element("td", overall.band.label, "zelftest-band"),
      element("td", ""),
      element("td", ""),
    );
  } else {
    total.append(missing(6));
  }
  foot.append(total);
  table.append(body, foot);
  return table;
}

function agreementCell(dimension) {
  const cell = element("td", null, "team-rwg");
  if (dimension.rwg === null) {
    cell.textContent = TEKSTEN.nietTeBerekenen;
  } else {
    cell.append(formatTwo(dimension.rwg), element("span", dimension.agreement, "team-label"));
  }
  return cell;
}

function alphaCell(dimension, limits) {
  const cell = element("td", null, "team-alfa");
  if (dimension.alpha !== null) {
    cell.append(formatTwo(dimension.alpha), element("span", TEKSTEN.alfaVan(dimension.alpha_n), "team-label"));
  } else {
    // Enough complete respondents, yet no alpha: their totals did not vary.
    cell.textContent = dimension.alpha_n >= limits.min_alpha_respondents
      ? TEKSTEN.nietTeBerekenen
      : TEKSTEN.teWeinigVoorBetrouwbaarheid;
  }
  return cell;
}

// The items of one dimension: a count for every answer and "weet ik niet", with a stacked bar
// under each question that shows the same counts.
function itemTable(report, dimension, definition) {
  const options = definition ? definition.scale.options : [];
  const numbers = new Map((definition ? definition.items : []).map((item, index) => [item.id, [item, index + 1]]));
  const table = element("table", null, "zelftest-tabel team-vragen");
  table.append(element("caption", TEKSTEN.vragenBijschrift(dimension.title)));
  const head = element("thead");
  const headRow = element("tr");
  headRow.append(columnHeader(TEKSTEN.vraagKolom));
  for (const option of options) {
    const cell = columnHeader(String(option.value), "team-antwoordkop");
    cell.append(element("span", option.label, "team-label"));
    headRow.append(cell);
  }
  headRow.append(columnHeader(TEKSTEN.gemiddeldeKolom), columnHeader(TEKSTEN.weetNietKolom));
  head.append(headRow);
  const body = element("tbody");
  for (const item of report.items.filter((candidate) => candidate.dimension === dimension.id)) {
    const [definitionItem, number] = numbers.get(item.id) ?? [null, null];
    const row = element("tr");
    row.dataset.vraag = item.id;
    const question = rowHeader(definitionItem ? `${number}. ${definitionItem.text}` : item.id);
    if (definitionItem && definitionItem.reverse) question.append(" ", element("span", TEKSTEN.omgekeerd, "team-label"));
    row.append(question);
    if (item.counts === null) {
      row.append(missing(options.length + 1));
    } else {
      question.append(distributionBar(options, item));
      for (const option of options) {
        const cell = element("td", String(item.counts[String(option.value)]), "team-aantal");
        cell.dataset.antwoord = String(option.value);
        row.append(cell);
      }
      row.append(element("td", formatMean(item.mean), "zelftest-gemiddelde"));
    }
    row.append(element("td", String(item.dont_know), "team-weet-niet"));
    body.append(row);
  }
  table.append(head, body);
  return table;
}

// A stacked bar: one segment per answer and one for "weet ik niet". The browser sizes the
// segments from the counts themselves (flex-grow), so no share is computed here. The table
// beside it has the same counts, so the bar is hidden from screen readers.
function distributionBar(options, item) {
  const bar = element("span", null, "team-verdeling");
  bar.setAttribute("aria-hidden", "true");
  options.forEach((option, index) => bar.append(segment(item.counts[String(option.value)], `team-kleur-${index}`)));
  bar.append(segment(item.dont_know, "team-kleur-weet-niet"));
  return bar;
}

function segment(count, className) {
  const part = element("span", null, `team-segment ${className}`);
  part.style.flexGrow = String(count);
  return part;
}

function legend(scale) {
  const box = element("div", null, "team-legenda");
  box.append(element("span", `${TEKSTEN.legendaLabel}:`, "team-legenda-kop"));
  const list = element("ul");
  const entry = (label, className) => {
    const item = element("li");
    const swatch = element("span", null, `team-staal ${className}`);
    swatch.setAttribute("aria-hidden", "true");
    item.append(swatch, label);
    return item;
  };
  scale.options.forEach((option, index) => list.append(entry(`${option.value} ${option.label}`, `team-kleur-${index}`)));
  list.append(entry(TEKSTEN.weetNietKolom, "team-kleur-weet-niet"));
  box.append(list);
  return box;
}

// When no report could be made: the files that did not count, so the facilitator knows which
// to replace. Nothing is shown when every file counted.
export function renderLeftOut(container, leftOut, { level = 3 } = {}) {
  container.replaceChildren(...(leftOut.length > 0 ? [heading(level, TEKSTEN.afgevallenKop), leftOutList(leftOut)] : []));
}

// Each file left out with the engine's reason. Both come from the engine (the name cut short and
// made printable there) and are set as text, never as markup.
function leftOutList(leftOut) {
  if (leftOut.length === 0) return paragraph(TEKSTEN.nietsAfgevallen, "team-afgevallen-geen");
  const list = element("ul", null, "team-afgevallen");
  for (const entry of leftOut) {
    const item = element("li");
    item.append(element("span", entry.file, "team-bestand"), " ", element("span", entry.reason, "team-reden"));
    list.append(item);
  }
  return list;
}

// ---- The mirror's parts ----

function mirrorTable(mirror) {
  const table = element("table", null, "zelftest-tabel spiegel-tabel");
  table.append(element("caption", TEKSTEN.spiegelTabelBijschrift), headRow(TEKSTEN.spiegelKolommen));
  const body = element("tbody");
  for (const dimension of mirror.dimensions) {
    const row = element("tr");
    row.dataset.dimensie = dimension.id;
    const reading = mirrorReading(dimension);
    const readingCell = element("td", reading.text, "spiegel-duiding");
    readingCell.dataset.duiding = reading.kind;
    row.append(
      rowHeader(dimension.title),
      element("td", dimension.self === null ? TEKSTEN.spiegelEigenTeWeinig : formatScore(dimension.self), "spiegel-eigen"),
      element("td", dimension.team === null ? TEKSTEN.teWeinigRespondenten : formatScore(dimension.team), "spiegel-team"),
      element("td", dimension.difference === null ? TEKSTEN.nietTeBerekenen : formatDifference(dimension.difference), "spiegel-verschil"),
      readingCell,
    );
    body.append(row);
  }
  table.append(body);
  return table;
}

// What a dimension's difference says, in careful words; the engine decided whether it counts.
function mirrorReading(dimension) {
  if (dimension.team === null) return { kind: "ontbreekt", text: TEKSTEN.teWeinigRespondenten };
  if (dimension.self === null) return { kind: "ontbreekt", text: TEKSTEN.spiegelEigenTeWeinig };
  if (!dimension.meaningful) return { kind: "dichtbij", text: TEKSTEN.spiegelDichtbij };
  return dimension.difference < 0
    ? { kind: "blinde-vlek", text: TEKSTEN.spiegelBlindeVlek }
    : { kind: "verborgen-kracht", text: TEKSTEN.spiegelVerborgenKracht };
}

// ---- Shared parts ----

// Horizontal bars on the 0-100 scale, one group per dimension; each bar's width is the engine's
// position itself. It repeats the table, so it is one labelled image.
// The team pages' bars: the shared chart, with each bar's figure or why it has none.
function teamChart(label, groups) {
  const withText = groups.map((group) => ({
    ...group,
    bars: group.bars.map((bar) => ({
      ...bar,
      text: bar.score === null ? bar.missing ?? TEKSTEN.teWeinigRespondenten : formatScore(bar.score),
    })),
  }));
  return barChart("team-grafiek", label, withText);
}

function actionsBox(level, title, explanation, save) {
  const box = element("div", null, "zelftest-acties team-acties");
  box.append(heading(level, title), paragraph(explanation));
  const buttons = [
    [TEKSTEN.downloadJson, { download: "json" }, save.json],
    [TEKSTEN.downloadCsv, { download: "csv" }, save.csv],
    [TEKSTEN.afdrukken, { actie: "print" }, () => window.print()],
  ];
  for (const [label, data, action] of buttons) {
    const button = element("button", label, "md-button zelftest-knop");
    button.type = "button";
    Object.assign(button.dataset, data);
    button.addEventListener("click", action);
    box.append(button);
  }
  return box;
}

function notes(texts) {
  const box = element("div", null, "zelftest-kanttekeningen");
  box.append(...texts.map((text) => paragraph(text)));
  return box;
}

// A region that scrolls sideways when the table is wider than the screen; focusable so that a
// keyboard user can scroll it too, and named after its table.

function headRow(labels) {
  const head = element("thead");
  const row = element("tr");
  row.append(...labels.map((label) => columnHeader(label)));
  head.append(row);
  return head;
}

function columnHeader(text, className) {
  const cell = element("th", text, className);
  cell.scope = "col";
  return cell;
}

function rowHeader(text) {
  const cell = element("th", text);
  cell.scope = "row";
  return cell;
}

// A withheld figure: words, never a number.
function missing(columns) {
  const cell = element("td", TEKSTEN.teWeinigRespondenten, "team-ontbreekt");
  cell.colSpan = columns;
  return cell;
}
