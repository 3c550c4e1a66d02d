// A team report, a leader mirror and a department overview on screen: text first, then tables,
// then bars of the same figures. Faces render, the engine computes: every number shown is one of
// the engine's shown_* strings, every decision (which topics differ, which gap counts) is the
// engine's, and the files to save are the engine's document and its CSV text. Text from files
// (names, reasons) is set as text, never as markup.

import { TEKSTEN } from "./teksten.mjs";
import { offerDownload } from "./downloads.mjs";
import { definitionOf, teamFileName } from "./teamexport.mjs";
import { barChart, element, heading, paragraph, scrollable } from "./dom.mjs";

// Render the engine's team report into the container, replacing what was there. catalog is the
// page's catalog document (definitions and limits). level is the heading level of the report's
// sections; actions adds the buttons to save and print it (data-download="json" and "csv"), csv
// and json are the engine's CSV and JSON text of this report, as the CLI prints them (no button
// for a file the engine did not give).
export function renderTeamReport(container, report, catalog, { level = 3, actions = true, csv = null, json = null } = {}) {
  const definition = definitionOf(catalog, report.assessment);
  const limits = catalog.limits;
  const scale = scaleText(definition);
  const parts = [
    ...teamSummary(report, limits.min_respondents, level),
    scrollable(dimensionTable(report, scale, limits), TEKSTEN.teamTabelBijschrift),
    paragraph(TEKSTEN.teamMargeUitleg, "team-marge-uitleg"),
    teamChart(
      TEKSTEN.teamGrafiekLabel,
      report.dimensions.map((dimension) => ({ id: dimension.id, title: dimension.title, bars: [teamBar(dimension)] })),
    ),
    heading(level, TEKSTEN.vragenKop),
    paragraph(TEKSTEN.vragenUitleg(limits.min_respondents, limits.min_distribution)),
  ];
  if (definition) parts.push(legend(definition.scale, report.items.some((item) => item.groups)));
  for (const dimension of report.dimensions) {
    parts.push(scrollable(itemTable(report, dimension, definition), TEKSTEN.vragenBijschrift(dimension.title)));
  }
  parts.push(heading(level, TEKSTEN.afgevallenKop), leftOutList(report.left_out), notes(TEKSTEN.teamKanttekeningen));
  if (actions) {
    const name = (extension) => teamFileName("teamrapport", report.assessment, report.version, extension);
    parts.push(actionsBox(level, TEKSTEN.teamBewaarKop, TEKSTEN.teamBewaarUitleg, {
      json: json === null ? null : () => offerDownload(name("json"), json, "application/json"),
      csv: csv === null ? null : () => offerDownload(name("csv"), csv, "text/csv;charset=utf-8"),
    }));
  }
  container.replaceChildren(...parts);
}

