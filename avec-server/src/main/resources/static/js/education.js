// Patient education review page: forms about illustrations carry the text typed so far, so nothing is lost
// when the page reloads after an upload or a check (the autosave may not have run yet).
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var note = document.getElementById("note");
    if (!form.classList || !form.classList.contains("keeps-text") || !note) {
      return;
    }
    var field = form.querySelector('input[type="hidden"][name="text"]');
    if (field) {
      // Disabled in the page, so that without this script no empty text is ever posted.
      field.disabled = false;
      field.value = note.value;
    }
  });
})();
