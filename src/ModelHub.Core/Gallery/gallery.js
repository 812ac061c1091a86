"use strict";
// Sorting, filtering and copy buttons. The cards are complete without this script.
(() => {
  const grid = document.getElementById("cards");
  const cards = Array.from(grid.querySelectorAll(".card"));
  const filter = document.getElementById("filter");
  const type = document.getElementById("type");
  const hub = document.getElementById("hub");
  const sort = document.getElementById("sort");
  const count = document.getElementById("count");

  function applyFilter() {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const card of cards) {
      const visible = words.every(word => card.dataset.search.includes(word))
        && (type.value === "" || card.dataset.type === type.value)
        && (hub.value === "" || card.dataset.hub === hub.value);
      card.hidden = !visible;
      shown += visible ? 1 : 0;
    }
    count.textContent = `${shown} of ${cards.length} models`;
  }

  function applySort() {
    const key = sort.value;
    const number = card => Number(card.dataset[key] || -1);
    const ordered = cards.slice().sort((a, b) =>
      key === "name" ? a.dataset.name.localeCompare(b.dataset.name)
      : key === "index" ? number(a) - number(b)
      : number(b) - number(a));
    for (const card of ordered) {
      grid.appendChild(card);
    }
  }

  for (const button of document.querySelectorAll(".install button")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const command = button.previousElementSibling;
      try {
        await navigator.clipboard.writeText(command.textContent);
        button.textContent = "Copied";
      } catch {
        // No clipboard access (an old browser or a denied permission): select it for Ctrl+C.
        getSelection().selectAllChildren(command);
        button.textContent = "Press Ctrl+C";
      }
      setTimeout(() => { button.textContent = "Copy"; }, 1500);
    });
  }

  filter.addEventListener("input", applyFilter);
  type.addEventListener("change", applyFilter);
  hub.addEventListener("change", applyFilter);
  sort.addEventListener("change", applySort);
  document.getElementById("toolbar").hidden = false;
  applyFilter();
})();