// Render the leader mirror: the manager's own positions beside the team's, per topic and per
// question, then the team report of the same files (without its own buttons), then the buttons
// to save and print the mirror. csv is the engine's CSV text of the mirror.
export function renderMirror(container, mirror, report, catalog, { level = 2, csv = null, json = null } = {}) {
  const own = definitionOf(catalog, mirror.self.assessment);
  const team = definitionOf(catalog, mirror.team.assessment);
  const teamTitle = team ? team.title : mirror.team.assessment;
  const parts = [
    paragraph(TEKSTEN.spiegelOver(own ? own.title : mirror.self.assessment, teamTitle, mirror.team.respondents), "team-samenvatting"),
  ];
  const lower = mirror.dimensions.filter((dimension) => dimension.meaningful && readingOf(dimension).kind === "blinde-vlek");
  const higher = mirror.dimensions.filter((dimension) => dimension.meaningful && readingOf(dimension).kind === "verborgen-kracht");
  if (lower.length > 0) parts.push(paragraph(TEKSTEN.spiegelBlindeVlekken(lower.map((d) => d.title))));
  if (higher.length > 0) parts.push(paragraph(TEKSTEN.spiegelVerborgenKrachten(higher.map((d) => d.title))));
  if (mirror.dimensions.some((d) => d.meaningful !== null) && lower.length + higher.length === 0) {
    parts.push(paragraph(TEKSTEN.spiegelGeenVerschil));
  }
  parts.push(
    scrollable(mirrorTable(mirror), TEKSTEN.spiegelTabelBijschrift),
    teamChart(
      TEKSTEN.spiegelGrafiekLabel,
      mirror.dimensions.map((dimension) => ({
        id: dimension.id,
        title: dimension.title,
        bars: [
          {
            label: TEKSTEN.spiegelJij,
            score: dimension.self,
            kind: "eigen",
            text: dimension.shown_self ?? TEKSTEN.spiegelEigenTeWeinig,
          },
          {
            label: TEKSTEN.spiegelTeam,
            score: dimension.team,
            range: dimension.team_ci && { low: dimension.team_ci.low_score, high: dimension.team_ci.high_score },
            text: dimension.shown_team === null
              ? TEKSTEN.teWeinigRespondenten
              : TEKSTEN.balkTekst(dimension.shown_team, dimension.shown_team_ci_low_score ?? null, dimension.shown_team_ci_high_score),
          },
        ],
      })),
    ),
    ...mirrorItems(mirror, team, level),
    notes(TEKSTEN.spiegelKanttekeningen(mirror.meaningful_difference_shown)),
    heading(level, TEKSTEN.spiegelTeamKop(teamTitle)),
  );
  const teamPart = element("div", null, "team-spiegel-rapport");
  renderTeamReport(teamPart, report, catalog, { level: level + 1, actions: false });
  const name = (extension) => teamFileName("spiegel", mirror.self.assessment, mirror.self.version, extension);
  parts.push(teamPart, actionsBox(level, TEKSTEN.spiegelBewaarKop, TEKSTEN.spiegelBewaarUitleg, {
    json: json === null ? null : () => offerDownload(name("json"), json, "application/json"),
    csv: csv === null ? null : () => offerDownload(name("csv"), csv, "text/csv;charset=utf-8"),
  }));
  container.replaceChildren(...parts);
}

// Render a department overview: per topic a table of the teams with the pooled row below it,
// the teams without a figure named, and ICC(1) in plain words. csv is the engine's CSV text.
export function renderOverview(container, overview, catalog, { level = 3, csv = null, json = null } = {}) {
  const definition = definitionOf(catalog, overview.assessment);
  const limits = catalog.limits;
  const scale = scaleText(definition);
  const teams = element("ul", null, "overzicht-teams");
  for (const team of overview.teams) {
    const item = element("li");
    item.append(element("span", team.file, "team-bestand"), ": ", element("span", TEKSTEN.overzichtTeamUitslagen(team.respondents)));
    teams.append(item);
  }
  const parts = [
    paragraph(TEKSTEN.overzichtOver(overview.title, overview.version, overview.teams.length), "team-samenvatting"),
  ];
  if (overview.left_out.length > 0) parts.push(paragraph(TEKSTEN.teamAfgevallen(overview.left_out.length)));
  parts.push(heading(level, TEKSTEN.overzichtTeamsKop), teams, paragraph(TEKSTEN.overzichtIccUitleg));
  for (const dimension of overview.dimensions) {
    const block = element("section", null, "overzicht-onderwerp");
    block.dataset.dimensie = dimension.id;
    block.append(heading(level, TEKSTEN.dimensieTitel(dimension)), scrollable(overviewTable(dimension, scale), TEKSTEN.overzichtTabelBijschrift(dimension.title)));
    if (dimension.withheld.length > 0) {
      block.append(paragraph(TEKSTEN.overzichtZonderCijfer(dimension.withheld, limits.min_respondents), "overzicht-zonder-cijfer"));
    }
    block.append(paragraph(dimension.shown_icc1 === null ? TEKSTEN.overzichtGeenIcc(limits.min_icc_teams) : TEKSTEN.overzichtIcc(dimension.shown_icc1), "overzicht-icc"));
    parts.push(block);
  }
  parts.push(heading(level, TEKSTEN.afgevallenKop), leftOutList(overview.left_out), notes(TEKSTEN.overzichtKanttekeningen));
  const name = (extension) => teamFileName("afdelingsoverzicht", overview.assessment, overview.version, extension);
  parts.push(actionsBox(level, TEKSTEN.overzichtBewaarKop, TEKSTEN.overzichtBewaarUitleg, {
    json: json === null ? null : () => offerDownload(name("json"), json, "application/json"),
    csv: csv === null ? null : () => offerDownload(name("csv"), csv, "text/csv;charset=utf-8"),
  }));
  container.replaceChildren(...parts);
}

