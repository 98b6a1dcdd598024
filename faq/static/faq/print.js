// Printing an FAQ page prints its answers: closed <details> open before printing and close again
// afterwards. The "Print" links open the print version without JavaScript; with it, print at once.
(function () {
  "use strict";
  var opened = [];

  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) {
      closed[i].open = true;
      opened.push(closed[i]);
    }
  });

  window.addEventListener("afterprint", function () {
    while (opened.length) {
      opened.pop().open = false;
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-print]");
    if (link && window.print) {
      event.preventDefault();
      window.print();
    }
  });
})();
