// dictum serve: a little behaviour on top of server-rendered pages.
(function () {
  "use strict";
  // "/" focuses the search box.
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key === "/" && !(t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement)) {
      var q = document.getElementById("quick-q");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    }
  });
  // Article pages: a statement in the list and its place in the text light up together.
  function light(report, on) {
    document.querySelectorAll('[data-report="' + report + '"]').forEach(function (el) {
      el.classList.toggle("hl", on);
    });
  }
  document.querySelectorAll("aside.side li[data-report]").forEach(function (li) {
    li.addEventListener("mouseenter", function () { light(li.dataset.report, true); });
    li.addEventListener("mouseleave", function () { light(li.dataset.report, false); });
  });
  var m = /^#r(\d+)$/.exec(location.hash);
  if (m) {
    light(m[1], true);
    var first = document.querySelector('.text [data-report="' + m[1] + '"]');
    if (first) { first.scrollIntoView({ block: "center" }); }
  }
})();
