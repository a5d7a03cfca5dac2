// The search benchmark of issue 3, run by scripts/bench_search.sh: sportello's
// search against Pagefind over the same built site, in headless Chromium.
//
//   node bench/search/bench.js --public DIR/public --build build.json \
//        [--queries queries.json] [--out results.json] [--details details.txt]
//
// build.json (written by the shell script): {"pages": N, "index_ms", "total_ms",
// "pagefind_s" (null when Pagefind was not run), "pagefind_note"}.
//
// What is measured, per language and for each query of queries.json:
// - cold first query, bytes: a fresh browser context (empty cache) opens the
//   page and runs the query; the static server here counts the body bytes of
//   every response, compressed with gzip -6 when that makes it smaller (as a
//   CDN sends it; Pagefind's index files are gzipped already and go as they
//   are). The server log catches the requests of Pagefind's web worker too,
//   which the page's resource timing entries do not.
//   - sportello: the site's own search page, <lang>/search/index.html?q=…,
//     until `#search-results li.search-result` or `.search-empty` shows; counted:
//     everything under /_search/ (the runtime search.<hash>.js, the manifest,
//     term and typo chunks, doc tables, the display files of the 10 results
//     shown). The page's HTML, CSS and app.js are not counted.
//   - Pagefind: a page /_bench/pagefind-<lang>.html (<html lang>, which
//     Pagefind reads) that imports /_pagefind/pagefind.js, runs
//     `await pagefind.search(q)` and `data()` of the first 5 results; counted:
//     everything under /_pagefind/.
// - query time once the chunks are loaded: in one page per language and tool,
//   each query is run once, then 5 more times; its time is the median of those
//   5 (search + display data of the results shown: 10 for ours, 5 for Pagefind).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const http = require("node:http");
const zlib = require("node:zlib");

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
if (!args.public || !args.build) {
  console.error("usage: node bench.js --public DIR --build build.json [--queries F] [--out F] [--details F]");
  process.exit(2);
}
const ROOT = path.resolve(args.public);
const BUILD = JSON.parse(fs.readFileSync(args.build, "utf8"));
const QUERIES = JSON.parse(fs.readFileSync(args.queries || path.join(__dirname, "queries.json"), "utf8"));
const LANGS = (args.langs || "it,en,fr,ar").split(",");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const WARM_RUNS = 5;
const OURS_SHOWN = 10; // results the search page shows
const PF_SHOWN = 5; // Pagefind results whose data() is loaded
const BUDGET_10K = 120 * 1024; // issue 3: script + first one-word query, 10,000 pages
const BUDGET_SAMPLE = 50 * 1024; // issue 3: the same, sample portal
const INDEX_SHARE = 0.2; // issue 3: index build at most 20% of the full build
const hasPagefind = BUILD.pagefind_s != null && fs.existsSync(path.join(ROOT, "_pagefind", "pagefind.js"));

// ---------------------------------------------------------------------------
// Static server over ROOT, gzip -6 when smaller, logging every response.

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css",
  ".json": "application/json", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".xml": "application/xml",
  ".txt": "text/plain", ".png": "image/png", ".ico": "image/x-icon", ".woff2": "font/woff2",
};
const fileCache = new Map();
const served = []; // {path, bytes (sent), raw}
function fileFor(p) {
  if (!fileCache.has(p)) {
    const abs = path.join(ROOT, p);
    if (!abs.startsWith(ROOT + path.sep) || !fs.existsSync(abs) || !fs.statSync(abs).isFile()) {
      fileCache.set(p, null);
    } else {
      const raw = fs.readFileSync(abs);
      const gz = zlib.gzipSync(raw, { level: 6 });
      fileCache.set(p, { raw, gz: gz.length < raw.length ? gz : null, type: TYPES[path.extname(p)] || "application/octet-stream" });
    }
  }
  return fileCache.get(p);
}
const server = http.createServer((req, res) => {
  let p;
  try { p = decodeURIComponent(new URL(req.url, "http://x").pathname); } catch (e) { p = "/"; }
  if (p.endsWith("/")) p += "index.html";
  // The site's service worker would fill its cache with pages in the
  // background: kept out, it has no part in a query.
  const f = p === "/sw.js" ? null : fileFor(p);
  if (!f) {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
    served.push({ path: p, bytes: 9, raw: 9, status: 404 });
    return;
  }
  const gzip = f.gz && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
  const body = gzip ? f.gz : f.raw;
  const headers = { "content-type": f.type, "content-length": body.length, "cache-control": "public, max-age=3600" };
  if (gzip) headers["content-encoding"] = "gzip";
  res.writeHead(200, headers);
  res.end(body);
  served.push({ path: p, bytes: body.length, raw: f.raw.length, status: 200 });
});

