// The result: the profile and the total in words first, then a table, then bars of the same
// figures. Faces render, the engine computes: every figure and date shown here is the engine's
// own text or list (shown_mean, shown_score, created_shown, dont_know_numbers, profile); nothing
// is rounded or added up in this module.

import { TEKSTEN } from "./teksten.mjs";
import { fileName, offerDownload, resultJson } from "./downloads.mjs";
import { barChart, element, paragraph, scrollable } from "./dom.mjs";

//: Up to this many "weet ik niet" answers the result lists their question numbers; above it, it
//: gives their number only (a list of twelve numbers helps nobody).
const DONT_KNOW_LISTED = 5;

// Render the engine's result document into the container, replacing what was there.
// definition is the assessment's definition document (for the answer labels); guidance maps a
// dimension id to the pages that help with it: [{title, href}]; runtime is the page's engine,
// which makes the CSV file.
export function renderResult(container, result, definition, guidance, runtime) {
  const actionBox = actions(result, runtime);
  if (result.totals.all_dont_know) {
    // Nothing to score: one short message instead of a table of "te weinig antwoorden".
    container.replaceChildren(
      paragraph(TEKSTEN.allesWeetNiet, "zelftest-alles-weet-niet"),
      paragraph(TEKSTEN.uitslagVan(result.created_shown), "zelftest-datum"),
      actionBox,
    );
    return;
  }
  const parts = [
    profile(result),
    paragraph(
      result.overall
        ? TEKSTEN.totaal(result.overall.shown_score, bandLabel(result.overall))
        : TEKSTEN.totaalOntbreekt,
      "zelftest-totaal",
    ),
    ...outcomes(result),
    paragraph(TEKSTEN.uitslagVan(result.created_shown), "zelftest-datum"),
  ];
  const { dont_know: dontKnow, dont_know_numbers: numbers, items } = result.totals;
  if (dontKnow > 0) {
    parts.push(paragraph(
      dontKnow > DONT_KNOW_LISTED ? TEKSTEN.weetNietAantal(dontKnow, items) : TEKSTEN.weetNiet(numbers),
      "zelftest-weet-niet-aantal",
    ));
  }
  parts.push(
    scrollable(table(result), TEKSTEN.tabelBijschrift),
    chart(result),
    element("h3", TEKSTEN.bandenKop),
    bands(result, guidance || {}),
    notes(result, definition),
    actionBox,
  );
  container.replaceChildren(...parts);
}

// The profile as the engine found it: the strongest and the weakest dimensions, ties named as
// ties, and whether their difference counts by the rule of thumb.
function profile(result) {
  const titles = new Map(result.dimensions.map((dimension) => [dimension.id, dimension.title]));
  const { strongest, weakest, spread_is_meaningful: meaningful } = result.profile;
  const box = element("div", null, "zelftest-profiel");
  if (strongest.length === 0) {
    box.append(paragraph(TEKSTEN.geenProfiel));
  } else if (allTied(result.profile)) {
    box.append(paragraph(TEKSTEN.allesGelijk));
  } else {
    const high = strongest.map((id) => titles.get(id));
    const low = weakest.map((id) => titles.get(id));
    const named = `${TEKSTEN.hoogst(high)} ${TEKSTEN.laagst(low)}`;
    if (meaningful) {
      box.append(paragraph(`${named} ${TEKSTEN.groeiruimte}`));
    } else {
      box.append(paragraph(named), paragraph(TEKSTEN.verschilKlein(result.profile.shown_meaningful_difference)));
    }
  }
  return box;
}

// A trust outcome (vertrouwen zelf) in words beside the profile: the engine leaves it out of the
// total and the profile.
function outcomes(result) {
  return result.dimensions
    .filter((dimension) => dimension.outcome)
    .map((dimension) => paragraph(
      dimension.band
        ? TEKSTEN.uitkomst(dimension.title, dimension.shown_score, bandLabel(dimension))
        : TEKSTEN.uitkomstOntbreekt(dimension.title),
      "zelftest-uitkomst",
    ));
}

// Every scored dimension ties: the engine then names all of them as both strongest and weakest.
function allTied(profile) {
  return profile.strongest.length === profile.weakest.length &&
    profile.strongest.every((id) => profile.weakest.includes(id));
}

