// Engine first: on a page that starts the self-assessment's engine from its <head>, Material's
// search index waits until that engine is ready (or failed), or until the reader goes to the
// search box, whichever comes first; and never longer than LONGEST_WAIT_MS.
//
// Why: on every page, Material's search worker turns the text of the whole site
// (search/search_index.json, half a megabyte) into a lunr index at once. That takes about half a
// second of processor time, right when the engine starts; on a laptop with two cores it slows
// the start by about as much. A reader who opens a self-assessment came for that; search can
// wait a second, and starts at once when they go to it.
//
// How: Material asks for the index with XMLHttpRequest as soon as its bundle runs. This classic
// script runs before the bundle (hooks/zelftests.py puts it in the head of such pages only) and
// holds back the send() of that one request. Every other request goes out as always. The engine
// says it is done with the event ENGINE_EVENT on document (runtime.mjs).
//
// Written for old browsers too (no arrow functions, no let), like startcontrole.js.
(function () {
  "use strict";

  var LONGEST_WAIT_MS = 8000;
  var ENGINE_EVENT = "vertrouwenswijzer:rekenmodule";
  // Material writes search/search_index.json, Zensical search.json (both at the site's root).
  var INDEX_PATH = /\/search(?:\/search_index)?\.json$/;
  var SEARCH_BOX = "form[name=search] input, label[for=__search]";

  if (typeof XMLHttpRequest !== "function" || location.protocol === "file:") return;

  var held = [];
  var released = false;
  var isIndex = typeof WeakSet === "function" ? new WeakSet() : null;
  if (!isIndex) return;

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    if (!released && INDEX_PATH.test(new URL(String(url), document.baseURI).pathname)) {
      isIndex.add(this);
    }
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (released || !isIndex.has(this)) return send.apply(this, arguments);
    var request = this;
    var args = arguments;
    held.push(function () {
      send.apply(request, args);
    });
  };

  function release() {
    if (released) return;
    released = true;
    var waiting = held;
    held = [];
    for (var i = 0; i < waiting.length; i++) waiting[i]();
  }

  document.addEventListener(ENGINE_EVENT, release);
  // Focus on the search field (a click, a tap, or Material's keys "s", "f" and "/"), or a click on
  // the search button of a narrow screen.
  function releaseAtSearchBox(event) {
    if (event.target && event.target.closest && event.target.closest(SEARCH_BOX)) release();
  }
  document.addEventListener("focusin", releaseAtSearchBox);
  document.addEventListener("click", releaseAtSearchBox);
  setTimeout(release, LONGEST_WAIT_MS);
})();
