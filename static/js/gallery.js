// The report's gallery in an overlay. Without JavaScript every thumbnail links to the photo's own
// page (news/photo_detail.html); with it the same photo, caption and "photo n of m" open in a
// modal <dialog> over the report: ← and → or a swipe change the photo, Esc or "Close" closes it,
// and focus returns to the thumbnail of the photo last shown. The address follows the photo, so
// a copied link or a reload opens the photo's page, and the browser's Back closes the overlay.
(function () {
  "use strict";

  var SWIPE = 50; // px of horizontal travel that counts as a swipe

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function button(className, symbol, label) {
    var node = element("button", className);
    node.type = "button";
    var mark = element("span", "", symbol);
    mark.setAttribute("aria-hidden", "true");
    node.appendChild(mark);
    node.appendChild(element("span", "visually-hidden", label));
    return node;
  }

  function setup(list) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a[data-src]"));
    if (!links.length || typeof HTMLDialogElement !== "function") {
      return;
    }
    var labels = list.dataset;
    var current = 0;
    var pushed = false;

    var dialog = element("dialog", "photo-viewer");
    dialog.setAttribute("aria-labelledby", "photo-viewer-counter");
    var bar = element("div", "photo-viewer-bar");
    var counter = element("p", "photo-viewer-counter");
    counter.id = "photo-viewer-counter";
    var pageLink = element("a", "photo-viewer-page", labels.labelPage);
    var close = element("button", "photo-viewer-close", labels.labelClose);
    close.type = "button";
    bar.appendChild(counter);
    bar.appendChild(pageLink);
    bar.appendChild(close);
    var figure = element("figure", "photo-viewer-figure");
    var picture = element("picture");
    var image = element("img");
    var caption = element("figcaption");
    figure.appendChild(picture);
    figure.appendChild(caption);
    var previous = button("photo-viewer-previous", "‹", labels.labelPrevious);
    var next = button("photo-viewer-next", "›", labels.labelNext);
    dialog.appendChild(bar);
    dialog.appendChild(figure);
    dialog.appendChild(previous);
    dialog.appendChild(next);
    document.body.appendChild(dialog);

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var data = link.dataset;
      var thumbnail = link.querySelector("img");
      var text = link.closest("figure").querySelector("figcaption");
      picture.textContent = "";
      [["avif", "image/avif"], ["webp", "image/webp"]].forEach(function (format) {
        if (data[format[0]]) {
          var source = element("source");
          source.type = format[1];
          source.srcset = data[format[0]];
          picture.appendChild(source);
        }
      });
      // A fresh <img>, so the previous photo never shows beside the new caption while it loads.
      image = element("img");
      image.src = data.src;
      image.width = Number(data.width);
      image.height = Number(data.height);
      image.alt = thumbnail ? thumbnail.alt : "";
      if (thumbnail && thumbnail.lang) {
        image.lang = thumbnail.lang;
      }
      picture.appendChild(image);
      caption.textContent = text ? text.textContent : "";
      caption.hidden = !text;
      caption.removeAttribute("lang");
      if (text && text.lang) {
        caption.lang = text.lang;
      }
      counter.textContent = labels.labelCounter
        .replace("{number}", String(current + 1))
        .replace("{total}", String(links.length));
      pageLink.href = link.href;
      var single = links.length < 2;
      previous.hidden = single;
      next.hidden = single;
      if (pushed) {
        history.replaceState({ photoViewer: true }, "", link.href);
      }
    }

    function open(index) {
      show(index);
      dialog.showModal();
      close.focus();
      if (window.history && history.pushState) {
        history.pushState({ photoViewer: true }, "", links[current].href);
        pushed = true;
      }
    }

    dialog.addEventListener("close", function () {
      links[current].focus();
      if (pushed) {
        pushed = false;
        history.back();
      }
    });
    window.addEventListener("popstate", function () {
      if (dialog.open) {
        pushed = false; // Back already left the photo's address
        dialog.close();
      }
    });

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
          return; // a new tab or window gets the photo's page
        }
        event.preventDefault();
        open(index);
      });
    });
    close.addEventListener("click", function () {
      dialog.close();
    });
    previous.addEventListener("click", function () {
      show(current - 1);
    });
    next.addEventListener("click", function () {
      show(current + 1);
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") {
        event.preventDefault();
        show(current - 1);
      } else if (event.key === "ArrowRight") {
        event.preventDefault();
        show(current + 1);
      }
    });
    // A click on the dimmed backdrop (the dialog itself, outside its content) closes it.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) {
        dialog.close();
      }
    });

    var start = null;
    figure.addEventListener("pointerdown", function (event) {
      start = { x: event.clientX, y: event.clientY };
    });
    figure.addEventListener("pointerup", function (event) {
      if (!start) {
        return;
      }
      var dx = event.clientX - start.x;
      var dy = event.clientY - start.y;
      start = null;
      if (Math.abs(dx) > SWIPE && Math.abs(dx) > Math.abs(dy)) {
        show(dx < 0 ? current + 1 : current - 1);
      }
    });
    figure.addEventListener("pointercancel", function () {
      start = null;
    });
    // Dragging the picture with a mouse would start the browser's own drag of the image file.
    figure.addEventListener("dragstart", function (event) {
      event.preventDefault();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-viewer]"), setup);
})();
