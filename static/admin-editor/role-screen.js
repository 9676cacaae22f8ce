/* The role screen: the error summary's links open the folded section and put the cursor in the field. */
(function () {
  "use strict";

  function focusable(target) {
    // A select that select2 hides is reached through select2's own box, right after it.
    if (target.tagName === "SELECT" && target.classList.contains("select2-hidden-accessible")) {
      var box = target.parentNode.querySelector(".select2-selection");
      if (box) return box;
    }
    return target;
  }

  function reveal(target) {
    for (var node = target.parentNode; node; node = node.parentNode) {
      if (node.tagName === "DETAILS") node.open = true;
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".error-summary a[data-field]");
    if (!link) return;
    var target = document.getElementById(link.dataset.field);
    if (!target) return;
    event.preventDefault();
    reveal(target);
    var into = focusable(target);
    // A section's own error points at the section: make it able to take the focus.
    if (!into.matches("input, select, textarea, button, a[href], [tabindex]")) into.setAttribute("tabindex", "-1");
    into.scrollIntoView({ block: "center" });
    into.focus({ preventScroll: true });
    history.replaceState(null, "", "#" + link.dataset.field);
  });

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  });
})();
