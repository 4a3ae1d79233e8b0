/* The pages' small behaviours, in one file so that the Content-Security-Policy needs no inline script, no inline
   event handler and no eval (htmx runs with allowEval off: no hx-on, no filters in hx-trigger).
   - data-autosubmit on a <select>: choosing submits its form (a <noscript> button does it without JavaScript);
   - data-print on a button: prints the page;
   - data-clear="<id>" on a link: empties that element instead of following the link (the link works without JS);
   - data-swap-statuses="403 404 …" on a container: htmx answers with these statuses replace their target like a
     200 (the answer is the form with its message);
   - the intake form (#intake-form): Enter never submits the whole form (in the search box it searches), arrows move
     between the search box and its results, Escape goes back; choosing the agency, case or channel asks htmx for
     the appointment again (the "intake-changed" event). */
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select[data-autosubmit]") && target.form) {
      target.form.submit();
    }
    var form = target.form;
    if (form && form.id === "intake-form" && ["receiving_agency", "case_id", "channel"].indexOf(target.name) >= 0 && window.htmx) {
      window.htmx.trigger(document.body, "intake-changed");
    }
  });
  document.addEventListener("click", function (event) {
    var print = event.target.closest && event.target.closest("[data-print]");
    if (print) {
      window.print();
      return;
    }
    var clear = event.target.closest && event.target.closest("[data-clear]");
    if (clear) {
      var region = document.getElementById(clear.getAttribute("data-clear"));
      if (region) {
        event.preventDefault();
        region.replaceChildren();
      }
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var holder = event.target.closest && event.target.closest("[data-swap-statuses]");
    if (!holder) { return; }
    var statuses = holder.getAttribute("data-swap-statuses").split(/\s+/);
    if (statuses.indexOf(String(event.detail.xhr.status)) >= 0) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var form = target.closest && target.closest("#intake-form");
    if (!form) { return; }
    var search = document.getElementById("id_q");
    if (event.key === "Enter" && target.tagName === "INPUT" && target.type !== "submit" && target.type !== "button") {
      event.preventDefault();
      if (target === search && window.htmx) { window.htmx.trigger(search, "intake-search"); }
      return;
    }
    var results = Array.prototype.slice.call(form.querySelectorAll("#intake-results .intake-result"));
    if (!results.length) { return; }
    var index = results.indexOf(target);
    if (event.key === "ArrowDown" && (target === search || index >= 0)) {
      event.preventDefault();
      results[Math.min(index + 1, results.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      event.preventDefault();
      (index === 0 ? search : results[index - 1]).focus();
    } else if (event.key === "Escape" && index >= 0) {
      search.focus();
    }
  });
})();
