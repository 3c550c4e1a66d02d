// Start check: a classic script on every page. It runs where the self-assessments' module cannot
// (a page opened from disk, a server that sends .mjs files with the wrong type, an old browser),
// so that a reader meets a clear Dutch message instead of a form that loads for ever.
//
// - Opened from disk (file://): browsers run no module scripts there, and a folder link shows a
//   folder listing. A banner on every page says how to open the site, each self-assessment
//   says the same, and the site's folder links get their index.html so that reading works.
// - Otherwise: when the module has not marked a self-assessment as started (data-script, set by
//   main.mjs) within START_TIMEOUT_MS, that assessment says the script did not start, and why.
//
// Its texts are not written here: hooks/zelftests.py puts them in every page as JSON (from
// ZONDER_SCRIPT in zelftest/teksten.mjs, the one home of the site's Dutch text). Written for old
// browsers too (no arrow functions, no let): it must run where modules do not.
(function () {
  "use strict";

  var START_TIMEOUT_MS = 10000;
  var ROOTS = [
    { selector: ".zelftest[data-assessment]", status: ".zelftest-status-tekst" },
    { selector: ".teampagina", status: ".teampagina-status-tekst" },
    { selector: ".vw-controle", status: ".vw-controle-status" },
  ];

  var source = document.getElementById("vertrouwenswijzer-startcontrole");
  if (!source) return; // a page the build did not make (the texts are missing): nothing to say
  var texts = JSON.parse(source.textContent);
  var fromDisk = location.protocol === "file:";

  if (fromDisk) {
    addIndexToFolderLinks();
    showBanner();
    failEvery(texts.vanSchijf);
  } else if (!("noModule" in document.createElement("script"))) {
    failEvery(texts.startNiet); // a browser without module scripts: no need to wait
  } else {
    setTimeout(function () {
      failEvery(texts.startNiet, true);
    }, START_TIMEOUT_MS);
  }

  // ---- Helper functions ----

  // Put the message in the status line of every self-assessment (or only those the module did
  // not start) and mark it as failed: data-state="error", as the module does.
  function failEvery(text, onlyUnstarted) {
    ROOTS.forEach(function (kind) {
      var roots = document.querySelectorAll(kind.selector);
      for (var i = 0; i < roots.length; i++) {
        var root = roots[i];
        if (onlyUnstarted && root.hasAttribute("data-script")) continue;
        var status = root.querySelector(kind.status);
        root.setAttribute("data-state", "error");
        if (status) fill(status, text);
      }
    });
  }

  // The text, and after it the link to the install page (when the site has one).
  function fill(element, text) {
    while (element.firstChild) element.removeChild(element.firstChild);
    element.appendChild(document.createTextNode(text + " "));
    if (texts.installerenAdres) {
      var link = document.createElement("a");
      link.href = withIndex(texts.installerenAdres);
      link.className = "vw-installeren";
      link.textContent = texts.installeren;
      element.appendChild(link);
    }
  }

  // A warning at the top of the page, in the look of the site's own admonitions.
  function showBanner() {
    var article = document.querySelector("article") || document.body;
    var banner = document.createElement("div");
    banner.className = "admonition warning vw-van-schijf";
    banner.setAttribute("role", "note");
    var title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = texts.vanSchijfKop;
    var body = document.createElement("p");
    fill(body, texts.vanSchijf);
    banner.appendChild(title);
    banner.appendChild(body);
    var heading = article.querySelector("h1");
    if (heading) heading.parentNode.insertBefore(banner, heading.nextSibling);
    else article.insertBefore(banner, article.firstChild);
  }

  // From disk, "../klantvertrouwen/" opens a folder listing: point the site's own relative links
  // at the page inside ("../klantvertrouwen/index.html"), keeping any #anchor or ?query.
  function addIndexToFolderLinks() {
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      var changed = withIndex(href);
      if (changed !== href) links[i].setAttribute("href", changed);
    }
  }

  function withIndex(href) {
    if (!fromDisk || !href || /^([a-z][a-z0-9+.-]*:|[\/#?])/i.test(href)) return href;
    var cut = href.search(/[?#]/);
    var path = cut === -1 ? href : href.slice(0, cut);
    var rest = cut === -1 ? "" : href.slice(cut);
    if (/\/$/.test(path)) return path + "index.html" + rest;
    if (/(^|\/)\.\.?$/.test(path)) return path + "/index.html" + rest;
    return href;
  }
})();
