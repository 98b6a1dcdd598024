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

// In a narrow column a table becomes a list (site.css): each cell shows its column's name from
// data-label. Templates write it; for the tables staff put in text, take it from the header row.
(function () {
  "use strict";
  var tables = document.querySelectorAll("main table:not(.event-calendar)");
  for (var t = 0; t < tables.length; t += 1) {
    var table = tables[t];
    var head = table.tHead ? table.tHead.rows[0] : table.rows[0];
    if (!head || table.querySelector("td[data-label]")) {
      continue;
    }
    var names = [];
    for (var h = 0; h < head.cells.length; h += 1) {
      var cell = head.cells[h];
      if (cell.tagName !== "TH") {
        names = [];
        break;
      }
      for (var span = 0; span < cell.colSpan; span += 1) {
        names.push(cell.textContent.trim());
      }
    }
    if (!names.length) {
      continue;
    }
    for (var r = 0; r < table.rows.length; r += 1) {
      var row = table.rows[r];
      if (row === head) {
        continue;
      }
      for (var c = 0, column = 0; c < row.cells.length; c += 1) {
        if (row.cells[c].tagName === "TD" && names[column]) {
          row.cells[c].setAttribute("data-label", names[column]);
        }
        column += row.cells[c].colSpan;
      }
    }
  }
})();

// After a display choice the site sends the reader back to #display-settings: open the folded
// panel there (some browsers open a <details> holding the target themselves, not all).
(function () {
  "use strict";
  var anchor = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
  var fold = anchor && anchor.closest ? anchor.closest("details.display-fold") : null;
  if (fold && !fold.open) {
    fold.open = true;
  }
})();
