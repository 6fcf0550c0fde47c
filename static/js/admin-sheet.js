/* The sheet's change page (admin): the error summary at the top takes the focus, and following
   one of its links opens the folded phase holding the field and puts the cursor in it. A phase's
   summary line follows its period and heading as staff edit them. */
(function () {
  "use strict";

  function reveal(target) {
    for (let node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    target.scrollIntoView({ block: "center" });
    if (typeof target.focus === "function") target.focus({ preventScroll: true });
  }

  /* "2021-08" → "'21. 8." (projects.months.phase_period) */
  function month(value) {
    const match = /^(\d{4})-(\d{1,2})/.exec(value || "");
    return match ? "'" + match[1].slice(2) + ". " + Number(match[2]) + "." : "";
  }

  function followEdits(event) {
    const input = event.target;
    const phase = input.closest(".sheet-phase");
    if (!phase || !/-(started_on|ended_on|heading)$/.test(input.name || "")) return;
    if (input.closest(".djn-group") !== phase.closest(".djn-group")) return;  // not a nested row
    const prefix = phase.id + "-";
    const field = function (name) { return phase.querySelector("[name='" + prefix + name + "']"); };
    const period = phase.querySelector(".sheet-phase-period");
    const heading = phase.querySelector(".sheet-phase-heading");
    const start = month(field("started_on") && field("started_on").value);
    const end = month(field("ended_on") && field("ended_on").value);
    if (period && start) period.textContent = start + " ~" + (end ? " " + end : "");
    const typed = field("heading") ? field("heading").value.trim() : "";
    if (heading && typed) {
      heading.textContent = typed;
      const first = phase.querySelector(".sheet-phase-first");
      if (first) first.remove();
    }
  }

  document.addEventListener("change", followEdits);

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
