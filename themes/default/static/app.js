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
    // Tests fix the clock with <html data-now="2026-11-30T10:15"> (Rome time).
    var fake = root.getAttribute("data-now");
    if (fake) {
      var d = new Date(fake + "Z");
      return { day: (d.getUTCDay() + 6) % 7, minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
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
  // One office: spans are [day 0-6 from Monday, "HH:MM", "HH:MM", certain].
  function describe(el, spans, now) {
    var say = function (name) { return el.getAttribute("data-" + name) || ""; };
    var i, s;
    for (i = 0; i < spans.length; i++) {
      s = spans[i];
      if (s[0] === now.day && mins(s[1]) <= now.minutes && now.minutes < mins(s[2])) {
        // A span marked unknown (by appointment, …) is never called open.
        if (!s[3]) return { state: "unsure", text: say("unsure") };
        return { state: "open", text: say("open") + " – " + say("closes").replace("{time}", s[2]) };
      }
    }
    var dayNames = say("days").split("|");
    for (var step = 0; step < 8; step++) {
      var day = (now.day + step) % 7;
      var next = null;
      for (i = 0; i < spans.length; i++) {
        s = spans[i];
        if (s[0] === day && s[3] && (step > 0 || mins(s[1]) > now.minutes) && (!next || mins(s[1]) < mins(next[1]))) next = s;
      }
      if (next) {
        var when = step === 0 ? say("opens-today") : step === 1 ? say("opens-tomorrow") : say("opens").replace("{day}", dayNames[day] || "");
        return { state: "closed", text: say("closed") + " – " + when.replace("{time}", next[1]) };
      }
    }
    return { state: "closed", text: say("closed") };
  }
  function openNow() {
    Array.prototype.forEach.call(document.querySelectorAll(".open-now[data-hours]"), function (el) {
      if (el.getAttribute("data-varies")) return; // hours change with the date: the table says so
      var spans;
      try { spans = JSON.parse(el.getAttribute("data-hours")); } catch (e) { return; }
      var result = describe(el, spans, romeNow());
      el.textContent = result.text;
      el.classList.remove("is-open", "is-closed", "is-unsure");
      el.classList.add("is-" + result.state);
      el.hidden = false;
    });
  }
  openNow();
  window.sportello = { openNow: openNow };

  // Offline: a service worker keeps the pages read and the core pages of
  // this language. Only over http(s): browsers refuse it from file://.
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    var siteRoot = root.getAttribute("data-root") || (root.getAttribute("data-lang-root") || "") + "../";
    var scope = new URL(siteRoot, location.href).href;
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(scope + "sw.js", { scope: scope }).then(function () {
        return navigator.serviceWorker.ready;
      }).then(function (reg) {
        if (reg.active) reg.active.postMessage({ type: "visit", lang: root.lang, url: location.href });
      }).catch(function () { /* no worker: the site works online as before */ });
    });
  }
})();
