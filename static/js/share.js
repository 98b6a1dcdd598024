// "Copy link": without JavaScript the link simply opens the page; with it, the link becomes a
// button that copies the page's address and says so in the share block's live region.
(function () {
  "use strict";
  if (window.unionShareReady) {
    return;
  }
  window.unionShareReady = true;

  function announce(block, text) {
    var status = block && block.querySelector(".share-status");
    if (status) {
      // Empty first so that a second copy is announced again.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = text;
      }, 50);
    }
  }

  function selectFallback(link, block) {
    // No clipboard API (an old browser, or a page not served over HTTPS): show the address
    // selected in a read-only field so the reader can copy it themselves.
    var field = block.querySelector(".share-url-field");
    if (!field) {
      field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "share-url-field";
      field.value = link.getAttribute("data-share-url");
      field.setAttribute("aria-label", link.getAttribute("data-copy-label"));
      block.appendChild(field);
    }
    field.focus();
    field.select();
    var copied = false;
    try {
      copied = document.execCommand && document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    announce(block, copied ? link.getAttribute("data-copied") : link.getAttribute("data-copy-fallback"));
  }

  function enhance(link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "share-copy";
    button.textContent = link.textContent;
    button.setAttribute("data-share-url", link.href);
    button.setAttribute("data-copied", link.getAttribute("data-copied"));
    button.setAttribute("data-copy-fallback", link.getAttribute("data-copy-fallback"));
    button.setAttribute("data-copy-label", link.getAttribute("data-copy-label"));
    button.addEventListener("click", function () {
      var block = button.closest(".share");
      var url = button.getAttribute("data-share-url");
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(
          function () {
            announce(block, button.getAttribute("data-copied"));
          },
          function () {
            selectFallback(button, block);
          }
        );
      } else {
        selectFallback(button, block);
      }
    });
    link.parentNode.replaceChild(button, link);
  }

  function init() {
    var links = document.querySelectorAll("a[data-share-copy]");
    for (var i = 0; i < links.length; i++) {
      enhance(links[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