// ---------------------------------------------------------------------------
// Helpers.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const max = (xs) => (xs.length ? Math.max(...xs) : NaN);
function walk(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push({ rel: path.relative(ROOT, p).split(path.sep).join("/"), size: fs.statSync(p).size });
  }
  return out;
}
const sum = (files) => ({ bytes: files.reduce((s, f) => s + f.size, 0), files: files.length });

// What a served path is, for the details: "search.js", "manifest", "t", "x", "i", "d"; Pagefind's kinds.
function kind(p) {
  const b = p.split("/").pop();
  if (p.startsWith("/_search/")) {
    if (/^search\./.test(b)) return "search.js";
    if (p.includes("/d/")) return "d";
    return b.replace(/[-.].*/, "");
  }
  if (p.includes("/index/")) return "index";
  if (p.includes("/fragment/")) return "fragment";
  if (p.includes("/filter/")) return "filter";
  if (b.startsWith("wasm.")) return "wasm";
  if (b.endsWith(".pf_meta")) return "meta";
  return b;
}
function kinds(entries) {
  const n = new Map();
  for (const e of entries) n.set(kind(e.path), (n.get(kind(e.path)) || 0) + 1);
  return [...n].map(([k, c]) => (c > 1 ? `${k}×${c}` : k)).join(" ");
}

// The search runtime and manifest a language's pages name.
function oursPaths(lang) {
  const html = fs.readFileSync(path.join(ROOT, lang, "search", "index.html"), "utf8");
  const attr = (n) => (html.match(new RegExp(`${n}="([^"]+)"`)) || [])[1];
  const abs = (rel) => "/" + path.posix.normalize(path.posix.join(lang, "search", rel));
  const script = attr("data-search-script"), manifest = attr("data-search-manifest");
  if (!script || !manifest) throw new Error(`${lang}/search/index.html names no search script or manifest`);
  return { script: abs(script), manifest: abs(manifest) };
}

// ---------------------------------------------------------------------------
// Bench pages under /_bench/ (written after Pagefind has indexed the site).

