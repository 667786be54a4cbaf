/*
 * Forget answers. What a visitor ticked or typed must not come back when someone
 * presses Back, for example after the quick exit.
 *
 * - A page that answers a POST (the help-finder's results, the self-check's answer,
 *   search results) is marked data-shows-answers by the server. It rewrites its own
 *   history entry as a plain visit to the same address (replaceState), so the browser
 *   drops the POST body it keeps for that entry: Back or Reload then loads the empty
 *   form instead of offering to send the answers again. Without JavaScript the entry
 *   keeps the POST body; the "Using this site safely" page says so.
 * - Forms marked data-forget-answers are emptied whenever the page comes back from
 *   history. autocomplete="off" already stops the browser refilling them; this also
 *   covers the back-forward cache, which keeps a page exactly as it was left.
 * - A page showing answers hides itself as it goes into the back-forward cache, and
 *   reloads (as a plain visit now, so empty) if the cache brings it back.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var showsAnswers = document.querySelector("[data-shows-answers]") !== null;
  var forms = document.querySelectorAll("form[data-forget-answers]");

  if (showsAnswers && window.history && window.history.replaceState) {
    window.history.replaceState(window.history.state, "", window.location.href);
  }

  function cameFromHistory(event) {
    if (event.persisted) {
      return true;
    }
    var entries = window.performance && window.performance.getEntriesByType
      ? window.performance.getEntriesByType("navigation")
      : [];
    return entries.length > 0 && entries[0].type === "back_forward";
  }

  function empty(form) {
    for (var i = 0; i < form.elements.length; i += 1) {
      var field = form.elements[i];
      if (field.type === "radio" || field.type === "checkbox") {
        field.checked = false;
      } else if (field.type === "text" || field.type === "search" || field.tagName === "TEXTAREA") {
        field.value = "";
      }
    }
  }

  window.addEventListener("pagehide", function (event) {
    if (showsAnswers && event.persisted) {
      root.classList.add("answers-hidden");
    }
  });

  window.addEventListener("pageshow", function (event) {
    if (showsAnswers && event.persisted) {
      window.location.reload();
      return;
    }
    if (cameFromHistory(event)) {
      Array.prototype.forEach.call(forms, empty);
    }
  });
})();
