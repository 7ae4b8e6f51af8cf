// Dates in the reader's own time zone and format; the full UTC instant stays in the title (on hover).
function claimtrackLocalTimes(root) {
  root.querySelectorAll('time[datetime]').forEach(function (time) {
    var at = new Date(time.getAttribute('datetime'));
    if (!isNaN(at.getTime())) {
      time.textContent = at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    }
  });
}
claimtrackLocalTimes(document);

// The imports page follows running imports: it reloads its list every second while one is queued or running.
(function () {
  var imports = document.getElementById('imports');
  if (!imports || !window.fetch || !window.DOMParser) { return; }
  function follow() {
    if (!imports.getAttribute('data-following')) { return; }
    setTimeout(function () {
      fetch('/imports', { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('imports');
          if (fresh) {
            imports.replaceWith(fresh);
            imports = fresh;
            claimtrackLocalTimes(fresh);
          }
          follow();
        })
        .catch(follow); // the server was away a moment: look again
    }, 1000);
  }
  follow();
})();

// Live updates: listen to committed status changes and update the badges on this page.
// Pages work without this script; it only saves a reload.
(function () {
  if (!window.EventSource) { return; }
  var notice = document.getElementById('live-notice');
  var source = new EventSource('/events');
  source.onopen = function () { document.documentElement.setAttribute('data-live', 'open'); };
  // Free the connection when leaving the page: browsers keep few connections per server.
  window.addEventListener('pagehide', function () { source.close(); });
  source.onmessage = function (event) {
    var change = JSON.parse(event.data);
    var shown = document.querySelectorAll('[data-claim-status="' + change.claimId + '"]');
    shown.forEach(function (badge) {
      badge.textContent = change.status;
      badge.className = 'badge status-' + change.status;
    });
    document.querySelectorAll('[data-claim-explanation="' + change.claimId + '"]').forEach(function (p) {
      p.textContent = change.explanation;
    });
    if (shown.length > 0 && notice) {
      notice.textContent = 'Claim #' + change.claimId + ' is now ' + change.status
        + (change.flags.length ? ' (' + change.flags.join(', ') + ')' : '') + ': ' + change.cause;
      notice.hidden = false;
    }
  };
})();
