// Followup's only script besides htmx: copy buttons, the browser's time zone as a default,
// and focus on what a page has to say. Everything works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button.copy")) {
    button.hidden = !navigator.clipboard;
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      const status = button.parentElement.querySelector(".copied");
      try {
        await navigator.clipboard.writeText(source.value);
        if (status) status.textContent = "Copied.";
      } catch (error) {
        source.select();
        if (status) status.textContent = "Press Ctrl+C (or ⌘C) to copy.";
      }
    });
  }
  // An empty time zone on the add form or in Settings: the browser's own, as a suggestion.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const field of document.querySelectorAll('form[action="/interviews/new"] #f-timezone, [data-default-zone]')) {
    if (!field.value && zone && document.querySelector(`#zone-list option[value="${CSS.escape(zone)}"]`)) {
      field.value = zone;
    }
  }
  // A form's problems first (GOV.UK's error summary), else the banner after an action.
  const first = document.getElementById("error-summary") || document.getElementById("banner");
  if (first) first.focus();
});
