/* The sheet's change page (admin): the error summary at the top takes the focus, and following
   one of its links opens the folded phase holding the field and puts the cursor in it. */
(function () {
  "use strict";

  function reveal(target) {
    for (let node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    target.scrollIntoView({ block: "center" });
    if (typeof target.focus === "function") target.focus({ preventScroll: true });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const summary = document.getElementById("sheet-errors");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      const link = event.target.closest("a[href^='#']");
      if (!link) return;
      const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!target) return;
      event.preventDefault();
      history.replaceState(null, "", link.hash);
      reveal(target);
    });
  });
})();