// When no report could be made: the files that did not count, so the facilitator knows which
// to replace. Nothing is shown when every file counted.
export function renderLeftOut(container, leftOut, { level = 3 } = {}) {
  container.replaceChildren(...(leftOut.length > 0 ? [heading(level, TEKSTEN.afgevallenKop), leftOutList(leftOut)] : []));
}

// ---- The team report's parts ----

// What the report covers, what it replaces, the team's profile, then the total; then what is
// withheld, left out or probably the same result twice.
function teamSummary(report, minimum, level) {
  const titles = new Map(report.dimensions.map((dimension) => [dimension.id, dimension.title]));
  const parts = [paragraph(TEKSTEN.teamOver(report.title, report.version, report.respondents), "team-samenvatting")];
  for (const earlier of report.replaces) {
    parts.push(paragraph(TEKSTEN.vervangt(earlier.source, earlier.added, earlier.removed), "team-vervangt"));
  }
  parts.push(teamProfile(report.profile, titles));
  parts.push(paragraph(
    report.overall
      ? TEKSTEN.teamTotaal(report.overall.shown_score, report.overall.band.label, report.overall.boundary?.text)
      : TEKSTEN.teamGeenTotaal(minimum),
    "zelftest-totaal",
  ));
  // A trust outcome beside the profile: the engine leaves it out of the total and the profile.
  for (const dimension of report.dimensions.filter((d) => d.outcome)) {
    parts.push(paragraph(
      dimension.shown_mean === null
        ? TEKSTEN.teamUitkomstOntbreekt(dimension.title, minimum)
        : TEKSTEN.teamUitkomst(dimension.title, dimension.shown_score, dimension.band.label, dimension.boundary?.text),
      "zelftest-uitkomst",
    ));
  }
  const withheld = report.dimensions.filter((dimension) => dimension.shown_mean === null);
  if (withheld.length > 0) parts.push(paragraph(TEKSTEN.teamTeWeinigBij(withheld.map((d) => d.title), minimum)));
  if (report.left_out.length > 0) parts.push(paragraph(TEKSTEN.teamAfgevallen(report.left_out.length)));
  if (report.likely_same.length > 0) parts.push(likelySame(report.likely_same, level));
  return parts;
}

function teamProfile(profile, titles) {
  const box = element("div", null, "team-profiel");
  if (!profile) {
    box.append(paragraph(TEKSTEN.teamGeenProfiel));
    return box;
  }
  const names = (ids) => ids.map((id) => titles.get(id) ?? id);
  if (profile.highest.join("\n") === profile.lowest.join("\n")) {
    box.append(paragraph(TEKSTEN.teamAllesGelijk));
    return box;
  }
  box.append(
    paragraph(`${TEKSTEN.teamHoogst(names(profile.highest))} ${TEKSTEN.teamLaagst(names(profile.lowest))}`),
    paragraph(profile.different ? TEKSTEN.teamVerschilDuidelijk : TEKSTEN.teamVerschilToeval),
  );
  box.dataset.verschil = profile.different ? "duidelijk" : "toeval";
  return box;
}

// Files with the same answers and date: named, so that the facilitator can decide.
function likelySame(groups, level) {
  const box = element("div", null, "team-dezelfde");
  const list = element("ul");
  for (const group of groups) list.append(element("li", TEKSTEN.dezelfdeGroep(group)));
  box.append(heading(level, TEKSTEN.dezelfdeKop), paragraph(TEKSTEN.dezelfdeUitleg), list);
  return box;
}

