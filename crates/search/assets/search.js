/* sportello search runtime. Plain ES2017, no dependencies, no build step.
   Loads the index of the page's language chunk by chunk with <script> tags
   (so it works from file:// too) and shows results on the search page.
   Index format: crates/search/src/lib.rs. The tokenizer mirrors
   crates/search/src/tokenize/; tests/folding_cases.json checks both. */
(function () {
  "use strict";

  /* ---- Tokenizer: normalise, fold, segment, join numbers ---- */
  // Code point ranges (pairs) above ASCII that separate words: tokenize/segment.rs SEPARATORS.
  const SEP = [0x80,0xa9,0xab,0xac,0xae,0xb4,0xb6,0xb9,0xbb,0xbf,0xd7,0xd7,0xf7,0xf7,
    0x37e,0x37e,0x387,0x387,0x55a,0x55f,0x589,0x58a,0x5be,0x5be,0x5c0,0x5c0,0x5c3,0x5c3,
    0x5c6,0x5c6,0x5f3,0x5f4,0x600,0x60f,0x61b,0x61f,0x66a,0x66d,0x6d4,0x6d4,0x6dd,0x6de,
    0x6e9,0x6e9,0x964,0x965,0x970,0x970,0xe4f,0xe4f,0xe5a,0xe5b,0x1360,0x1368,0x1680,0x1680,
    0x2000,0x200b,0x200e,0x205f,0x2061,0x206f,0x20a0,0x20cf,0x2190,0x2bff,0x2e00,0x2e7f,
    0x3000,0x3004,0x3008,0x3020,0x3030,0x3030,0xd800,0xdfff,0xe000,0xf8ff,0xfd3e,0xfd3f,
    0xfe10,0xfe19,0xfe30,0xfe6f,0xff00,0xff0f,0xff1a,0xff20,0xff3b,0xff40,0xff5b,0xff65,
    0xfff0,0xffff,0x1f000,0x1faff,0xe0000,0xe007f,0xf0000,0xffffd,0x100000,0x10fffd];
  // Folded away: tashkeel, tatweel, joiners, variation selectors (REMOVED).
  const DEL = [0xad,0xad,0x610,0x61a,0x640,0x640,0x64b,0x65f,0x670,0x670,0x674,0x674,
    0x6d6,0x6dc,0x6df,0x6e4,0x6e7,0x6e8,0x6ea,0x6ed,0x200c,0x200d,0x2060,0x2060,
    0xfe00,0xfe0f,0xfeff,0xfeff];
  // Letters replaced after lower-casing (LETTER_MAP).
  const MAP = {"ß":"ss","æ":"ae","œ":"oe","ø":"o","đ":"d","ð":"d","ł":"l","ı":"i","þ":"th",
    "ħ":"h","ŧ":"t","ς":"σ","\u0649":"\u064a","\u0629":"\u0647","\u06cc":"\u064a",
    "\u06d2":"\u064a","\u06d0":"\u064a","\u06cd":"\u064a",
    "\u06a9":"\u0643","\u06aa":"\u0643","\u06ab":"\u06af","\u06b0":"\u06af",
    "\u067c":"\u062a","\u0689":"\u062f","\u0693":"\u0631","\u06bc":"\u0646",
    "\u0696":"\u0698","\u069a":"\u0634","\u0681":"\u0632","\u0685":"\u0633",
    "\u06c1":"\u0647","\u06be":"\u0647","\u06c3":"\u0647",
    "\u06d5":"\u0647","\u0671":"\u0627","\u0672":"\u0627","\u0673":"\u0627","\u06c0":"\u0647"};
  const ZEROS = [0x660, 0x6f0, 0x966, 0x9e6]; // digits folded to ASCII (DIGIT_ZEROS)

  const inRanges = (r, cp) => {
    let lo = 0, hi = r.length / 2 - 1;
    while (lo <= hi) {
      const m = (lo + hi) >> 1;
      if (r[2 * m + 1] < cp) lo = m + 1; else if (r[2 * m] > cp) hi = m - 1; else return true;
    }
    return false;
  };
  const isSep = (cp) => cp < 128 ? !(cp > 47 && cp < 58 || cp > 96 && cp < 123 || cp > 64 && cp < 91) : inRanges(SEP, cp);
  const len = (s) => [...s].length;
  function fold(s) {
    let out = "", cyr = false;
    for (const d of s.normalize("NFKD")) {
      for (const c of d.toLowerCase()) {
        const cp = c.codePointAt(0);
        if (cp >= 0x300 && cp <= 0x36f) { // accents go, but Cyrillic keeps й ї ё ў
          if (cyr && (cp === 0x306 || cp === 0x308)) out += c;
          continue;
        }
        cyr = cp >= 0x400 && cp <= 0x52f;
        if (inRanges(DEL, cp)) continue;
        const z = ZEROS.find((z) => cp >= z && cp < z + 10);
        out += z ? String(cp - z) : MAP.hasOwnProperty(c) ? MAP[c] : c;
      }
    }
    return out.normalize("NFC");
  }
  // [start, end) of each run of non-separators, in UTF-16 offsets.
  function split(s) {
    const out = [];
    let start = -1, i = 0;
    for (const c of s) {
      const sep = isSep(c.codePointAt(0));
      if (sep && start >= 0) { out.push([start, i]); start = -1; } else if (!sep && start < 0) start = i;
      i += c.length;
    }
    if (start >= 0) out.push([start, i]);
    return out;
  }
  // The words of an NFC text: offsets and folded terms.
  const words = (text) => split(text).map(([s, e]) => {
    const f = fold(text.slice(s, e));
    return { s, e, t: split(f).map(([a, b]) => f.slice(a, b)) };
  });
  const keep = (t) => { const n = len(t); return n > 1 ? n <= 40 : n === 1 && t >= "0" && t <= "9"; };
  const isGroup = (w) => w.t.length === 1 && /^[0-9]+$/.test(w.t[0]);
  const isGap = (g) => len(g) === 1 && " \u00a0\u202f.-/".includes(g);
  // Search terms of a text, as tokenize/mod.rs `tokens`: index mode, or query mode (query true).
  function tokens(text, query) {
    text = text.normalize("NFC");
    const ws = words(text), out = [];
    for (let i = 0; i < ws.length;) {
      let j = i, n = 0;
      while (j < ws.length && isGroup(ws[j]) && j - i < 6 && n + ws[j].t[0].length <= 20 &&
             (j === i || isGap(text.slice(ws[j - 1].e, ws[j].s)))) n += ws[j++].t[0].length;
      if (j - i > 1) { // a number in groups: "0865 41 41"
        const g = ws.slice(i, j).map((w) => w.t[0]);
        if (query) out.push(g.join(""));
        else out.push(...g, ...g.slice(1).map((_, k) => g.slice(k).join("")));
        i = j;
      } else out.push(...ws[i++].t.filter(keep));
    }
    return query ? out.filter((t, k) => out.indexOf(t) === k) : out;
  }
  // At most one edit apart (Damerau), as typo.rs `within_one_edit`.
  function near(a, b) {
    a = [...a]; b = [...b];
    if (a.length > b.length) [a, b] = [b, a];
    if (b.length - a.length > 1) return false;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    const same = (x, y) => a.slice(x).join("") === b.slice(y).join("");
    return i === a.length || (a.length < b.length ? same(i, i + 1) :
      same(i + 1, i + 1) || a[i] === b[i + 1] && a[i + 1] === b[i] && same(i + 2, i + 2));
  }
  const without = (cs, i) => cs.slice(0, i).concat(cs.slice(i + 1)).join("");

  /* ---- Engine: which chunks a query needs, and scoring ---- */
  // Weights of a match: the word's own stem groups; a stem the rules give;
  // a word it is one edit from; a word it begins (while typing).
  const EXACT = 1, RULE = 0.8, TYPO = 0.7, PREFIX = 0.6;

  function engine(load, M) {
    // The chunk of a list ([[range start, hash]…]) whose range holds key.
    const find = (list, key) => {
      let lo = 0, hi = list.length - 1;
      while (lo < hi) { const m = (lo + hi + 1) >> 1; if (list[m][0] <= key) lo = m; else hi = m - 1; }
      return lo;
    };
    const term = (i) => load("t-" + M.t[i][1]).then((c) => {
      if (!c.W) { // word -> stem indices, stem key -> index, stem -> its words here
        c.W = new Map(); c.S = new Map(); c.P = []; c.G = c.s.map(() => []);
        c.s.forEach((e, k) => c.S.set(e[0], k));
        c.ws = c.w.map(([w, k]) => {
          c.W.set(w, [].concat(k));
          c.W.get(w).forEach((k) => c.G[k].push(w));
          return w;
        });
      }
      return c;
    });
    const typo = (i) => load("x-" + M.x[i][1]).then((x) => {
      if (!x.K) { // deletion key -> words; bit b of a mask: the word without letter b (b = length: itself)
        x.K = new Map();
        for (let k = 0; k < x.w.length; k += 2) {
          const w = x.w[k], cs = [...w];
          for (let b = 0; b <= cs.length; b++) {
            if (!(x.w[k + 1] >> b & 1)) continue;
            const key = b === cs.length ? w : without(cs, b);
            x.K.set(key, (x.K.get(key) || []).concat(w));
          }
        }
      }
      return x;
    });
    const postings = (c, k) => { // [doc, score, section, …] with absolute doc ids
      if (!c.P[k]) {
        const a = c.s[k][1].slice();
        for (let j = 0, id = 0; j < a.length; j += 3) a[j] = id += a[j];
        c.P[k] = a;
      }
      return c.P[k];
    };
    const ruleStems = (w) => {
      const out = new Set();
      for (const [pre, suf, add] of M.r) {
        const core = w.slice(pre.length, w.length - suf.length);
        if (w.startsWith(pre) && w.endsWith(suf) && len(core) >= 3) out.add(core + add);
      }
      for (const [form, stem] of M.e || []) if (form === w) out.add(stem);
      return [...out];
    };
    // The documents one query word matches: doc -> [score, section]. The
    // words matched go to marks, for highlighting.
    async function match(w, prefix, marks) {
      const hits = new Map(), done = new Set();
      if (!M.t.length) return hits;
      // A word's own stem groups add up: a word written in texts of two
      // languages ("permesso" in an Italian title and in French text) has
      // one group per language. Other matches count at their best.
      const add = (c, ci, k, f) => {
        if (done.has(ci + ":" + k)) return;
        done.add(ci + ":" + k);
        const p = postings(c, k);
        for (let j = 0; j < p.length; j += 3) {
          const h = hits.get(p[j]), s = p[j + 1] * f;
          if (!h) hits.set(p[j], [s, p[j + 2]]);
          else if (f === EXACT) hits.set(p[j], [h[0] + s, s > h[0] ? p[j + 2] : h[1]]);
          else if (h[0] < s) hits.set(p[j], [s, p[j + 2]]);
        }
        c.G[k].forEach((x) => marks.add(x));
      };
      const load2 = (keys) => Promise.all([...new Set(keys.map((k) => find(M.t, k)))].map((i) => term(i).then((c) => [i, c])));
      const stems = ruleStems(w), at = find(M.t, w), keys = [w].concat(stems);
      for (let k = at + 1; prefix && k < M.t.length && k < at + 3 && M.t[k][0].startsWith(w); k++) keys.push(M.t[k][0]);
      const cs = await load2(keys);
      for (const [i, c] of cs) {
        (c.W.get(w) || []).forEach((k) => add(c, i, k, EXACT));
        if (c.S.has(w)) add(c, i, c.S.get(w), EXACT);
        stems.forEach((s) => c.S.has(s) && add(c, i, c.S.get(s), RULE));
      }
      if (prefix) for (const [i, c] of cs) { // the words w begins, while typing
        let lo = 0, hi = c.ws.length;
        while (lo < hi) { const m = (lo + hi) >> 1; if (c.ws[m] < w) lo = m + 1; else hi = m; }
        for (let n = 0; lo < c.ws.length && n < 100 && c.ws[lo].startsWith(w); lo++, n++) {
          c.W.get(c.ws[lo]).forEach((k) => add(c, i, k, PREFIX));
        }
      }
      if (!done.size && len(w) >= 5 && M.x.length) { // a typo? words sharing a deletion key, one edit away
        const cw = [...w], dels = [w].concat(cw.map((_, i) => without(cw, i)));
        const xs = await Promise.all([...new Set(dels.map((d) => find(M.x, d)))].map(typo));
        const near1 = new Set();
        for (const x of xs) for (const d of dels) (x.K.get(d) || []).forEach((v) => near(w, v) && near1.add(v));
        // The more pages say a candidate, the likelier it was meant: "codce"
        // is "codice" rather than a rare "code".
        const vs = [...near1].sort().slice(0, 8), found = [];
        for (const [i, c] of await load2(vs)) {
          for (const v of vs) {
            const ks = c.W.get(v) || [];
            found.push([v, c, i, ks, ks.reduce((n, k) => n + c.s[k][1].length, 0)]);
          }
        }
        const most = Math.max(...found.map((f) => f[4]));
        for (const [v, c, i, ks, n] of found) {
          if (n * 2 >= most) marks.add(v);
          ks.forEach((k) => add(c, i, k, TYPO * n / most));
        }
      }
      return hits;
    }
    // Ranked results: [{d: doc id, s: score, n: words matched, sec: section}],
    // most words matched first, then by score.
    async function search(q) {
      const ws = tokens(q, true).slice(0, 10), marks = new Set(ws);
      // Prefixes: the last word (being typed), and any other of 4+ letters.
      const all = await Promise.all(ws.map((w, i) => match(w, len(w) > (i === ws.length - 1 ? 1 : 3), marks)));
      const docs = new Map();
      for (const hits of all) {
        hits.forEach(([s, sec], d) => {
          const r = docs.get(d) || { d, s: 0, n: 0, b: 0, sec: 0 };
          docs.set(d, r);
          r.s += s; r.n++;
          if (s > r.b) { r.b = s; r.sec = sec; }
        });
      }
      const results = [...docs.values()].sort((a, b) => b.n - a.n || b.s - a.s || a.d - b.d);
      return { results, marks };
    }
    // A result's display data, through the doc table of its id (128 a table).
    const display = (r) => load("i-" + M.i[r.d >> 7]).then((t) => load("d/" + t[r.d & 127]));
    return { search, display };
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { fold, tokens, words, near, engine };
    return;
  }

  /* ---- Page: load by <script> tags, render results ---- */
  const root = document.documentElement, mpath = root.getAttribute("data-search-manifest");
  if (!mpath || window.sportelloSearch) return;
  const base = mpath.slice(0, mpath.lastIndexOf("/") + 1), got = {}, wait = {}, loading = {};
  window.sportelloSearch = { add: (n, d) => { got[n] = d; if (wait[n]) wait[n](d); } };
  const load = (name) => loading[name] || (loading[name] = new Promise((ok, fail) => {
    if (got[name]) return ok(got[name]);
    wait[name] = ok;
    const s = document.createElement("script");
    s.src = base + name + ".js";
    s.onerror = () => { delete loading[name]; fail(new Error(name)); };
    document.head.appendChild(s);
  }));
  const E = load(mpath.slice(base.length).replace(/\.js$/, "")).then((m) => engine(load, m));

  const box = document.getElementById("search-results"), input = document.getElementById("search-input");
  let timer, gen = 0, shown = 10;
  const later = (f) => { clearTimeout(timer); timer = setTimeout(f, 20); };
  if (!box || !input) { // other pages: fetch the chunks while the reader types
    document.addEventListener("input", (e) => {
      if (e.target.name === "q") later(() => E.then((en) => en.search(e.target.value)).catch(() => {}));
    });
    return;
  }
  const attr = (n) => box.getAttribute(n) || "";
  let names = {};
  try { names = JSON.parse(attr("data-lang-names")) || {}; } catch (e) { /* no names: codes */ }
  const el = (tag, cls, parent) => {
    const x = document.createElement(tag);
    if (cls) x.className = cls;
    parent.appendChild(x);
    return x;
  };
  const text = (parent, t) => parent.appendChild(document.createTextNode(t));
  // Writes t into parent as text, each matched word wrapped in <mark>.
  function marked(parent, t, hit) {
    t = t.normalize("NFC");
    let last = 0;
    for (const w of words(t)) {
      if (!w.t.some(hit)) continue;
      text(parent, t.slice(last, w.s));
      el("mark", "", parent).textContent = t.slice(w.s, w.e);
      last = w.e;
    }
    text(parent, t.slice(last));
  }
  // About 200 characters from shortly before the first matched word.
  function excerpt(t, hit) {
    const w = words(t).find((w) => w.t.some(hit));
    if (!w || t.length <= 200) return t;
    const a = t.lastIndexOf(" ", Math.max(0, w.s - 60)) + 1, b = t.indexOf(" ", a + 200);
    return (a ? "… " : "") + (b < 0 ? t.slice(a) : t.slice(a, b) + " …");
  }
  function show(marks, d, r, list) {
    const hit = (x) => marks.has(x), has = (t) => t && words(t).some((w) => w.t.some(hit));
    const head = r.sec > 0 && d.h[r.sec - 1];
    const li = el("li", "search-result", list), a = el("a", "", li);
    a.href = (root.getAttribute("data-lang-root") || "") + d.u + (head ? "#" + head[0] : "");
    const title = el("span", "search-result-title", a), parts = [title];
    marked(title, d.t, hit);
    if (head) {
      parts.push(el("span", "search-result-section", a));
      marked(parts[1], " › " + head[1], hit);
    }
    if (d.l) { // a page shown untranslated: its language, named in the reader's
      text(li, " ");
      el("span", "search-result-lang", li).textContent =
        (attr("data-in-language") || "({lang})").replace("{lang}", names[d.l] || d.l);
    }
    const p = el("p", "search-result-snippet", li);
    marked(p, excerpt([head && d.b[r.sec], d.s].concat(d.b).find(has) || d.s || d.b[0] || "", hit), hit);
    if (d.l) parts.concat(p).forEach((x) => { x.lang = d.l; x.dir = "auto"; });
  }
  async function run() {
    const q = input.value, my = ++gen;
    try { history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname); } catch (e) { /* file:// may refuse */ }
    if (!tokens(q, true).length) { box.textContent = ""; return; }
    const en = await E, found = await en.search(q), top = found.results.slice(0, shown);
    const ds = await Promise.all(top.map((r) => en.display(r).catch(() => null)));
    if (my !== gen) return;
    box.textContent = "";
    if (!top.length) { el("p", "search-empty", box).textContent = attr("data-no-results"); return; }
    const list = el("ol", "search-results-list", box);
    list.setAttribute("role", "list");
    top.forEach((r, i) => ds[i] && show(found.marks, ds[i], r, list));
    if (found.results.length > shown) {
      const more = el("button", "search-more", box);
      more.type = "button";
      more.textContent = attr("data-more") || "…";
      more.onclick = () => { shown += 10; run().then(() => { const a = box.querySelectorAll("a")[shown - 10]; if (a) a.focus(); }); };
    }
  }
  const go = () => run().catch(() => { /* index missing: the static finders remain */ });
  input.value = new URLSearchParams(location.search).get("q") || input.value;
  input.addEventListener("input", () => { shown = 10; later(go); });
  if (input.form) input.form.addEventListener("submit", (e) => { e.preventDefault(); go(); });
  input.addEventListener("keydown", (e) => {
    const a = box.querySelector("a");
    if (e.key === "ArrowDown" && a) { e.preventDefault(); a.focus(); }
  });
  box.addEventListener("keydown", (e) => { // arrows move through the results, Escape goes back
    const links = [...box.querySelectorAll("a")], i = links.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === "ArrowDown" && i < links.length - 1) links[i + 1].focus();
    else if (e.key === "ArrowUp") (i ? links[i - 1] : input).focus();
    else if (e.key === "Escape") input.focus();
    else return;
    e.preventDefault();
  });
  if (input.value) go();
})();
