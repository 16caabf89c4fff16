/*
 * Dismiss button of the outdated-browser notice (templates/legacy_browsers/notice.html).
 * It runs on the very browsers the notice is for, down to IE 6: ES3 only, no
 * querySelector, classList or addEventListener-only code. The button ships
 * hidden, so without this script no dead button is shown.
 */
(function () {
  var KEY = "legacy-notice-dismissed";

  function storage() {
    // Missing before IE 8; throws when storage is disabled or in some private modes.
    try {
      return window.sessionStorage || null;
    } catch (e) {
      return null;
    }
  }

  function on(element, type, handler) {
    if (element.addEventListener) {
      element.addEventListener(type, handler, false);
    } else if (element.attachEvent) {
      element.attachEvent("on" + type, handler);
    }
  }

  function hide(element) {
    element.setAttribute("hidden", "hidden");
    element.style.display = "none"; // IE 10 and older ignore the hidden attribute
  }

  function wire(notice, button) {
    button.removeAttribute("hidden");
    on(button, "click", function () {
      hide(notice);
      var store = storage();
      try {
        if (store) {
          store.setItem(KEY, "1");
        }
      } catch (e) {
        // Quota or privacy mode: the notice is hidden for this page only.
      }
    });
  }

  function init() {
    var store = storage();
    var dismissed = false;
    try {
      dismissed = !!store && store.getItem(KEY) === "1";
    } catch (e) {
      dismissed = false;
    }
    var divs = document.getElementsByTagName("div");
    for (var i = 0; i < divs.length; i++) {
      if (!/(^|\s)legacy-notice(\s|$)/.test(divs[i].className)) {
        continue;
      }
      if (dismissed) {
        hide(divs[i]);
        continue;
      }
      var buttons = divs[i].getElementsByTagName("button");
      for (var j = 0; j < buttons.length; j++) {
        if (buttons[j].getAttribute("data-dismiss") === "legacy-notice") {
          wire(divs[i], buttons[j]);
        }
      }
    }
  }

  // Deferred scripts may still run before parsing ends in old IE: wait for the DOM.
  var started = false;
  function start() {
    if (!started) {
      started = true;
      init();
    }
  }
  if (document.readyState === "complete") {
    start();
  } else {
    on(document, "DOMContentLoaded", start); // IE 9 and every current browser
    on(window, "load", start); // IE 8 and older
  }
})();
