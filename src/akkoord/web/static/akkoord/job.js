// Follows an upload being read (dossiers/job.html): asks the job's state every second,
// updates the text and the progress bar, and opens the result when the reading is done.
(function () {
  "use strict";
  var root = document.querySelector("[data-job-url]");
  if (!root || !window.fetch) { return; }
  var label = document.getElementById("voortgang-label");
  var bar = document.getElementById("voortgang");
  var refresh = document.getElementById("voortgang-verversen");
  if (refresh) { refresh.hidden = true; }
  function poll() {
    fetch(root.getAttribute("data-job-url"), {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (job.finished) { window.location.assign(job.url); return; }
        if (label.textContent !== job.text) { label.textContent = job.text; }
        if (job.total) { bar.max = job.total; bar.value = job.done; } else { bar.removeAttribute("value"); }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
}());