function writeBenchPages() {
  const dir = path.join(ROOT, "_bench");
  fs.mkdirSync(dir, { recursive: true });
  for (const lang of LANGS) {
    const { script, manifest } = oursPaths(lang);
    // The runtime exports its engine when `module` exists (as in node); the
    // loader is the one of search.js: one <script> tag per index file.
    fs.writeFileSync(path.join(dir, `ours-${lang}.html`), `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>sportello search bench</title></head><body>
<script>
window.bench = (function () {
  var SCRIPT = ${JSON.stringify(script)}, MANIFEST = ${JSON.stringify(manifest)};
  var base = MANIFEST.slice(0, MANIFEST.lastIndexOf("/") + 1), got = {}, wait = {}, loading = {}, E = null;
  function tag(src) {
    return new Promise(function (ok, fail) {
      var s = document.createElement("script");
      s.src = src; s.onload = ok; s.onerror = function () { fail(new Error("failed to load " + src)); };
      document.head.appendChild(s);
    });
  }
  function load(name) {
    return loading[name] || (loading[name] = new Promise(function (ok, fail) {
      if (got[name]) return ok(got[name]);
      wait[name] = ok;
      tag(base + name + ".js").catch(fail);
    }));
  }
  function engine() {
    return E || (E = (async function () {
      window.module = { exports: {} };
      await tag(SCRIPT);
      var rt = window.module.exports;
      delete window.module;
      window.sportelloSearch = { add: function (n, d) { got[n] = d; if (wait[n]) wait[n](d); } };
      var m = await load(MANIFEST.slice(base.length).replace(/\\.js$/, ""));
      return rt.engine(load, m);
    })());
  }
  async function once(q) {
    var en = await engine(), found = await en.search(q);
    var ds = await Promise.all(found.results.slice(0, ${OURS_SHOWN}).map(function (r) { return en.display(r); }));
    return { n: found.results.length, top: ds.slice(0, 3).map(function (d) { return d.u; }) };
  }
  async function run(q, repeats) {
    var t = performance.now(), r = await once(q);
    r.cold = performance.now() - t;
    r.warm = [];
    for (var i = 0; i < repeats; i++) { t = performance.now(); await once(q); r.warm.push(performance.now() - t); }
    return r;
  }
  return { run: run };
})();
</script></body></html>
`);
    if (hasPagefind) {
      fs.writeFileSync(path.join(dir, `pagefind-${lang}.html`), `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Pagefind bench</title></head><body>
<script type="module">
import * as pagefind from "/_pagefind/pagefind.js";
async function once(q) {
  const s = await pagefind.search(q);
  const ds = await Promise.all(s.results.slice(0, ${PF_SHOWN}).map((r) => r.data()));
  return { n: s.results.length, top: ds.slice(0, 3).map((d) => d.url) };
}
async function run(q, repeats) {
  let t = performance.now();
  const r = await once(q);
  r.cold = performance.now() - t;
  r.warm = [];
  for (let i = 0; i < repeats; i++) { t = performance.now(); await once(q); r.warm.push(performance.now() - t); }
  return r;
}
window.bench = { run };
</script></body></html>
`);
    }
  }
}

// ---------------------------------------------------------------------------
// Browser runs.

