// Runs the browser runtime's engine in node over a built index folder,
// counting the bytes a cold query fetches. Used by queries.js and measure.js.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const runtime = require(path.join(__dirname, "..", "assets", "search.js"));

function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes).length,
  };
}

/** A cold engine over `<root>/_search/<lang>/`: every file it loads is recorded in `fetched`. */
async function open(root, lang) {
  const dir = path.join(root, "_search", lang);
  const manifest = fs.readdirSync(dir).find((f) => f.startsWith("manifest-"));
  const fetched = [];
  const cache = new Map();
  function load(name) {
    if (!cache.has(name)) {
      cache.set(name, new Promise((resolve, reject) => {
        const bytes = fs.readFileSync(path.join(dir, name + ".js"));
        fetched.push(Object.assign({ name }, compressed(bytes)));
        let data;
        const sportelloSearch = {
          add(n, d) {
            if (n !== name) reject(new Error(`${name}.js registered as ${n}`));
            data = d;
          },
        };
        new Function("sportelloSearch", bytes.toString("utf8"))(sportelloSearch);
        if (data === undefined) reject(new Error(`${name}.js registered nothing`));
        resolve(data);
      }));
    }
    return cache.get(name);
  }
  const m = await load(manifest.replace(/\.js$/, ""));
  return { engine: runtime.engine(load, m), fetched, load };
}

/** Results of a cold query with their display data (top `shown`), and what it fetched. */
async function coldQuery(root, lang, query, shown = 10) {
  const { engine, fetched } = await open(root, lang);
  const started = process.hrtime.bigint();
  const found = await engine.search(query);
  const displays = await Promise.all(found.results.slice(0, shown).map((r) => engine.display(r)));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const script = compressed(fs.readFileSync(path.join(__dirname, "..", "assets", "search.js")));
  const total = { raw: script.raw, gzip: script.gzip, brotli: script.brotli };
  for (const f of fetched) for (const k of ["raw", "gzip", "brotli"]) total[k] += f[k];
  // A warm query: same engine, chunks loaded.
  const warmStart = process.hrtime.bigint();
  await engine.search(query);
  const warmMs = Number(process.hrtime.bigint() - warmStart) / 1e6;
  return { found, displays, fetched, total, ms, warmMs };
}

module.exports = { open, coldQuery, compressed };
