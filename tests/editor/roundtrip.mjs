// Every page of a portal loaded and saved unchanged by the browser editor:
// read with the editor's own file format (src/editor/editor.js, with the
// `yaml` version Sveltia CMS uses), made into what the CMS saves by its
// rules (string values trimmed, a list where the field holds a list, keys
// in the order of the configuration's fields, empty optional fields left
// out), passed through the editor's save hook, and written back with the
// editor's format. The test then builds both portals and compares them.
//
//   node tests/editor/roundtrip.mjs <portal> <copy's content folder> <admin/config.yml>

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
const editor = require('../../src/editor/editor.js');
const [portal, outContent, configFile] = process.argv.slice(2);
const config = YAML.parse(fs.readFileSync(configFile, 'utf8'));
const { default_locale: source, locales } = config.i18n;
// What admin/index.html tells editor.js about each collection.
const settings = JSON.parse(
  /<script type="application\/json" id="sportello-editor">([\s\S]*?)<\/script>/.exec(
    fs.readFileSync(path.join(path.dirname(configFile), 'index.html'), 'utf8'),
  )[1],
);

const collections = new Map();
for (const collection of config.collections) {
  const fields = collection.fields || collection.files[0].fields;
  const folder = collection.folder ? collection.folder.replace(/^content\/?/, '') : '';
  collections.set(folder, { name: collection.name, fields });
}

const isList = (field) => field.widget === 'list' || (['relation', 'select'].includes(field.widget) && field.multiple);
const isRequired = (field, locale) => (Array.isArray(field.required) ? field.required.includes(locale) : field.required !== false);
const isEmpty = (value) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length) ||
  (typeof value === 'object' && !Array.isArray(value) && !Object.keys(value).length);

// One value as the field editing it holds it, strings trimmed.
function normalize(field, value) {
  if (typeof value === 'string') return value.trim();
  if (isList(field)) {
    const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    return items.map((item) => (field.fields ? ordered(field.fields, item, null) : normalize(field.field || {}, item)));
  }
  if (['string', 'text', 'markdown', 'datetime', 'select', 'relation'].includes(field.widget) && value !== undefined && value !== null && typeof value !== 'object') {
    return String(value);
  }
  return value;
}

// The content's keys in the order of the fields, the rest sorted after;
// optional fields left empty are left out (`omit_empty_optional_fields`).
function ordered(fields, content, locale) {
  const out = {};
  for (const field of fields) {
    if (!(field.name in content)) continue;
    const value = normalize(field, content[field.name]);
    if (isEmpty(value) && !(locale && isRequired(field, locale)) && !(locale === null && field.required !== false)) continue;
    out[field.name] = value;
  }
  Object.keys(content).filter((key) => !(key in out) && !fields.some((f) => f.name === key)).sort().forEach((key) => {
    out[key] = content[key];
  });
  return out;
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : entry.name.endsWith('.md') ? [path.join(dir, entry.name)] : []);
}

// The pages by entry: a source and its translations are saved together.
const entries = new Map();
const contentDir = path.join(portal, 'content');
for (const file of walk(contentDir)) {
  const rel = path.relative(contentDir, file);
  const folder = path.dirname(rel) === '.' ? '' : path.dirname(rel);
  const match = /^(.*?)(?:\.([a-z]{2}))?\.md$/.exec(path.basename(rel));
  const locale = match[2] && locales.includes(match[2]) ? match[2] : source;
  const key = `${folder}/${locale === source ? match[0].replace(/\.md$/, '') : match[1]}`;
  if (!entries.has(key)) entries.set(key, { folder, files: {} });
  entries.get(key).files[locale] = rel;
}

let written = 0;
for (const { folder, files } of entries.values()) {
  const collection = collections.get(folder);
  if (!collection) throw new Error(`no collection for content/${folder}`);
  const contents = {};
  for (const [locale, rel] of Object.entries(files)) {
    const text = fs.readFileSync(path.join(contentDir, rel), 'utf8').trim().replace(/\r\n?/g, '\n');
    contents[locale] = ordered(collection.fields, editor.fromFile(YAML, text), locale);
  }
  const sourceContent = contents[source] || {};
  const translations = Object.fromEntries(Object.entries(contents).filter(([locale]) => locale !== source));
  editor.beforeSave(settings.collections[collection.name], sourceContent, translations);
  for (const [locale, rel] of Object.entries(files)) {
    // The hook runs before the CMS orders the keys and leaves out the empty.
    const content = ordered(collection.fields, locale === source ? sourceContent : translations[locale], locale);
    const out = path.join(outContent, rel);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // The CMS trims what the format makes and ends the file with a newline.
    fs.writeFileSync(out, `${editor.toFile(YAML, content).trim()}\n`);
    written += 1;
  }
}
console.log(`${written} files through the editor's format`);