// What each dimension's band says, with the pages that help with it.
function bands(result, guidance) {
  const list = element("dl", null, "zelftest-banden");
  for (const dimension of result.dimensions) {
    const text = element(
      "dd",
      !dimension.band
        ? TEKSTEN.teWeinigUitleg(dimension.answered, dimension.min_answered)
        // The bands' texts speak of the conditions for trust; an outcome measures trust itself.
        : `${bandLabel(dimension)}. ${dimension.outcome ? TEKSTEN.uitkomstBand : dimension.band.text}`,
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
    // A div groups a term with its description (allowed in a dl), so that print keeps them together.
    const group = element("div", null, "zelftest-banden-groep");
    group.append(element("dt", dimension.title), text);
    list.append(group);
  }
  return list;
}

// The fine print: no norm group, the rule of thumb, no pilot, the self-view (self-rated tests only).
function notes(result, definition) {
  const box = element("div", null, "zelftest-kanttekeningen");
  const example = answerAt(definition.scale, 75);
  const grens = result.profile.shown_meaningful_difference;
  box.append(
    paragraph(example ? `${TEKSTEN.geenNormgroep} ${TEKSTEN.normVoorbeeld(example)}` : TEKSTEN.geenNormgroep),
    paragraph(`${TEKSTEN.vuistregel(grens)} ${TEKSTEN.nietBeproefd(grens)}`, "zelftest-vuistregel"),
  );
  if (result.self_rated) box.append(paragraph(TEKSTEN.zelfbeeld, "zelftest-zelfbeeld"));
  box.append(paragraph(TEKSTEN.privacy));
  return box;
}

// The label of the answer option at this position (0-100), lower case; null when none lies
// exactly there. The engine's definition document gives each option's position.
function answerAt(scale, position) {
  const option = scale.options.find((candidate) => candidate.position === position);
  return option ? option.label.charAt(0).toLowerCase() + option.label.slice(1) : null;
}

// Save and print. The CSV is the engine's (result_csv); a failure says so and frees the button.
function actions(result, runtime) {
  const box = element("div", null, "zelftest-acties");
  const notice = paragraph("", "zelftest-acties-melding");
  notice.setAttribute("role", "status");
  box.append(element("h3", TEKSTEN.bewaarKop), paragraph(TEKSTEN.bewaarUitleg));
  const buttons = [
    [TEKSTEN.downloadJson, "json", () => offerDownload(fileName(result, "json"), resultJson(result), "application/json")],
    [TEKSTEN.downloadCsv, "csv", (button) => saveCsv(result, runtime, button, notice)],
    [TEKSTEN.afdrukken, "print", () => window.print()],
  ];
  for (const [label, kind, action] of buttons) {
    const button = element("button", label, "md-button zelftest-knop");
    button.type = "button";
    button.dataset.actie = kind;
    button.addEventListener("click", () => action(button));
    box.append(button);
  }
  box.append(notice);
  return box;
}

async function saveCsv(result, runtime, button, notice) {
  button.disabled = true;
  notice.textContent = "";
  try {
    const csv = await runtime.call("result_csv", JSON.stringify(result));
    offerDownload(fileName(result, "csv"), csv, "text/csv;charset=utf-8");
  } catch (error) {
    console.error("zelftest: the CSV file could not be made", error);
    notice.textContent = TEKSTEN.csvFout;
  } finally {
    // Usable again, unless the result went stale meanwhile (the form then disables its buttons).
    button.disabled = button.closest("[data-stale='true']") !== null;
  }
}

function table(result) {
  const scale = `${result.scale.min}-${result.scale.max}`;
  const tableElement = element("table", null, "zelftest-tabel");
  tableElement.append(element("caption", TEKSTEN.tabelBijschrift));
  const head = element("thead");
  const headRow = element("tr");
  for (const [label, unit] of TEKSTEN.kolommen(scale)) {
    const cell = element("th", label);
    // "(1-5)" and "(0-100)" stay on one line: a narrow column breaks before them, not inside.
    if (unit) cell.append(" ", element("span", unit, "zelftest-eenheid"));
    cell.scope = "col";
    headRow.append(cell);
  }
  head.append(headRow);
  const body = element("tbody");
  for (const dimension of result.dimensions) {
    body.append(row(TEKSTEN.dimensieTitel(dimension), dimension, TEKSTEN.beantwoord(dimension.answered, dimension.items), dimension.id));
  }
  const foot = element("tfoot");
  const { answered, items } = result.totals;
  foot.append(row(TEKSTEN.totaalRij, result.overall, TEKSTEN.beantwoord(answered, items), "totaal"));
  tableElement.append(head, body, foot);
  return tableElement;
}

// A band's label; a mean exactly on an edge belongs to the lower band, and the engine's own words
// say that it lies on the boundary with the band above ("op de grens van ... en ...").
function bandLabel(scored) {
  return scored.boundary ? `${scored.band.label}, ${scored.boundary.text}` : scored.band.label;
}

// The band in the table: its label, and below it, small, that it lies on the boundary.
function bandCell(scored) {
  const cell = element("td", scored.band.label, "zelftest-band");
  if (scored.boundary) cell.append(element("span", scored.boundary.text, "zelftest-grens"));
  return cell;
}

function row(title, scored, answered, key) {
  const tr = element("tr");
  tr.dataset.dimensie = key;
  const header = element("th", title);
  header.scope = "row";
  tr.append(header);
  if (scored && scored.shown_mean !== null && scored.shown_mean !== undefined) {
    tr.append(
      element("td", scored.shown_mean, "zelftest-gemiddelde"),
      element("td", scored.shown_score, "zelftest-score"),
      bandCell(scored),
    );
  } else {
    const missing = element("td", TEKSTEN.teWeinig, "zelftest-ontbreekt");
    missing.colSpan = 3;
    tr.append(missing);
  }
  tr.append(element("td", answered));
  return tr;
}

// A horizontal bar per dimension on the 0-100 scale, its title above it, in HTML so that its text
// is page text (never larger than the body). Each bar's width is the engine's position itself.
// It repeats the table, so it is one labelled image.
function chart(result) {
  const groups = result.dimensions.map((dimension) => ({
    id: dimension.id,
    title: dimension.title,
    bars: [{ score: dimension.score, text: dimension.score === null ? TEKSTEN.teWeinig : dimension.shown_score }],
  }));
  return barChart("zelftest-grafiek", TEKSTEN.grafiekLabel, groups);
}