function dimensionTable(report, scale, limits) {
  const table = element("table", null, "zelftest-tabel team-tabel");
  table.append(element("caption", TEKSTEN.teamTabelBijschrift), headRow(TEKSTEN.teamKolommen(scale)));
  const body = element("tbody");
  for (const dimension of report.dimensions) {
    const row = element("tr");
    row.dataset.dimensie = dimension.id;
    row.append(rowHeader(TEKSTEN.dimensieTitel(dimension)), element("td", String(dimension.n), "team-n"));
    if (dimension.shown_mean === null) {
      row.append(missing(7));
    } else {
      row.append(
        element("td", dimension.shown_mean, "zelftest-gemiddelde"),
        marginCell(dimension),
        element("td", dimension.shown_sd ?? TEKSTEN.nietTeBerekenen, "team-sd"),
        element("td", dimension.shown_score, "zelftest-score"),
        bandCell(dimension),
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
      element("td", overall.shown_mean, "zelftest-gemiddelde"),
      element("td", ""),
      element("td", ""),
      element("td", overall.shown_score, "zelftest-score"),
      bandCell(overall),
      element("td", ""),
      element("td", ""),
    );
  } else {
    total.append(missing(7));
  }
  foot.append(total);
  table.append(body, foot);
  return table;
}

// The band of a figure; a mean exactly on an edge belongs to the lower band, and the engine's
// boundary says in words that it lies on the edge with the band above.
function bandCell(figures) {
  const cell = element("td", figures.band ? figures.band.label : "", "zelftest-band");
  if (figures.boundary) cell.append(element("span", figures.boundary.text, "team-label team-grens"));
  return cell;
}

// The 95% interval of a mean: on the answer scale, and below it as positions.
function marginCell(figures) {
  const cell = element("td", null, "team-marge");
  if (figures.shown_ci_low === null || figures.shown_ci_low === undefined) {
    cell.textContent = TEKSTEN.nietTeBerekenen;
    return cell;
  }
  cell.append(
    element("span", TEKSTEN.marge(figures.shown_ci_low, figures.shown_ci_high), "team-marge-schaal"),
    element("span", TEKSTEN.margePositie(figures.shown_ci_low_score, figures.shown_ci_high_score), "team-label"),
  );
  return cell;
}

// The label of the mean item agreement, with its figure; r_wg(J) stays in the JSON.
function agreementCell(dimension) {
  const cell = element("td", null, "team-rwg");
  if (dimension.agreement === null) {
    cell.textContent = TEKSTEN.nietTeBerekenen;
  } else {
    cell.append(
      element("span", dimension.agreement, "team-overeenstemming"),
      element("span", TEKSTEN.overeenstemmingVragen(dimension.shown_rwg_items), "team-label"),
    );
  }
  return cell;
}

function alphaCell(dimension, limits) {
  const cell = element("td", null, "team-alfa");
  if (dimension.shown_alpha !== null) {
    cell.append(dimension.shown_alpha, element("span", TEKSTEN.alfaVan(dimension.alpha_n), "team-label"));
  } else {
    // Enough complete respondents, yet no alpha: their totals did not vary.
    cell.textContent = dimension.alpha_n >= limits.min_alpha_respondents
      ? TEKSTEN.nietTeBerekenen
      : TEKSTEN.teWeinigVoorBetrouwbaarheid;
  }
  return cell;
}

// The items of one dimension: per answer how often it was chosen (8 or more answers), or only
// the groups below, at and above the middle (5 to 7), and "weet ik niet"; a stacked bar under
// each question shows the same counts.
function itemTable(report, dimension, definition) {
  const options = definition ? definition.scale.options : [];
  const numbers = itemNumbers(definition);
  const table = element("table", null, "zelftest-tabel team-vragen");
  table.append(element("caption", TEKSTEN.vragenBijschrift(dimension.title)));
  const head = element("thead");
  head.append(answerHeadRow(options, [[TEKSTEN.gemiddeldeKolom], [TEKSTEN.weetNietKolom]]));
  const body = element("tbody");
  for (const item of report.items.filter((candidate) => candidate.dimension === dimension.id)) {
    const row = element("tr");
    row.dataset.vraag = item.id;
    const question = questionHeader(numbers, item.id);
    row.append(question, ...answerCells(options, item, question));
    row.append(element("td", String(item.dont_know), "team-weet-niet"));
    body.append(row);
  }
  table.append(head, body);
  return table;
}

// The cells of the answer columns and the mean for one item's figures (a team report item, or
// the team's part of a mirrored item): counts per answer, groups spanning their answers, or one
// cell "te weinig respondenten". The question cell gets the stacked bar of the same counts.
function answerCells(options, figures, question) {
  if (figures.shown_mean === null || (!figures.counts && !figures.groups)) return [missing(options.length + 1)];
  const cells = [];
  if (figures.counts) {
    for (const option of options) {
      const cell = element("td", String(figures.counts[String(option.value)]), "team-aantal");
      cell.dataset.antwoord = String(option.value);
      cells.push(cell);
    }
  } else {
    for (const group of figures.groups) {
      const cell = element("td", String(group.count), "team-aantal team-groep");
      cell.colSpan = group.values.length;
      cell.dataset.groep = group.id;
      cell.append(element("span", `${TEKSTEN.groepNaam[group.id] ?? group.id} (${TEKSTEN.groepWaarden(group.values)})`, "team-label"));
      cells.push(cell);
    }
  }
  question.append(distributionBar(options, figures));
  cells.push(element("td", figures.shown_mean, "zelftest-gemiddelde"));
  return cells;
}

// A stacked bar: one segment per answer (or group) and one for "weet ik niet". The browser sizes
// the segments from the counts themselves (flex-grow), so no share is computed here. The table
// beside it has the same counts, so the bar is hidden from screen readers.
function distributionBar(options, figures) {
  const bar = element("span", null, "team-verdeling");
  bar.setAttribute("aria-hidden", "true");
  if (figures.counts) {
    options.forEach((option, index) => bar.append(segment(figures.counts[String(option.value)], `team-kleur-${index}`)));
  } else {
    for (const group of figures.groups) bar.append(segment(group.count, `team-kleur-groep-${group.id}`));
  }
  bar.append(segment(figures.dont_know, "team-kleur-weet-niet"));
  return bar;
}

function segment(count, className) {
  const part = element("span", null, `team-segment ${className}`);
  part.style.flexGrow = String(count);
  return part;
}

function legend(scale, withGroups) {
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
  if (withGroups) {
    for (const [id, name] of Object.entries(TEKSTEN.groepNaam)) list.append(entry(name, `team-kleur-groep-${id}`));
  }
  list.append(entry(TEKSTEN.weetNietKolom, "team-kleur-weet-niet"));
  box.append(list);
  return box;
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
    const reading = readingOf(dimension);
    const readingCell = element("td", reading.text, "spiegel-duiding");
    readingCell.dataset.duiding = reading.kind;
    const margin = element("td", null, "spiegel-marge");
    margin.textContent = dimension.shown_team_ci_low_score === null || dimension.shown_team_ci_low_score === undefined
      ? TEKSTEN.nietTeBerekenen
      : TEKSTEN.marge(dimension.shown_team_ci_low_score, dimension.shown_team_ci_high_score);
    row.append(
      rowHeader(dimension.title),
      element("td", dimension.shown_self ?? TEKSTEN.spiegelEigenTeWeinig, "spiegel-eigen"),
      element("td", dimension.shown_team ?? TEKSTEN.teWeinigRespondenten, "spiegel-team"),
      margin,
      element("td", dimension.shown_difference ?? TEKSTEN.nietTeBerekenen, "spiegel-verschil"),
      readingCell,
    );
    body.append(row);
  }
  table.append(body);
  return table;
}

