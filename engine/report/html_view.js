/* The HTML view's behaviour (html_view.c puts it in the page): details on
   hover and focus, the persona switcher, moving between cards with the
   arrow keys, and, when `cjm serve` sent the page, reloading it when the
   journey changes.  No request leaves the page otherwise. */
(function () {
  'use strict';
  var data = document.getElementById('cjm-details');
  var details = data ? JSON.parse(data.textContent) : {};
  var tip = document.getElementById('cjm-tip');
  var shown = null;

  function cell(tag, text) {
    var e = document.createElement(tag);
    e.textContent = text;
    return e;
  }

  function show(hit) {
    var d = details[hit.getAttribute('data-ref')];
    if (!d || !tip) return;
    tip.textContent = '';
    var kind = cell('div', d.kind);
    kind.className = 'cjm-kind';
    var title = cell('div', d.title);
    title.className = 'cjm-title';
    tip.appendChild(kind);
    tip.appendChild(title);
    if (d.rows.length) {
      var table = document.createElement('table');
      d.rows.forEach(function (r) {
        var tr = document.createElement('tr');
        tr.appendChild(cell('th', r[0]));
        tr.appendChild(cell('td', r[1]));
        table.appendChild(tr);
      });
      tip.appendChild(table);
    }
    tip.hidden = false;
    var box = hit.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var x = Math.min(box.left, window.innerWidth - w - 8);
    var y = box.bottom + 6;
    if (y + h > window.innerHeight - 8) y = Math.max(8, box.top - h - 6);
    tip.style.left = Math.max(8, x) + 'px';
    tip.style.top = y + 'px';
    hit.setAttribute('aria-describedby', 'cjm-tip');
    shown = hit;
  }

  function hide() {
    if (!tip) return;
    tip.hidden = true;
    if (shown) shown.removeAttribute('aria-describedby');
    shown = null;
  }

  function hitOf(e) {
    var t = e.target;
    return t && t.classList && t.classList.contains('cjm-hit') ? t : null;
  }

  document.addEventListener('mouseover', function (e) {
    var h = hitOf(e);
    if (h) show(h);
  });
  document.addEventListener('mouseout', function (e) {
    if (hitOf(e) && document.activeElement !== e.target) hide();
  });
  document.addEventListener('focusin', function (e) {
    var h = hitOf(e);
    if (h) show(h); else hide();
  });
  document.addEventListener('focusout', function (e) {
    if (hitOf(e)) hide();
  });

  /* the cards a reader can reach: those of visible pages, in page order */
  function visibleHits() {
    return Array.prototype.filter.call(document.querySelectorAll('.cjm-hit'),
      function (h) { return h.closest('[hidden]') === null; });
  }

  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { hide(); return; }
    var h = hitOf(e);
    if (!h) return;
    var step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (e.key === 'Enter' || e.key === ' ') { show(h); e.preventDefault(); return; }
    if (!step) return;
    var all = visibleHits();
    var next = all[all.indexOf(h) + step];
    if (next) { next.focus(); e.preventDefault(); }
  });

  /* the persona switcher: one tab per map */
  var tabs = Array.prototype.slice.call(document.querySelectorAll('.cjm-tabs [role="tab"]'));
  function select(tab) {
    tabs.forEach(function (t) {
      var on = t === tab;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    });
    hide();
  }
  tabs.forEach(function (t, i) {
    t.addEventListener('click', function () { select(t); });
    t.addEventListener('keydown', function (e) {
      var step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      var n = tabs[(i + step + tabs.length) % tabs.length];
      select(n);
      n.focus();
      e.preventDefault();
    });
  });

  /* cjm serve: reload when the journey or a file it reads changes */
  var live = document.body.getAttribute('data-live');
  if (live && window.EventSource) {
    var events = new EventSource(live);
    events.addEventListener('reload', function () { window.location.reload(); });
  }
})();
