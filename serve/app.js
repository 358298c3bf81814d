// app.js - keyboard for the review pages. Served as /app.js.
//
// Any element with data-key="x" is the action of key x: a link or button is
// clicked, a text field is focused. In a text field keys are typing, and
// Escape leaves the field. In the queue, j/k move the current row and Enter
// opens it. No data comes from here: the pages work without script.
'use strict';

(function () {
  const rows = Array.from(document.querySelectorAll('table.queue tbody tr'));
  let current = -1;

  function select(i) {
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, k) => r.classList.toggle('current', k === current));
    rows[current].scrollIntoView({block: 'nearest'});
  }

  function queueKey(e) {
    if (!rows.length) return false;
    if (e.key === 'j') { select(current + 1); return true; }
    if (e.key === 'k') { select(current - 1); return true; }
    if (e.key === 'Enter' && current >= 0) {
      const a = rows[current].querySelector('a');
      if (a) a.click();
      return true;
    }
    return false;
  }

  function act(el) {
    if (el.matches('input, textarea, select')) {
      el.focus();
      if (el.select) el.select();
    } else if (el.matches('summary')) {
      // opens (or closes) its details, and goes to its first field
      el.click();
      const first = el.parentElement.open && el.parentElement.querySelector('input, select');
      if (first) first.focus();
    } else {
      el.click();
    }
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t.matches && t.matches('input, textarea, select')) {
      if (e.key === 'Escape') t.blur();
      return;
    }
    if (queueKey(e)) { e.preventDefault(); return; }
    const key = e.key.length === 1 ? e.key : '';
    if (!key) return;
    const el = document.querySelector('[data-key="' + CSS.escape(key) + '"]');
    if (!el) return;
    e.preventDefault();
    act(el);
  });

  // A filter menu applies as soon as it changes.
  document.querySelectorAll('form.filters select').forEach(function (s) {
    s.addEventListener('change', function () { s.form.submit(); });
  });

  if (rows.length) select(0);
  document.documentElement.classList.add('js');
})();
