// Under every text box with a length limit, "used / limit" as staff type (the FAQ's short answer
// for the noticeboard, for one): the limit is seen before the form refuses the text.
(function () {
  "use strict";

  function attach(field) {
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    if (!limit || field.dataset.charCounter) {
      return;
    }
    field.dataset.charCounter = "1";
    var counter = document.createElement("div");
    counter.className = "help char-counter";
    counter.setAttribute("aria-live", "polite");
    function update() {
      counter.textContent = field.value.length + " / " + limit;
      counter.classList.toggle("char-counter-full", field.value.length >= limit);
    }
    field.addEventListener("input", update);
    field.insertAdjacentElement("afterend", counter);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[maxlength]").forEach(attach);
  });
})();
