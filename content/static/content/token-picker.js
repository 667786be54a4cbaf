// The service token picker on the page form: filter the list as you type, and insert a
// token into the page text at the cursor. Loaded as a file of our own (the CSP allows no
// inline script); the list works without it.
(function () {
  "use strict";
  var editor = null;

  // django-prose-editor announces each editor it builds; keep the page body's.
  document.addEventListener("prose-editor:ready", function (event) {
    if (event.detail.textarea && event.detail.textarea.name === "body") {
      editor = event.detail.editor;
    }
  });

  function insertIntoTextarea(textarea, text) {
    var start = textarea.selectionStart || 0;
    var end = textarea.selectionEnd || 0;
    textarea.value = textarea.value.slice(0, start) + text + textarea.value.slice(end);
    textarea.focus();
  }

  function start() {
    var panel = document.getElementById("service-tokens");
    if (!panel) {
      return;
    }
    var search = panel.querySelector("#service-token-search");
    var status = panel.querySelector("#service-token-status");
    var rows = Array.prototype.slice.call(panel.querySelectorAll("tbody tr"));
    panel.querySelector(".token-search").hidden = false;

    search.addEventListener("input", function () {
      var wanted = search.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var match = !wanted || row.textContent.toLowerCase().indexOf(wanted) !== -1;
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      status.textContent = wanted ? shown + " of " + rows.length + " services shown" : "";
    });

    panel.querySelectorAll("button[data-token]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var token = button.getAttribute("data-token");
        if (editor) {
          // A paragraph of its own, as the token's help text asks.
          editor.chain().focus().insertContent("<p>" + token + "</p>").run();
        } else {
          insertIntoTextarea(document.querySelector("textarea[name=body]"), token);
        }
        status.textContent = "Inserted " + token + " into the page text.";
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
