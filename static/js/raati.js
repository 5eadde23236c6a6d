/* Raati's own behaviour. Everything here is an enhancement: pages work without it. */
(function () {
  "use strict";

  // Move focus to an error summary (or any region marked data-autofocus) so that
  // keyboard and screen-reader users land on what changed.
  function focusMarked(root) {
    var target = (root || document).querySelector("[data-autofocus]");
    if (target) {
      if (!target.hasAttribute("tabindex")) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
    }
  }

  // On "load", not "DOMContentLoaded": scrolling to a #fragment would take the focus back.
  window.addEventListener("load", function () {
    focusMarked(document);
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    focusMarked(event.detail.elt);
  });
})();
