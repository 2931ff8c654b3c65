// Followup's only script besides htmx: copy buttons. Everything works without it.
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
});
