/* sportello search runtime. Plain ES2017, no dependencies, no build step.
   Loads the index of the page's language chunk by chunk with <script> tags
   (so it works from file:// too) and shows results on the search page.
   Index format: crates/search/src/lib.rs. The tokenizer mirrors
   crates/search/src/tokenize.rs; tests/folding_cases.json checks both. */
(function () {
  "use strict";

  /* ---- Tokenizer: normalise, fold, segment, join numbers ---- */
  // Code point ranges (pairs) above ASCII that separate words: tokenize.rs SEPARATORS.
  var SEP = [0x80,0xa9,0xab,0xac,0xae,0xb4,0xb6,0xb9,0xbb,0xbf,0xd7,0xd7,0xf7,0xf7,
    0x37e,0x37e,0x387,0x387,0x55a,0x55f,0x589,0x58a,0x5be,0x5be,0x5c0,0x5c0,0x5c3,0x5c3,
    0x5c6,0x5c6,0x5f3,0x5f4,0x600,0x60f,0x61b,0x61f,0x66a,0x66d,0x6d4,0x6d4,0x6dd,0x6de,
    0x6e9,0x6e9,0x964,0x965,0x970,0x970,0xe4f,0xe4f,0xe5a,0xe5b,0x1360,0x1368,0x1680,0x1680,
    0x2000,0x200b,0x200e,0x205f,0x2061,0x206f,0x20a0,0x20cf,0x2190,0x2bff,0x2e00,0x2e7f,
    0x3000,0x3004,0x3008,0x3020,0x3030,0x3030,0xd800,0xdfff,0xe000,0xf8ff,0xfd3e,0xfd3f,
    0xfe10,0xfe19,0xfe30,0xfe6f,0xff00,0xff0f,0xff1a,0xff20,0xff3b,0xff40,0xff5b,0xff65,
    0xfff0,0xffff,0x1f000,0x1faff,0xe0000,0xe007f,0xf0000,0xffffd,0x100000,0x10fffd];
  // Folded away: tashkeel, tatweel, joiners, variation selectors (REMOVED).
  var DEL = [0xad,0xad,0x610,0x61a,0x640,0x640,0x64b,0x65f,0x670,0x670,0x674,0x674,
    0x6d6,0x6dc,0x6df,0x6e4,0x6e7,0x6e8,0x6ea,0x6ed,0x200c,0x200d,0x2060,0x2060,
    0xfe00,0xfe0f,0xfeff,0xfeff];
  // Letters replaced after lower-casing (LETTER_MAP).
  var MAP = {"ß":"ss","æ":"ae","œ":"oe","ø":"o","đ":"d","ð":"d","ł":"l","ı":"i","þ":"th",
    "ħ":"h","ŧ":"t","ς":"σ","\u0649":"\u064a","\u0629":"\u0647","\u06cc":"\u064a",
    "\u06a9":"\u0643","\u06aa":"\u0643","\u06c1":"\u0647","\u06be":"\u0647","\u06c3":"\u0647",
    "\u06d5":"\u0647","\u0671":"\u0627","\u0672":"\u0627","\u0673":"\u0627","\u06c0":"\u0647"};
  var ZEROS = [0x660, 0x6f0, 0x966, 0x9e6]; // digits folded to ASCII (DIGIT_ZEROS)

  function inRanges(r, cp) {
    var lo = 0, hi = r.length / 2 - 1;
    while (lo <= hi) {
      var m = (lo + hi) >> 1;
      if (r[2 * m + 1] < cp) lo = m + 1; else if (r[2 * m] > cp) hi = m - 1; else return true;
    }
    return false;
  }
  function isSep(cp) {
    return cp < 128 ? !(cp > 47 && cp < 58 || cp > 96 && cp < 123 || cp > 64 && cp < 91) : inRanges(SEP, cp);
  }
  function fold(s) {
    var out = "", cyr = false;
    for (var d of s.normalize("NFKD")) {
      for (var c of d.toLowerCase()) {
        var cp = c.codePointAt(0);
        if (cp >= 0x300 && cp <= 0x36f) { // accents go, but Cyrillic keeps й ї ё ў
          if (cyr && (cp === 0x306 || cp === 0x308)) out += c;
          continue;
        }
        cyr = cp >= 0x400 && cp <= 0x52f;
        if (inRanges(DEL, cp)) continue;
        var z = ZEROS.find(function (z) { return cp >= z && cp < z + 10; });
        out += z ? String(cp - z) : MAP.hasOwnProperty(c) ? MAP[c] : c;
      }
    }
    return out.normalize("NFC");
  }
  function len(s) { return [...s].length; }
  // [start, end) of each run of non-separators, in UTF-16 offsets.
  function split(s) {
    var out = [], start = -1, i = 0;
    for (var c of s) {
      var sep = isSep(c.codePointAt(0));
      if (sep && start >= 0) { out.push([start, i]); start = -1; } else if (!sep && start < 0) start = i;
      i += c.length;
    }
    if (start >= 0) out.push([start, i]);
    return out;
  }
  // The words of an NFC text: offsets and folded terms.
  function words(text) {
    return split(text).map(function (r) {
      var f = fold(text.slice(r[0], r[1]));
      return { s: r[0], e: r[1], t: split(f).map(function (q) { return f.slice(q[0], q[1]); }) };
    });
  }
  function keep(t) { var n = len(t); return n > 1 ? n <= 40 : n === 1 && t >= "0" && t <= "9"; }
  var digits = /^[0-9]+$/;
  function isGroup(w) { return w.t.length === 1 && digits.test(w.t[0]); }
  function gap(g) { return len(g) === 1 && " \u00a0\u202f.-/".indexOf(g) >= 0; }
  // Search terms of a text: index mode (query false) or query mode, as tokenize.rs `tokens`.
  function tokens(text, query) {
    text = text.normalize("NFC");
    var ws = words(text), out = [], i = 0;
    while (i < ws.length) {
      var j = i, n = 0;
      while (j < ws.length && isGroup(ws[j]) && j - i < 6 && n + ws[j].t[0].length <= 20 &&
             (j === i || gap(text.slice(ws[j - 1].e, ws[j].s)))) n += ws[j++].t[0].length;
      if (j - i > 1) {
        var g = ws.slice(i, j).map(function (w) { return w.t[0]; });
        if (query) out.push(g.join(""));
        else { out.push.apply(out, g); for (var k = 0; k < g.length - 1; k++) out.push(g.slice(k).join("")); }
        i = j;
        continue;
      }
      ws[i++].t.forEach(function (t) { if (keep(t)) out.push(t); });
    }
    return query ? out.filter(function (t, k) { return out.indexOf(t) === k; }) : out;
  }
  // At most one edit apart (Damerau), as typo.rs `within_one_edit`.
  function near(a, b) {
    a = [...a]; b = [...b];
    if (a.length > b.length) { var t = a; a = b; b = t; }
    if (b.length - a.length > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i === a.length) return true;
    var rest = function (x, y) { return x.join("") === y.join(""); };
    if (a.length < b.length) return rest(a.slice(i), b.slice(i + 1));
    return rest(a.slice(i + 1), b.slice(i + 1)) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a.slice(i + 2), b.slice(i + 2)));
  }

  /* ---- Engine: which chunks a query needs, and scoring ---- */
  // Weights of a match: the word's own stem groups; a stem from the rules; a
  // word the query word begins (typing); a word one edit away.
  var EXACT = 1, RULE = 0.8, PREFIX = 0.6, TYPO = 0.7;

  function engine(load, M) {
    var hashes = new Map(); // doc id -> display file hash
    function find(list, key) { // index of the chunk whose range holds key
      var lo = 0, hi = list.length - 1;
      while (lo < hi) { var m = (lo + hi + 1) >> 1; if (list[m][0] <= key) lo = m; else hi = m - 1; }
      return lo;
    }
    function term(i) {
      return load("t-" + M.t[i][1]).then(function (c) {
        if (!c.W) {
          c.W = new Map(); c.S = new Map(); c.P = []; c.G = c.s.map(function () { return []; });
          c.ws = c.w.map(function (e) {
            var k = [].concat(e[1]);
            c.W.set(e[0], k);
            k.forEach(function (i) { c.G[i].push(e[0]); }); // stem -> its words here
            return e[0];
          });
          c.s.forEach(function (e, k) { c.S.set(e[0], k); });
          for (var k = 0, id = 0; k < c.d.length; k += 2) hashes.set(id += c.d[k], c.d[k + 1]);
        }
        return c;
      });
    }
    function typo(i) {
      return load("x-" + M.x[i][1]).then(function (x) {
        if (!x.K) {
          x.K = new Map();
          for (var k = 0; k < x.w.length; k += 2) {
            var w = x.w[k], cs = [...w];
            for (var b = 0; b <= cs.length; b++) {
              if (!(x.w[k + 1] >> b & 1)) continue;
              var key = b === cs.length ? w : cs.slice(0, b).concat(cs.slice(b + 1)).join("");
              if (!x.K.has(key)) x.K.set(key, []);
              x.K.get(key).push(w);
            }
          }
        }
        return x;
      });
    }
    function postings(c, k) { // [doc, score, section, …] with absolute doc ids
      if (!c.P[k]) {
        var a = c.s[k][1].slice();
        for (var j = 0, id = 0; j < a.length; j += 3) a[j] = id += a[j];
        c.P[k] = a;
      }
      return c.P[k];
    }
    function ruleStems(w) {
      var out = [];
      M.r.forEach(function (r) {
        if (w.startsWith(r[0]) && w.endsWith(r[1])) {
          var core = w.slice(r[0].length, w.length - r[1].length);
          if (len(core) >= 3 && out.indexOf(core + r[2]) < 0) out.push(core + r[2]);
        }
      });
      return out;
    }
    // All matches of one query word: doc -> [score, section]; words to highlight go to marks.
    async function match(w, marks) {
      var hits = new Map(), done = new Set(), found = false;
      if (!M.t.length) return hits;
      function add(c, ci, k, f) {
        if (done.has(ci + ":" + k)) return;
        done.add(ci + ":" + k);
        found = true;
        var p = postings(c, k);
        for (var j = 0; j < p.length; j += 3) {
          var h = hits.get(p[j]), s = p[j + 1] * f;
          if (!h || h[0] < s) hits.set(p[j], [s, p[j + 2]]);
        }
        c.G[k].forEach(function (x) { marks.add(x); });
      }
      var stems = ruleStems(w), at = find(M.t, w), need = new Set([at]);
      for (var k = at + 1; k < M.t.length && k < at + 3 && M.t[k][0].startsWith(w); k++) need.add(k);
      stems.forEach(function (s) { need.add(find(M.t, s)); });
      var cs = await Promise.all([...need].map(function (i) { return term(i).then(function (c) { return [i, c]; }); }));
      cs.forEach(function (e) {
        var c = e[1], own = c.W.get(w);
        if (own) own.forEach(function (k) { add(c, e[0], k, EXACT); });
        if (c.S.has(w)) add(c, e[0], c.S.get(w), EXACT);
        stems.forEach(function (s) { if (c.S.has(s)) add(c, e[0], c.S.get(s), RULE); });
      });
      if (w.length > 1) cs.forEach(function (e) { // words w begins
        var c = e[1], lo = 0, hi = c.ws.length;
        while (lo < hi) { var m = (lo + hi) >> 1; if (c.ws[m] < w) lo = m + 1; else hi = m; }
        for (var n = 0; lo < c.ws.length && n < 100 && c.ws[lo].startsWith(w); lo++, n++) {
          marks.add(c.ws[lo]);
          c.W.get(c.ws[lo]).forEach(function (k) { add(c, e[0], k, PREFIX); });
        }
      });
      if (!found && len(w) >= 5 && M.x.length) { // typo: words sharing a deletion key, one edit away
        var cw = [...w], keys = new Set([w]);
        cw.forEach(function (_, i) { keys.add(cw.slice(0, i).concat(cw.slice(i + 1)).join("")); });
        var xs = await Promise.all([...new Set([...keys].map(function (key) { return find(M.x, key); }))].map(typo));
        var near1 = new Set();
        xs.forEach(function (x) {
          keys.forEach(function (key) {
            (x.K.get(key) || []).forEach(function (v) { if (near(w, v)) near1.add(v); });
          });
        });
        await Promise.all([...near1].sort().slice(0, 8).map(function (v) {
          var i = find(M.t, v);
          return term(i).then(function (c) {
            marks.add(v);
            (c.W.get(v) || []).forEach(function (k) { add(c, i, k, TYPO); });
          });
        }));
      }
      return hits;
    }
    // Ranked results of a query: [{d: doc id, s: score, n: words matched, sec, h: display hash}].
    async function search(q) {
      var ws = tokens(q, true).slice(0, 10), marks = new Set(ws);
      var all = await Promise.all(ws.map(function (w) { return match(w, marks); }));
      var docs = new Map();
      all.forEach(function (hits) {
        hits.forEach(function (h, d) {
          var r = docs.get(d);
          if (!r) docs.set(d, r = { d: d, s: 0, n: 0, b: 0, sec: 0 });
          r.s += h[0]; r.n++;
          if (h[0] > r.b) { r.b = h[0]; r.sec = h[1]; }
        });
      });
      var results = [...docs.values()].sort(function (a, b) { return b.n - a.n || b.s - a.s || a.d - b.d; });
      results.forEach(function (r) { r.h = hashes.get(r.d); });
      return { results: results, marks: marks, words: ws };
    }
    return { search: search, display: function (r) { return load("d/" + r.h); } };
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { fold: fold, tokens: tokens, words: words, near: near, engine: engine,
      tables: { SEP: SEP, DEL: DEL, MAP: MAP, ZEROS: ZEROS } };
    return;
  }

  /* ---- Page: load by <script> tags, render results ---- */
  var root = document.documentElement, mpath = root.getAttribute("data-search-manifest");
  if (!mpath || window.sportelloSearch) return;
  var base = mpath.slice(0, mpath.lastIndexOf("/") + 1), got = {}, wait = {}, loading = {};
  window.sportelloSearch = { add: function (n, d) { got[n] = d; if (wait[n]) wait[n](d); } };
  function load(name) {
    return loading[name] || (loading[name] = new Promise(function (ok, fail) {
      if (got[name]) return ok(got[name]);
      wait[name] = ok;
      var s = document.createElement("script");
      s.src = base + name + ".js";
      s.onerror = function () { delete loading[name]; fail(new Error(name)); };
      document.head.appendChild(s);
    }));
  }
  var E = load(mpath.slice(base.length).replace(/\.js$/, "")).then(function (m) { return engine(load, m); });

  var box = document.getElementById("search-results"), input = document.getElementById("search-input");
  var timer, gen = 0;
  function later(f) { clearTimeout(timer); timer = setTimeout(f, 20); }
  if (!box || !input) { // other pages: fetch the chunks while the reader types
    document.addEventListener("input", function (e) {
      if (e.target.name === "q") later(function () { E.then(function (en) { return en.search(e.target.value); }).catch(function () {}); });
    });
    return;
  }
  var names = {};
  try { names = JSON.parse(box.getAttribute("data-lang-names")) || {}; } catch (e) { names = {}; }
  function el(tag, cls, parent) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (parent) parent.appendChild(x);
    return x;
  }
  function text(parent, t) { parent.appendChild(document.createTextNode(t)); }
  // Writes t into parent as text, with each word that matched wrapped in <mark>.
  function marked(parent, t, test) {
    t = t.normalize("NFC");
    var last = 0;
    words(t).forEach(function (w) {
      if (!w.t.some(test)) return;
      text(parent, t.slice(last, w.s));
      el("mark", "", parent).textContent = t.slice(w.s, w.e);
      last = w.e;
    });
    text(parent, t.slice(last));
  }
  // About 200 characters around the first matched word.
  function excerpt(t, test) {
    var w = words(t).find(function (w) { return w.t.some(test); });
    if (!w || t.length <= 200) return t;
    var a = Math.max(0, t.lastIndexOf(" ", Math.max(0, w.s - 60)) + 1), b = t.indexOf(" ", a + 200);
    return (a > 0 ? "… " : "") + t.slice(a, b < 0 ? t.length : b) + (b < 0 ? "" : " …");
  }
  function show(found, d, r, list) {
    var test = function (x) {
      return found.marks.has(x) || found.words.some(function (w) { return len(w) > 1 && x.startsWith(w); });
    };
    var has = function (t) { return t && words(t).some(function (w) { return w.t.some(test); }); };
    var head = r.sec > 0 && d.h[r.sec - 1];
    var li = el("li", "search-result", list), a = el("a", "", li);
    a.href = (root.getAttribute("data-lang-root") || "") + d.u + (head ? "#" + head[0] : "");
    var title = el("span", "search-result-title", a);
    marked(title, d.t, test);
    if (head) marked(el("span", "search-result-section", a), " › " + head[1], test);
    if (d.l) {
      [title, a.lastChild].forEach(function (x) { x.lang = d.l; x.dir = "auto"; });
      text(li, " ");
      el("span", "search-result-lang", li).textContent =
        (box.getAttribute("data-in-language") || "({lang})").replace("{lang}", names[d.l] || d.l);
    }
    var t = [head && d.b[r.sec], d.s].concat(d.b).find(has) || d.s || d.b[0] || "";
    var p = el("p", "search-result-snippet", li);
    if (d.l) { p.lang = d.l; p.dir = "auto"; }
    marked(p, excerpt(t, test), test);
  }
  var shown = 10;
  async function run() {
    var q = input.value, my = ++gen;
    try { history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname); } catch (e) { /* file:// may refuse */ }
    if (!tokens(q, true).length) { box.textContent = ""; return; }
    var en = await E, found = await en.search(q);
    var top = found.results.slice(0, shown);
    var ds = await Promise.all(top.map(function (r) { return r.h ? en.display(r).catch(function () { return null; }) : null; }));
    if (my !== gen) return;
    box.textContent = "";
    if (!found.results.length) { el("p", "search-empty", box).textContent = box.getAttribute("data-no-results") || ""; return; }
    var list = el("ol", "search-results-list", box);
    list.setAttribute("role", "list");
    top.forEach(function (r, i) { if (ds[i]) show(found, ds[i], r, list); });
    if (found.results.length > shown) {
      var more = el("button", "search-more", box);
      more.type = "button";
      more.textContent = box.getAttribute("data-more") || "…";
      more.onclick = function () { shown += 10; run().then(function () { var a = box.querySelectorAll("a")[shown - 10]; if (a) a.focus(); }); };
    }
  }
  var q0 = new URLSearchParams(location.search).get("q");
  if (q0) input.value = q0;
  input.addEventListener("input", function () { shown = 10; later(run); });
  if (input.form) input.form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  input.addEventListener("keydown", function (e) {
    var a = box.querySelector("a");
    if (e.key === "ArrowDown" && a) { e.preventDefault(); a.focus(); }
  });
  box.addEventListener("keydown", function (e) {
    var links = [...box.querySelectorAll("a")], i = links.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === "ArrowDown" && i < links.length - 1) links[i + 1].focus();
    else if (e.key === "ArrowUp") (i ? links[i - 1] : input).focus();
    else if (e.key === "Escape") input.focus();
    else return;
    e.preventDefault();
  });
  if (input.value) run();
})();
