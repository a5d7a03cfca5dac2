// sportello service worker, build {{ version }}: the portal without signal.
// - Pages (HTML): network first, so a reader online always gets the newest
//   text; the copy kept is shown when there is no network.
// - Fingerprinted files (static/, _search/): cache first; their names
//   change when their content does.
// - The core pages (home, lists, offices, guides) of the reader's language
//   only are kept ahead of time, never those of every language.
// - A new build has a new version: its caches replace the old ones.
"use strict";
var VERSION = "{{ version }}";
var PAGES = "sportello-pages-" + VERSION;
var FILES = "sportello-files-" + VERSION;
var CORE = {{ core | json_encode() }};
var ASSETS = {{ assets | json_encode() }};
var ROOT = new URL("./", self.location.href).href;

function url(rel) { return new URL(rel, ROOT).href; }

// The key a page is kept under: "x/" and "x/index.html" are the same page.
function pageKey(href) {
  var u = new URL(href);
  u.search = "";
  u.hash = "";
  if (u.pathname.slice(-1) === "/") u.pathname += "index.html";
  return u.href;
}

// The language of a page: the first folder below the site root.
function languageOf(href) {
  if (href.indexOf(ROOT) !== 0) return null;
  var first = href.slice(ROOT.length).split("/")[0];
  return Object.prototype.hasOwnProperty.call(CORE, first) ? first : null;
}

// Files named by their content: the theme's, the search index's, and the
// photos and forms beside the pages, kept once a reader opens them (never
// ahead of time: a reader on costly data downloads only what they open).
function isFingerprinted(href) {
  return href.indexOf(url("static/")) === 0 || href.indexOf(url("_search/")) === 0 || href.indexOf(url("files/")) === 0;
}

// Keeps each URL that is not kept yet; one that fails is skipped.
function keep(cacheName, urls) {
  return caches.open(cacheName).then(function (cache) {
    return Promise.all(urls.map(function (u) {
      return cache.match(u).then(function (hit) {
        if (hit) return null;
        return fetch(u, { credentials: "same-origin", cache: "no-cache" }).then(function (r) {
          if (r.ok) return cache.put(u, r);
          return null;
        }).catch(function () { return null; });
      });
    }));
  });
}

var preparing = {};
// The core pages of one language, once per version.
function prepareLanguage(lang) {
  if (!lang || !CORE[lang]) return Promise.resolve();
  if (!preparing[lang]) preparing[lang] = keep(PAGES, CORE[lang].map(url));
  return preparing[lang];
}

self.addEventListener("install", function (event) {
  event.waitUntil(keep(FILES, ASSETS.map(url)).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    var old = names.filter(function (n) { return n.indexOf("sportello-") === 0 && n.slice(-VERSION.length - 1) !== "-" + VERSION; });
    // The languages the reader used with the old build: their core pages
    // are kept again, new; old copies are dropped.
    return Promise.all(old.filter(function (n) { return n.indexOf("sportello-pages-") === 0; }).map(function (n) {
      return caches.open(n).then(function (c) { return c.keys(); }).then(function (requests) {
        var langs = {};
        requests.forEach(function (r) { var l = languageOf(r.url); if (l) langs[l] = true; });
        return Object.keys(langs);
      });
    })).then(function (lists) {
      return Promise.all(old.map(function (n) { return caches.delete(n); })).then(function () {
        [].concat.apply([], lists).forEach(function (lang) { prepareLanguage(lang); });
      });
    });
  }).then(function () { return self.clients.claim(); }));
});

// A page tells which language the reader uses and where it is: that page
// (loaded before the worker ran) and the core pages of that language are kept.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "visit") return;
  var lang = CORE[data.lang] ? data.lang : languageOf(String(data.url || ""));
  var work = [prepareLanguage(lang)];
  if (data.url && String(data.url).indexOf(ROOT) === 0) work.push(keep(PAGES, [pageKey(data.url)]));
  event.waitUntil(Promise.all(work));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(ROOT) !== 0) return;
  if (isFingerprinted(request.url)) {
    event.respondWith(caches.open(FILES).then(function (cache) {
      return cache.match(request.url).then(function (hit) {
        return hit || fetch(request).then(function (r) {
          if (r.ok) cache.put(request.url, r.clone());
          return r;
        });
      });
    }));
    return;
  }
  var html = request.mode === "navigate" || (request.headers.get("accept") || "").indexOf("text/html") >= 0;
  if (!html) return;
  var key = pageKey(request.url);
  event.respondWith(fetch(request).then(function (r) {
    if (r.ok) {
      var copy = r.clone();
      event.waitUntil(caches.open(PAGES).then(function (c) { return c.put(key, copy); }));
      event.waitUntil(prepareLanguage(languageOf(key)));
    }
    return r;
  }).catch(function () {
    // Not kept: the browser says it is offline.
    return caches.open(PAGES).then(function (c) { return c.match(key); }).then(function (hit) {
      return hit || Response.error();
    });
  }));
});
