// End-to-end queries through the runtime's engine, in node, over an index
// built from tests/fixture/corpus.json. The Rust test tests/runtime.rs builds
// the index and runs: node tests/queries.js <built folder>
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { coldQuery } = require("./harness.js");

const root = process.argv[2] || process.env.SPORTELLO_SEARCH_FIXTURE;
if (!root) throw new Error("usage: node tests/queries.js <folder with _search/>");
const { cases } = require(path.join(__dirname, "fixture", "queries.json"));

for (const [lang, query, expected, label] of cases) {
  test(`${lang}: ${query} → ${expected || "nothing"}`, async () => {
    const { found, displays, total } = await coldQuery(root, lang, query);
    const top = displays.slice(0, 3).map((d) => d.u);
    if (expected === null) {
      assert.deepStrictEqual(top, [], `junk found: ${top}`);
      return;
    }
    assert.ok(top.includes(expected), `top 3 for "${query}": ${JSON.stringify(top)}`);
    const d = displays[top.indexOf(expected)];
    assert.strictEqual(d.l, label, "language label of the result");
    assert.ok(total.gzip < 50 * 1024, `cold query fetched ${total.gzip} bytes gzipped`);
    assert.ok(found.marks.size > 0);
  });
}
