/*
 * Quick exit. The link works on its own (no JavaScript needed); this makes it
 * faster and leaves less behind:
 * - a click blanks the page at once and leaves with location.replace, so the
 *   Back button does not return here;
 * - pressing Shift three times (on release, Shift alone, at most 5 s apart)
 *   does the same. Esc is deliberately not used: it closes dialogs and stops
 *   page loads, so people press it for other reasons.
 */
(function () {
  "use strict";

  var link = document.querySelector("[data-quick-exit]");
  if (!link || !window.location.replace) {
    return;
  }
  var status = document.querySelector("[data-quick-exit-status]");
  var root = document.documentElement;
  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var count = 0;
  var lastPress = 0;
  var shiftAlone = false;

  function leave() {
    root.classList.add("quick-exit-leaving");
    document.title = "";
    window.location.replace(link.href);
  }

  // The page's language, from templates/includes/quick_exit.html; English if it is missing.
  function said(name, english) {
    return (status && status.getAttribute("data-quick-exit-" + name)) || english;
  }

  function announce(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function reset() {
    if (count > 0) {
      announce("");
    }
    count = 0;
  }

  link.addEventListener("click", function (event) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return; // let people open it however they asked
    }
    event.preventDefault();
    leave();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      shiftAlone = true;
      return;
    }
    shiftAlone = false;
    reset();
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
    if (!shiftAlone) {
      return;
    }
    shiftAlone = false;
    var now = Date.now();
    if (count > 0 && now - lastPress > WINDOW_MS) {
      count = 0;
    }
    count += 1;
    lastPress = now;
    if (count >= PRESSES) {
      count = 0;
      announce(said("leaving", "Leaving this site."));
      leave();
      return;
    }
    var left = PRESSES - count;
    announce(
      said(
        "press-" + left,
        "Press Shift " + left + " more time" + (left === 1 ? "" : "s") + " to leave this site."
      )
    );
  });

  // The header's search box is on every page: empty it as the page is left, so the
  // back-forward cache never keeps (and Back never shows) the words someone searched for.
  window.addEventListener("pagehide", function () {
    var box = document.getElementById("site-search-q");
    if (box) {
      box.value = "";
    }
  });

  // A page brought back from the back-forward cache must not stay blank.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      root.classList.remove("quick-exit-leaving");
      count = 0;
      announce("");
    }
  });
})();
