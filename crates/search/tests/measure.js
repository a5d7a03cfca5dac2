// Bytes a cold query fetches (search.js + manifest + chunks + display files of
// the first 10 results), and query times, over a built index folder.
// Usage: node crates/search/tests/measure.js <folder with _search/> <lang> <query>...
"use strict";
const { coldQuery } = require("./harness.js");

async function main() {
  const [root, lang, ...queries] = process.argv.slice(2);
  if (!root || !lang || !queries.length) throw new Error("usage: measure.js <folder> <lang> <query>...");
  for (const q of queries) {
    const r = await coldQuery(root, lang, q);
    const kinds = r.fetched.map((f) => f.name.replace(/[-/].*/, "")).join(" ");
    console.log(
      `${lang} ${JSON.stringify(q).padEnd(24)} results ${String(r.found.results.length).padStart(5)}` +
        `  cold: ${r.total.raw} B raw, ${r.total.gzip} B gzip, ${r.total.brotli} B brotli` +
        ` (${r.fetched.length} files: ${kinds})  ${r.ms.toFixed(1)} ms cold, ${r.warmMs.toFixed(1)} ms warm` +
        `  top: ${r.displays.slice(0, 3).map((d) => d.u).join(", ")}`
    );
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
