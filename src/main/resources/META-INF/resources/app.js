// Dates in the reader's own time zone and format; the full UTC instant stays in the title (on hover).
(function () {
  document.querySelectorAll('time[datetime]').forEach(function (time) {
    var at = new Date(time.getAttribute('datetime'));
    if (!isNaN(at.getTime())) {
      time.textContent = at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    }
  });
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
