/*
 * The menu button of small screens (templates/navigation/header.html). Loaded in the head, so
 * that the menu is folded away before the first paint: nothing moves once the page shows.
 * Without this script (or in a browser too old for it) the menu is simply shown, and the button
 * is not. ES5 only.
 */
(function () {
  var root = document.documentElement;
  if (!root.classList || !window.matchMedia || !document.addEventListener) {
    return;
  }
  root.classList.add("js");

  function setOpen(header, button, open) {
    header.classList.toggle("is-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function start() {
    var header = document.querySelector(".site-header");
    var button = header && header.querySelector(".menu-button");
    if (!button) {
      return;
    }
    setOpen(header, button, false);
    button.addEventListener("click", function () {
      setOpen(header, button, !header.classList.contains("is-open"));
    });
    header.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && header.classList.contains("is-open")) {
        setOpen(header, button, false);
        button.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
