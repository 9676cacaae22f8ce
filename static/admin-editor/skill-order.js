/* A level's skills in order: Move up / Move down (keyboard: the button keeps focus), dragging with a mouse,
   and skills added from the autocomplete box joining the end of the list, or a word if already there.
   Without this script the list still saves in its order and skills are added when the form is saved. */
(function () {
  "use strict";

  function note(list, text, warning) {
    var out = document.getElementById(list.closest(".skill-picker").id + "_note");
    if (!out) return;
    out.textContent = text;
    out.classList.toggle("warning", !!warning);
  }

  function nameOf(item) {
    return item.querySelector(".skill-name").textContent;
  }

  function position(item) {
    return Array.prototype.indexOf.call(item.parentNode.children, item) + 1;
  }

  function said(item) {
    return nameOf(item) + " is number " + position(item) + " of " + item.parentNode.children.length + ".";
  }

  function arm(item) {
    item.setAttribute("draggable", "true");
    item.querySelectorAll("button[data-move]").forEach(function (b) { b.hidden = false; });
  }

  function armAll(root) {
    root.querySelectorAll(".skill-order li").forEach(function (item) {
      if (!item.closest(".empty-form")) arm(item);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".skill-order button[data-move]");
    if (!button) return;
    var item = button.closest("li");
    var list = item.parentNode;
    if (button.dataset.move === "up") {
      if (!item.previousElementSibling) return note(list, nameOf(item) + " is first already.");
      list.insertBefore(item, item.previousElementSibling);
    } else {
      if (!item.nextElementSibling) return note(list, nameOf(item) + " is last already.");
      list.insertBefore(item.nextElementSibling, item);
    }
    button.focus();
    note(list, said(item));
  });

  // Dragging with a mouse (or a finger where the browser supports it).
  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest(".skill-order li");
    if (!item) return;
    dragged = item;
    item.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", nameOf(item));
  });
  document.addEventListener("dragover", function (event) {
    if (!dragged) return;
    var over = event.target.closest && event.target.closest(".skill-order li");
    if (!over || over === dragged || over.parentNode !== dragged.parentNode) return;
    event.preventDefault();
    var box = over.getBoundingClientRect();
    var after = event.clientY > box.top + box.height / 2;
    over.parentNode.insertBefore(dragged, after ? over.nextElementSibling : over);
  });
  document.addEventListener("drop", function (event) {
    if (dragged) event.preventDefault();
  });
  document.addEventListener("dragend", function () {
    if (!dragged) return;
    dragged.classList.remove("dragging");
    note(dragged.parentNode, said(dragged));
    dragged = null;
  });

  function added(select, id, text) {
    var picker = select.closest(".skill-picker");
    var list = picker.querySelector(".skill-order");
    var $ = window.django.jQuery;
    // The box only collects; the list is what is saved, in its order.
    $(select).find('option[value="' + id + '"]').remove();
    $(select).trigger("change");
    var existing = list.querySelector('li[data-skill="' + id + '"]');
    if (existing) {
      note(list, text + " is already chosen for this level (number " + position(existing) + "); it stays once.", true);
      existing.classList.add("flash");
      setTimeout(function () { existing.classList.remove("flash"); }, 1500);
      return;
    }
    var template = list.querySelector("li");
    var name = select.name.replace(/_add$/, "");
    var item = document.createElement("li");
    item.dataset.skill = id;
    item.innerHTML =
      '<input type="hidden"><span class="skill-name"></span>' +
      '<button type="button" class="button" data-move="up">Move up</button> ' +
      '<button type="button" class="button" data-move="down">Move down</button> ' +
      '<label><input type="checkbox"> Remove</label>';
    item.querySelector("input[type=hidden]").name = name;
    item.querySelector("input[type=hidden]").value = id;
    item.querySelector("input[type=checkbox]").name = name + "_remove";
    item.querySelector("input[type=checkbox]").value = id;
    item.querySelector(".skill-name").textContent = text;
    item.querySelector('[data-move="up"]').setAttribute("aria-label", "Move up: " + text);
    item.querySelector('[data-move="down"]').setAttribute("aria-label", "Move down: " + text);
    item.querySelector("input[type=checkbox]").setAttribute("aria-label", "Remove " + text);
    if (template) item.className = template.className;
    list.appendChild(item);
    arm(item);
    note(list, text + " added: " + said(item));
  }

  function listen() {
    armAll(document);
    if (!window.django || !window.django.jQuery) return;
    var $ = window.django.jQuery;
    $(document).on("select2:select", "select.skill-add", function (event) {
      added(this, String(event.params.data.id), event.params.data.text);
    });
    // A level added with "Add another" gets its own list.
    $(document).on("formset:added", function (event) { armAll(event.target); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", listen);
  else listen();
})();
