// The "Print" link opens the print version without JavaScript; with it, print the page directly.
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-print]");
  if (link && window.print) {
    event.preventDefault();
    window.print();
  }
});
