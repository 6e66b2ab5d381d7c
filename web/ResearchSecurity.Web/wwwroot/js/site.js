// Progressive enhancement only: every page works without this file.
// Shows <time data-local> values in the browser's own time zone and locale.
(function () {
  function localise(root) {
    root.querySelectorAll('time[data-local="datetime"]').forEach(function (el) {
      var when = new Date(el.getAttribute('datetime'));
      if (!isNaN(when)) el.textContent = when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { localise(document); });
  document.addEventListener('htmx:afterSettle', function (e) { localise(e.target); });
})();