// What a dimension's difference says, in careful words; the engine decided whether it counts
// (meaningful) and whether the own position lies inside the team's margin.
function readingOf(dimension) {
  if (dimension.team === null) return { kind: "ontbreekt", text: TEKSTEN.teWeinigRespondenten };
  if (dimension.self === null) return { kind: "ontbreekt", text: TEKSTEN.spiegelEigenTeWeinig };
  if (!dimension.meaningful) {
    return dimension.self_inside_ci
      ? { kind: "binnen-marge", text: TEKSTEN.spiegelBinnenMarge }
      : { kind: "dichtbij", text: TEKSTEN.spiegelDichtbij };
  }
  return dimension.difference < 0
    ? { kind: "blinde-vlek", text: TEKSTEN.spiegelBlindeVlek }
    : { kind: "verborgen-kracht", text: TEKSTEN.spiegelVerborgenKracht };
}

// Per mirrored question: the manager's own answer beside the team's answers, and the questions
// with the largest gaps both ways (the engine's blind_spots and hidden_strengths, largest first).
function mirrorItems(mirror, team, level) {
  const options = team ? team.scale.options : [];
  const numbers = itemNumbers(team);
  const byId = new Map(mirror.items.map((item) => [item.id, item]));
  const parts = [heading(level, TEKSTEN.spiegelVragenKop), paragraph(TEKSTEN.spiegelVragenUitleg(mirror.item_gap_shown))];
  const named = (ids) => ids.filter((id) => byId.has(id)).slice(0, 3).map((id) => {
    const item = element("li", TEKSTEN.spiegelGatVraag(questionText(numbers, id), byId.get(id).shown_difference));
    item.dataset.vraag = id;
    return item;
  });
  const gaps = element("div", null, "spiegel-gaten");
  for (const [ids, lead, kind] of [
    [mirror.blind_spots, TEKSTEN.spiegelGrootsteBlindeVlekken, "blinde-vlek"],
    [mirror.hidden_strengths, TEKSTEN.spiegelGrootsteVerborgenKrachten, "verborgen-kracht"],
  ]) {
    if (ids.length === 0) continue;
    const list = element("ul", null, `spiegel-gaten-lijst spiegel-gaten-${kind}`);
    list.append(...named(ids));
    gaps.append(paragraph(lead), list);
  }
  if (mirror.blind_spots.length + mirror.hidden_strengths.length === 0) {
    gaps.append(paragraph(TEKSTEN.spiegelGeenGaten(mirror.item_gap_shown)));
  }
  parts.push(gaps);

  const table = element("table", null, "zelftest-tabel team-vragen spiegel-vragen");
  table.append(element("caption", TEKSTEN.spiegelVragenBijschrift));
  const head = element("thead");
  head.append(answerHeadRow(options, [
    [TEKSTEN.teamGemiddeldeKolom], [TEKSTEN.weetNietKolom], [TEKSTEN.eigenAntwoordKolom], TEKSTEN.verschilKolom,
  ]));
  const body = element("tbody");
  for (const item of mirror.items) {
    const row = element("tr");
    row.dataset.vraag = item.id;
    if (item.gap) row.dataset.gat = item.gap;
    const question = questionHeader(numbers, item.id);
    row.append(question, ...answerCells(options, item.team, question));
    const difference = element("td", item.shown_difference ?? TEKSTEN.nietTeBerekenen, "spiegel-verschil");
    if (item.gap) difference.append(element("span", TEKSTEN.gatNaam[item.gap] ?? item.gap, "team-label"));
    const ownCell = element("td", item.shown_own ?? TEKSTEN.eigenWeetNiet, "spiegel-eigen-antwoord");
    const ownOption = options.find((option) => option.value === item.own);
    if (ownOption) ownCell.append(element("span", ownOption.label, "team-label"));
    row.append(element("td", String(item.team.dont_know), "team-weet-niet"), ownCell, difference);
    body.append(row);
  }
  table.append(head, body);
  parts.push(scrollable(table, TEKSTEN.spiegelVragenBijschrift));
  return parts;
}

