// The runtime's tokenizer against the table shared with the Rust unit tests.
// Run: node crates/search/tests/folding.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const search = require(path.join(__dirname, "..", "assets", "search.js"));
const cases = require(path.join(__dirname, "folding_cases.json"));

for (const [mode, query] of [["index", false], ["query", true]]) {
  test(`shared ${mode} cases`, () => {
    assert.ok(cases[mode].length > 5);
    for (const [input, expected] of cases[mode]) {
      assert.deepStrictEqual(search.tokens(input, query), expected, `${mode}: ${input}`);
    }
  });
}

test("fold keeps separators and folds letters", () => {
  assert.strictEqual(search.fold("Perché, CITTÀ"), "perche, citta");
  assert.strictEqual(search.fold("صِحَّة"), "صحه");
});

test("words give offsets into the text for highlighting", () => {
  const text = "Il codice fiscale.";
  const ws = search.words(text);
  assert.deepStrictEqual(ws.map((w) => text.slice(w.s, w.e)), ["Il", "codice", "fiscale"]);
  assert.deepStrictEqual(ws[1].t, ["codice"]);
});

test("one edit apart, as typo.rs", () => {
  for (const [a, b, one] of [
    ["permeso", "permesso", true],
    ["codce", "codice", true],
    ["fsicale", "fiscale", true],
    ["anagrafa", "anagrafe", true],
    ["scarta", "cartai", false],
    ["casa", "casale", false],
    ["مستشفي", "مستشفى", true],
  ]) {
    assert.strictEqual(search.near(a, b), one, `${a} / ${b}`);
  }
});
