/* assetbust sample: lists the stylesheets, scripts and images this page loaded. */
(function (util) {
  "use strict";

  util.ready(function () {
    var list = document.getElementById("loaded-assets");
    if (!list) {
      return;
    }
    var elements = document.querySelectorAll("link[rel=stylesheet], script[src], img[src]");
    list.textContent = "";
    Array.prototype.forEach.call(elements, function (element) {
      var path = util.pathOf(element.getAttribute("href") || element.getAttribute("src"));
      var item = document.createElement("li");
      item.textContent = (util.isHashed(path) ? "\u2714 " : "\u2718 ") + path;
      item.title = util.isHashed(path) ? "content-hashed, cached for a year" : "not hashed";
      list.appendChild(item);
    });
  });
})(window.assetbustUtil);