// ---- The overview's parts ----

function overviewTable(dimension, scale) {
  const table = element("table", null, "zelftest-tabel overzicht-tabel");
  table.append(element("caption", TEKSTEN.overzichtTabelBijschrift(dimension.title)), headRow(TEKSTEN.overzichtKolommen(scale)));
  const body = element("tbody");
  for (const team of dimension.teams) {
    const row = element("tr");
    row.dataset.team = team.file;
    const name = rowHeader(team.file);
    name.classList.add("team-bestand");
    row.append(name, element("td", String(team.n), "team-n"));
    if (team.shown_mean === null) {
      row.append(missing(5));
    } else {
      row.append(
        element("td", team.shown_mean, "zelftest-gemiddelde"),
        marginCell(team),
        element("td", team.shown_sd ?? TEKSTEN.nietTeBerekenen, "team-sd"),
        element("td", team.shown_score, "zelftest-score"),
        bandCell(team),
      );
    }
    body.append(row);
  }
  const foot = element("tfoot");
  const pooled = element("tr");
  pooled.dataset.team = "samen";
  pooled.append(rowHeader(TEKSTEN.overzichtSamen), element("td", String(dimension.n), "team-n"));
  if (dimension.shown_mean === null) {
    const cell = element("td", TEKSTEN.overzichtTeWeinigTeams, "team-ontbreekt");
    cell.colSpan = 5;
    pooled.append(cell);
  } else {
    pooled.append(
      element("td", dimension.shown_mean, "zelftest-gemiddelde"),
      element("td", ""),
      element("td", dimension.shown_sd ?? TEKSTEN.nietTeBerekenen, "team-sd"),
      element("td", dimension.shown_score, "zelftest-score"),
      bandCell(dimension),
    );
  }
  foot.append(pooled);
  table.append(body, foot);
  return table;
}

