// The menu and the list filters are <details> that fold on a phone and work without JavaScript.
// On a wide screen they should simply be open; the stylesheet shows them in browsers that know
// ::details-content, and this opens them in the others (and folds the menu again on a phone).
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48rem)");

  function apply() {
    var disclosures = document.querySelectorAll("details[data-wide-open]");
    for (var i = 0; i < disclosures.length; i += 1) {
      var details = disclosures[i];
      if (wide.matches && !details.open) {
        details.open = true;
        details.setAttribute("data-opened-wide", "");
      } else if (!wide.matches && details.hasAttribute("data-opened-wide")) {
        details.open = false;
        details.removeAttribute("data-opened-wide");
      }
    }
  }

  apply();
  if (wide.addEventListener) {
    wide.addEventListener("change", apply);
  }
})();
