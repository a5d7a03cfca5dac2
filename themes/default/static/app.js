/* sportello: small enhancements. The pages work without it. */
(function () {
  "use strict";
  var root = document.documentElement;

  // Search: load the search runtime the first time a search box is used.
  function loadSearch() {
    var src = root.getAttribute("data-search-script");
    if (!src || window.sportelloSearchLoading) return;
    window.sportelloSearchLoading = true;
    var s = document.createElement("script");
    s.src = src;
    s.defer = true;
    document.head.appendChild(s);
  }
  document.addEventListener("focusin", function (e) {
    if (e.target && e.target.name === "q") loadSearch();
  });
  if (document.getElementById("search-results")) loadSearch();

  // Documents checklist: ticks kept on this phone only.
  var lists = document.querySelectorAll("[data-checklist]");
  Array.prototype.forEach.call(lists, function (list) {
    var key = "sportello-check:" + root.lang + ":" + list.getAttribute("data-checklist");
    var saved = {};
    try { saved = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { saved = {}; }
    Array.prototype.forEach.call(list.querySelectorAll("input[type=checkbox]"), function (box) {
      var id = box.getAttribute("data-item");
      box.checked = !!saved[id];
      box.addEventListener("change", function () {
        saved[id] = box.checked;
        try { localStorage.setItem(key, JSON.stringify(saved)); } catch (e) { /* storage full or off */ }
      });
    });
  });

  // "Open now", for the current time in Italy (Europe/Rome).
  function romeNow() {
    var fake = root.getAttribute("data-now"); // tests may fix the clock: "2026-11-30T10:15"
    var parts = {};
    if (fake) {
      var d = new Date(fake + "Z");
      parts = { day: (d.getUTCDay() + 6) % 7, minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
      return parts;
    }
    var f = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Rome", weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false });
    var days = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
    var out = { day: 0, minutes: 0 };
    f.formatToParts(new Date()).forEach(function (p) {
      if (p.type === "weekday") out.day = days[p.value];
      if (p.type === "hour") out.minutes += (parseInt(p.value, 10) % 24) * 60;
      if (p.type === "minute") out.minutes += parseInt(p.value, 10);
    });
    return out;
  }
  function mins(t) { var p = t.split(":"); return parseInt(p[0], 10) * 60 + parseInt(p[1], 10); }
  Array.prototype.forEach.call(document.querySelectorAll(".open-now[data-hours]"), function (el) {
    if (el.getAttribute("data-varies")) return; // hours change with the date: the table says so
    var spans;
    try { spans = JSON.parse(el.getAttribute("data-hours")); } catch (e) { return; }
    var dayNames = (el.getAttribute("data-days") || "").split("|");
    var now = romeNow();
    var text = null, open = false;
    for (var i = 0; i < spans.length; i++) {
      var s = spans[i];
      if (s[0] === now.day && mins(s[1]) <= now.minutes && now.minutes < mins(s[2]) && s[3]) {
        open = true;
        text = el.getAttribute("data-open") + " – " + el.getAttribute("data-closes").replace("{time}", s[2]);
      }
    }
    if (!open) {
      for (var step = 0; step < 8 && !text; step++) {
        var day = (now.day + step) % 7;
        for (var j = 0; j < spans.length; j++) {
          var n = spans[j];
          if (n[0] === day && n[3] && (step > 0 || mins(n[1]) > now.minutes)) {
            text = el.getAttribute("data-closed") + " – " + el.getAttribute("data-opens").replace("{day}", dayNames[day] || "").replace("{time}", n[1]);
            break;
          }
        }
      }
      if (!text) text = el.getAttribute("data-closed");
    }
    el.textContent = text;
    el.className += open ? " is-open" : " is-closed";
    el.hidden = false;
  });
})();