// ---- Shared parts ----

// "1-5" for the column headers, from the definition's scale.
function scaleText(definition) {
  return definition ? `${definition.scale.min}-${definition.scale.max}` : "";
}

// A team bar: the position, its 95% interval as a whisker, and both as text.
function teamBar(dimension) {
  if (dimension.shown_score === null) return { score: null, text: TEKSTEN.teWeinigRespondenten };
  return {
    score: dimension.score,
    range: dimension.ci && { low: dimension.ci.low_score, high: dimension.ci.high_score },
    text: TEKSTEN.balkTekst(dimension.shown_score, dimension.shown_ci_low_score ?? null, dimension.shown_ci_high_score),
  };
}

// The team pages' bars: the shared chart, whose text alternative names every bar's text (the
// positions and their margins), as the table does.
function teamChart(label, groups) {
  const described = groups.flatMap((group) =>
    group.bars.map((bar) => TEKSTEN.balkBeschrijving(bar.label ? `${group.title}, ${bar.label}` : group.title, bar.text)),
  );
  return barChart("team-grafiek", `${label} ${described.join("; ")}.`, groups);
}

// Item numbers and texts of a definition, by item id ("3. Ik kan ...").
function itemNumbers(definition) {
  return new Map((definition ? definition.items : []).map((item, index) => [item.id, { item, number: index + 1 }]));
}

function questionText(numbers, id) {
  const found = numbers.get(id);
  return found ? `${found.number}. ${found.item.text}` : id;
}

function questionHeader(numbers, id) {
  const cell = rowHeader(questionText(numbers, id));
  const found = numbers.get(id);
  if (found && found.item.reverse) cell.append(" ", element("span", TEKSTEN.omgekeerd, "team-label"));
  return cell;
}

// The head of an answers table: the question, one column per answer option, then the rest.
function answerHeadRow(options, rest) {
  const row = element("tr");
  row.append(columnHeader([TEKSTEN.vraagKolom]));
  for (const option of options) {
    const cell = columnHeader([String(option.value)], "team-antwoordkop");
    cell.append(element("span", option.label, "team-label"));
    row.append(cell);
  }
  row.append(...rest.map((label) => columnHeader(label)));
  return row;
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
    if (!action) continue;
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

function headRow(labels) {
  const head = element("thead");
  const row = element("tr");
  row.append(...labels.map((label) => columnHeader(label)));
  head.append(row);
  return head;
}

// A column header from [label] or [label, unit]; the unit is never broken over two lines.
function columnHeader([label, unit], className) {
  const cell = element("th", label, className);
  if (unit) cell.append(" ", element("span", unit, "zelftest-eenheid"));
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
