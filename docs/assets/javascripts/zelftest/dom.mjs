// Building the page's elements from text: every text is set as textContent, never as markup, so
// that nothing from a file or a definition can add an element, a handler or a link.

import { TEKSTEN } from "./teksten.mjs";

export const SVG = "http://www.w3.org/2000/svg";

// A key for this browser's storage: "vertrouwenswijzer:<site path>:<parts>". It holds the path of
// the site's root (the root element's data-site-root), because an intranet host often serves
// other applications, or another copy of this site, from the same origin and one storage.
export function siteKey(root, ...parts) {
  const path = new URL(root.dataset.siteRoot || "./", document.baseURI).pathname;
  return ["vertrouwenswijzer", path, ...parts].join(":");
}

// An HTML element with text (none when null or undefined) and a class.
export function element(name, text, className) {
  const node = document.createElement(name);
  if (text !== null && text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function paragraph(text, className) {
  return element("p", text, className);
}

// A heading of this level (h2 to h6), for parts that sit at different depths on different pages.
export function heading(level, text) {
  return element(`h${Math.min(level, 6)}`, text);
}

// A region that scrolls sideways when a table is wider than the screen; focusable so that a
// keyboard user can scroll it too (WCAG 2.1.1), and named after the table. While the table is
// wider than the region, a line above it says so and the region's edges cast a shadow
// (zelftest.css): on a phone a cut-off column is otherwise easy to miss.
export function scrollable(table, label) {
  const block = element("div", null, "zelftest-tabel-blok");
  const hint = paragraph(TEKSTEN.tabelSchuiven, "zelftest-tabel-hint");
  hint.hidden = true;
  const region = element("div", null, "zelftest-tabel-kader");
  region.tabIndex = 0;
  region.setAttribute("role", "region");
  region.setAttribute("aria-label", label);
  region.append(table);
  block.append(hint, region);
  if (typeof ResizeObserver === "function") {
    const check = () => {
      const wider = region.scrollWidth > region.clientWidth + 1;
      hint.hidden = !wider;
      region.dataset.schuift = wider ? "ja" : "nee";
    };
    // Both: the region changes with the screen, the table with its content.
    const observer = new ResizeObserver(check);
    observer.observe(region);
    observer.observe(table);
  }
  return block;
}

// An SVG element with attributes and, optionally, text.
export function svgElement(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

// A bar chart in HTML (text at body size, no SVG): per group a title and a line per bar, with an
// optional "who", the bar on a 0-100 track and its value as text. Class names are prefix-*
// (zelftest-grafiek for one result, team-grafiek for the team pages); a group with an id
// carries it as data-dimensie. The caller provides each bar's text: the figures are the engine's.
// A bar with a range ({low, high}, positions 0-100: a team mean's 95% interval) gets a whisker
// over its track; the stylesheet places it from the two custom properties it is given, so the
// caller's text must say the range too (the chart is one image to a screen reader).
export function barChart(prefix, label, groups) {
  const chart = element("div", null, prefix);
  chart.setAttribute("role", "img");
  chart.setAttribute("aria-label", label);
  for (const group of groups) {
    const block = element("div", null, `${prefix}-groep`);
    if (group.id) block.dataset.dimensie = group.id;
    block.append(element("div", group.title, `${prefix}-titel`));
    for (const bar of group.bars) {
      const line = element("div", null, `${prefix}-regel`);
      if (bar.label) line.append(element("span", bar.label, `${prefix}-wie`));
      const track = element("span", null, `${prefix}-spoor`);
      if (bar.score !== null) {
        const fill = element("span", null, `${prefix}-balk${bar.kind ? ` ${prefix}-balk--${bar.kind}` : ""}`);
        fill.style.width = `${bar.score}%`; // CSSOM, which a strict style-src allows
        track.append(fill);
      }
      if (bar.range) {
        const whisker = element("span", null, `${prefix}-marge`);
        whisker.style.setProperty("--laag", String(bar.range.low));
        whisker.style.setProperty("--hoog", String(bar.range.high));
        track.append(whisker);
      }
      line.append(track, element("span", bar.text, `${prefix}-waarde`));
      block.append(line);
    }
    chart.append(block);
  }
  return chart;
}