async function main() {
  const puppeteer = require("puppeteer-core");
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  writeBenchPages();
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    protocolTimeout: 600000,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const results = { ours: {}, pagefind: {} };
  try {
    for (const lang of LANGS) {
      const qs = QUERIES[lang];
      results.ours[lang] = qs.map(([q, k, expect]) => ({ q, kind: k, expect }));
      results.pagefind[lang] = qs.map(([q, k, expect]) => ({ q, kind: k, expect }));

      // sportello, cold: the search page in a fresh context per query.
      for (const r of results.ours[lang]) {
        const ctx = await browser.createBrowserContext();
        const page = await ctx.newPage();
        served.length = 0;
        const t = Date.now();
        try {
          await page.goto(`${origin}/${lang}/search/index.html?q=${encodeURIComponent(r.q)}`, { waitUntil: "domcontentloaded", timeout: 120000 });
          await page.waitForSelector("#search-results li.search-result, #search-results .search-empty", { timeout: 60000 });
          r.shown = true;
        } catch (e) {
          r.shown = false;
          r.error = String(e.message || e).split("\n")[0];
        }
        r.pageMs = Date.now() - t;
        await sleep(200); // any request still going belongs to the query too
        const dom = await page.evaluate(() => ({
          n: document.querySelectorAll("#search-results li.search-result").length,
          empty: !!document.querySelector("#search-results .search-empty"),
          top: [...document.querySelectorAll("#search-results li.search-result > a")].slice(0, 3).map((a) => a.getAttribute("href")),
          perf: performance.getEntriesByType("resource").filter((e) => e.name.includes("/_search/"))
            .reduce((s, e) => s + e.encodedBodySize, 0),
        }));
        const got = served.filter((e) => e.path.startsWith("/_search/"));
        r.bytes = got.reduce((s, e) => s + e.bytes, 0);
        r.raw = got.reduce((s, e) => s + e.raw, 0);
        r.files = got.length;
        r.kinds = kinds(got);
        r.missing = got.filter((e) => e.status !== 200).map((e) => e.path);
        r.perfBytes = dom.perf;
        r.shownN = dom.n;
        r.top = dom.top;
        await ctx.close();
      }
      // sportello, timing: the runtime's engine on a bench page, in a fresh context per query.
      for (const r of results.ours[lang]) {
        const ctx = await browser.createBrowserContext();
        const page = await ctx.newPage();
        try {
          await page.goto(`${origin}/_bench/ours-${lang}.html`, { waitUntil: "load" });
          const c = await page.evaluate((q) => window.bench.run(q, 0), r.q);
          const w = await page.evaluate((q, n) => window.bench.run(q, n), r.q, WARM_RUNS);
          Object.assign(r, { n: c.n, engineTop: c.top, coldMs: c.cold, warm: w.warm, warmMs: median(w.warm) });
        } catch (e) {
          r.error = (r.error ? r.error + "; " : "") + "engine: " + String(e.message || e).split("\n")[0];
        }
        await ctx.close();
      }
      if (!hasPagefind) continue;
      // Pagefind: a fresh context per query; bytes of the first run, then the timed runs.
      for (const r of results.pagefind[lang]) {
        const ctx = await browser.createBrowserContext();
        const page = await ctx.newPage();
        served.length = 0;
        try {
          await page.goto(`${origin}/_bench/pagefind-${lang}.html`, { waitUntil: "load" });
          await page.waitForFunction(() => window.bench, { timeout: 60000 });
          const c = await page.evaluate((q) => window.bench.run(q, 0), r.q);
          Object.assign(r, { n: c.n, top: c.top, coldMs: c.cold });
        } catch (e) {
          r.error = String(e.message || e).split("\n")[0];
        }
        await sleep(200); // any request still going belongs to the query too
        const got = served.filter((e) => e.path.startsWith("/_pagefind/"));
        r.bytes = got.reduce((s, e) => s + e.bytes, 0);
        r.raw = got.reduce((s, e) => s + e.raw, 0);
        r.files = got.length;
        r.kinds = kinds(got);
        r.missing = got.filter((e) => e.status !== 200).map((e) => e.path);
        if (!r.error) {
          try {
            const w = await page.evaluate((q, n) => window.bench.run(q, n), r.q, WARM_RUNS);
            Object.assign(r, { warm: w.warm, warmMs: median(w.warm) });
          } catch (e) {
            r.error = "warm: " + String(e.message || e).split("\n")[0];
          }
        }
        await ctx.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(path.join(ROOT, "_bench"), { recursive: true, force: true });
  }
  report(results);
}

// ---------------------------------------------------------------------------
// The table.

function report(results) {
  const kb = (b) => (Number.isFinite(b) ? (b / 1024).toFixed(1) : "-");
  const ms = (x) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : "-");
  const mb = (b) => (b / 1e6).toFixed(1);
  const allSearch = walk(path.join(ROOT, "_search"));
  const allPf = walk(path.join(ROOT, "_pagefind"));
  const docs = {};
  for (const lang of LANGS) {
    const dir = path.join(ROOT, "_search", lang);
    const m = fs.readdirSync(dir).find((f) => f.startsWith("manifest-"));
    const text = fs.readFileSync(path.join(dir, m), "utf8");
    docs[lang] = Number((text.match(/"n":(\d+)/) || [])[1]);
  }
  const pfEntry = hasPagefind ? JSON.parse(fs.readFileSync(path.join(ROOT, "_pagefind", "pagefind-entry.json"), "utf8")) : null;

  const rows = [];
  const row = (tool, lang, build, size, rs) => {
    const bytes = rs.filter((r) => Number.isFinite(r.bytes)).map((r) => r.bytes);
    const cold = rs.filter((r) => Number.isFinite(r.coldMs)).map((r) => r.coldMs);
    const warm = rs.filter((r) => Number.isFinite(r.warmMs)).map((r) => r.warmMs);
    rows.push([tool, lang, build, mb(size.bytes), String(size.files), kb(median(bytes)), kb(max(bytes)),
      ms(median(cold)), ms(median(warm)), ms(max(warm))]);
  };
  const tools = [["sportello", results.ours, allSearch, (l) => allSearch.filter((f) => f.rel.startsWith(`_search/${l}/`)),
    (BUILD.index_ms / 1000).toFixed(2)]];
  if (hasPagefind) {
    const mine = (l) => (f) => f.rel.includes(`/${l}_`) || f.rel.includes(`.${l}_`) || f.rel === `_pagefind/wasm.${l}.pagefind`;
    tools.push(["pagefind", results.pagefind, allPf, (l) => allPf.filter(mine(l)), BUILD.pagefind_s.toFixed(2)]);
  }
  for (const [tool, res, all, ofLang, build] of tools) {
    for (const lang of LANGS) row(tool, lang, "", sum(ofLang(lang)), res[lang]);
    row(tool, "all", build, sum(all), LANGS.flatMap((l) => res[l]));
  }
  const head = ["tool", "lang", "index build s", "index MB", "files", "cold KB med", "cold KB max", "cold ms med", "query ms med", "query ms max"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const out = [];
  out.push(`Search benchmark: ${BUILD.pages} source pages; pages indexed per language: ` +
    LANGS.map((l) => `${l} ${docs[l]}`).join(", ") +
    (pfEntry ? ` (Pagefind, all HTML pages: ${LANGS.map((l) => `${l} ${pfEntry.languages[l] ? pfEntry.languages[l].page_count : 0}`).join(", ")})` : "") +
    `; ${QUERIES[LANGS[0]].length} queries per language`);
  out.push(line(head));
  out.push(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) out.push(line(r));
  out.push("cold KB: bytes a first query fetches in a fresh browser (gzip -6 where smaller): sportello = search.js + manifest + chunks");
  out.push(`  + doc tables + display files of the ${OURS_SHOWN} results shown; Pagefind = pagefind.js + entry + wasm + meta + index chunks + fragments of ${PF_SHOWN} results.`);
  out.push(`query ms: median of ${WARM_RUNS} runs once the chunks are loaded (search + display data); cold ms: the first run in a fresh browser,`);
  out.push("  over loopback (sportello: from loading search.js; Pagefind: once pagefind.js is imported).");
  out.push("index MB / files: bytes of the files (not disk blocks); 'all' includes the shared files (search.js; Pagefind's JS, UI and entry).");
  if (BUILD.search_page_gz) out.push("not counted above: the search page's own HTML (which the search box of every page submits to), gzip -6: " +
    LANGS.map((l) => `${l} ${kb(BUILD.search_page_gz[l])} KB`).join(", ") + ".");
  if (!hasPagefind) out.push(`Pagefind: not run (${BUILD.pagefind_note || "not installed"}).`);

  // Budgets.
  const ours = LANGS.flatMap((l) => results.ours[l]);
  const worst = ours.filter((r) => Number.isFinite(r.bytes)).sort((a, b) => b.bytes - a.bytes)[0];
  const within = (ok) => (ok ? " -> within" : " -> OVER");
  out.push(`budget: sportello cold first query <= ${kb(BUDGET_10K)} KB at 10,000 pages (${kb(BUDGET_SAMPLE)} KB sample portal): ` +
    `max ${kb(worst && worst.bytes)} KB (${worst ? `${JSON.stringify(worst.q)}, ${LANGS.find((l) => results.ours[l].includes(worst))}` : "-"})` +
    within(worst && worst.bytes <= BUDGET_10K) + (BUILD.pages >= 10000 ? "" : ` (at ${BUILD.pages} pages)`));
  const share = BUILD.index_ms / BUILD.total_ms;
  out.push(`budget: index build <= ${INDEX_SHARE * 100}% of the full build: index ${BUILD.index_ms} ms of ${BUILD.total_ms} ms = ` +
    `${(share * 100).toFixed(1)}% (adds ${((BUILD.index_ms / (BUILD.total_ms - BUILD.index_ms)) * 100).toFixed(1)}% to the rest of the build)` +
    within(share <= INDEX_SHARE));
  out.push(`budget: query time <= 50 ms once loaded: sportello max ${ms(max(ours.map((r) => r.warmMs).filter(Number.isFinite)))} ms` +
    within(max(ours.map((r) => r.warmMs).filter(Number.isFinite)) <= 50));

  // Problems of our search.
  const problems = [];
  for (const lang of LANGS) {
    for (const r of results.ours[lang]) {
      const tops = [...(r.top || []), ...(r.engineTop || [])];
      const where = `sportello ${lang} ${JSON.stringify(r.q)}`;
      if (r.error) problems.push(`${where}: ${r.error}`);
      if (r.missing && r.missing.length) problems.push(`${where}: missing files ${r.missing.join(" ")}`);
      if (Number.isFinite(r.perfBytes) && r.perfBytes !== r.bytes) problems.push(`${where}: server counted ${r.bytes} B, resource timing ${r.perfBytes} B`);
      if (r.kind === "none" && r.n > 0) problems.push(`${where}: nonsense found ${r.n} results (${tops.slice(0, 3).join(", ")})`);
      if (r.kind !== "none" && r.n === 0) problems.push(`${where}: ${r.kind} query found nothing`);
      if (r.kind !== "none" && r.n > 0 && r.expect && !(r.top || []).slice(0, 3).some((u) => r.expect.split("|").some((e) => u.includes(e))))
        problems.push(`${where}: no "${r.expect}" in the top 3 (${(r.top || []).join(", ")})`);
      if (r.shown && r.n > 0 && r.shownN === 0) problems.push(`${where}: engine found ${r.n} but the page showed none`);
      if (BUILD.pages >= 10000 && r.bytes > BUDGET_10K) problems.push(`${where}: cold query ${kb(r.bytes)} KB > ${kb(BUDGET_10K)} KB`);
    }
  }
  // Of the queries that name the page they must find: how often it is in the top 3.
  const inTop3 = (tool) => {
    const rs = LANGS.flatMap((l) => results[tool][l].filter((r) => r.kind !== "none" && r.expect));
    const hits = rs.filter((r) => (r.top || []).slice(0, 3).some((u) => r.expect.split("|").some((e) => u.includes(e))));
    return `${hits.length} of ${rs.length}`;
  };
  out.push(`expected page in the top 3: sportello ${inTop3("ours")}` + (hasPagefind ? `, Pagefind ${inTop3("pagefind")}` : ""));
  out.push(problems.length ? `problems of sportello's search (${problems.length}):` : "problems of sportello's search: none");
  for (const p of problems) out.push("  " + p);
  if (hasPagefind) {
    const none = LANGS.flatMap((l) => results.pagefind[l].filter((r) => r.kind !== "none" && r.n === 0).map((r) => `${l} ${JSON.stringify(r.q)}`));
    const errs = LANGS.flatMap((l) => results.pagefind[l].filter((r) => r.error).map((r) => `${l} ${JSON.stringify(r.q)}: ${r.error}`));
    out.push(`Pagefind found nothing for ${none.length} of ${LANGS.length * QUERIES[LANGS[0]].length - LANGS.length} real or misspelled queries` + (none.length ? `: ${none.join(", ")}` : ""));
    for (const e of errs) out.push(`  Pagefind error: ${e}`);
  }
  console.log(out.join("\n"));

  // Per-query details.
  const d = [];
  for (const lang of LANGS) {
    for (let i = 0; i < QUERIES[lang].length; i++) {
      for (const [tool, res] of [["sportello", results.ours], ["pagefind", results.pagefind]]) {
        const r = res[lang][i];
        if (tool === "pagefind" && !hasPagefind) continue;
        d.push(`${tool.padEnd(9)} ${lang} ${JSON.stringify(r.q).padEnd(26)} ${r.kind.padEnd(4)} n=${String(r.n ?? "-").padStart(5)}` +
          `  ${kb(r.bytes).padStart(6)} KB (${r.files ?? "-"} files: ${r.kinds || ""})  cold ${ms(r.coldMs)} ms  warm ${ms(r.warmMs)} ms` +
          `  top: ${(r.top || []).join(" ")}${r.error ? "  ERROR " + r.error : ""}`);
      }
    }
  }
  if (args.details) fs.writeFileSync(args.details, d.join("\n") + "\n");
  if (args.out) fs.writeFileSync(args.out, JSON.stringify({ build: BUILD, docs, results }, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
