/* assetbust sample: tiny helpers, loaded before app.js. */
(function (global) {
  "use strict";

  /** Runs fn once the document is parsed. */
  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  /** The path of a URL without origin, e.g. "/css/main-<md5>.css". */
  function pathOf(url) {
    try {
      return new URL(url, global.location.href).pathname;
    } catch (e) {
      return url;
    }
  }

  /** Whether a path carries a content digest in its file name. */
  function isHashed(path) {
    return /-[0-9a-f]{32}\.[^/]+$/.test(path);
  }

  global.assetbustUtil = { ready: ready, pathOf: pathOf, isHashed: isHashed };
})(window);
