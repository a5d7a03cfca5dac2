// Checks a built portal's editor configurations (admin/config*.yml)
// against Sveltia CMS's own JSON schema, shipped in its npm package at the
// version the portal vendors, and the opening-hours pattern against hours
// that the build reads and hours it rejects.
//
//   node tests/editor/check-config.mjs <built site> [<portal folder>]
//
// Prints one line a configuration and exits 1 on the first problem.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const cmsFolder = path.join(here, 'node_modules/@sveltia/cms');
const [built, portal] = process.argv.slice(2);
const admin = path.join(built, 'admin');

const vendored = fs.readFileSync(path.join(here, '../../vendor/sveltia-cms/VERSION'), 'utf8').trim();
const cmsPackage = JSON.parse(fs.readFileSync(path.join(cmsFolder, 'package.json'), 'utf8'));
if (cmsPackage.version !== vendored) {
  fail(`the schema is Sveltia CMS ${cmsPackage.version}'s, the editor runs ${vendored}: update tests/editor/package.json`);
}
const schema = JSON.parse(
  fs.readFileSync(path.join(cmsFolder, 'schema/sveltia-cms.json'), 'utf8'),
);
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

function fail(message) {
  console.error(message);
  process.exit(1);
}

const files = fs.readdirSync(admin).filter((name) => /^config(\.[a-z]{2})?\.yml$/.test(name));
if (files.length < 3) {
  fail(`${admin} has ${files.length} configurations: config.yml, config.it.yml and config.en.yml are expected`);
}

let hoursPattern;
for (const name of files.sort()) {
  const config = YAML.parse(fs.readFileSync(path.join(admin, name), 'utf8'));
  if (!validate(config)) {
    const problems = validate.errors.slice(0, 12).map((e) => `  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    fail(`${name} does not follow Sveltia CMS's schema:\n${problems.join('\n')}`);
  }
  // The schema accepts any string as a pattern: each must compile.
  const fields = [];
  const walk = (list) => (list || []).forEach((field) => {
    fields.push(field);
    walk(field.fields);
    if (field.field) walk([field.field]);
  });
  config.collections.forEach((c) => {
    walk(c.fields);
    (c.files || []).forEach((f) => walk(f.fields));
    if (c.slug && c.slug.pattern) new RegExp(c.slug.pattern[0]);
  });
  fields.filter((f) => f.pattern).forEach((f) => new RegExp(f.pattern[0]));
  const hours = fields.find((f) => f.name === 'hours');
  if (!hours) fail(`${name}: no hours field`);
  hoursPattern = new RegExp(hours.pattern[0]);
  const collections = config.collections.map((c) => c.name).join(', ');
  console.log(`${name}: valid for Sveltia CMS ${vendored}; locales ${config.i18n.locales.join(', ')}; collections ${collections}`);
}

// Hours the build reads (src/hours.rs) match; mistakes a volunteer makes do not.
const good = [
  'Mo-Fr 09:00-12:00',
  'Mo,We,Fr 09:00-12:00; Th 15:00-17:30',
  'Mo-Fr 08:30-12:30,14:30-17:00; Sa 09:00-12:00; PH off',
  'Tu 09:00-12:00; Th 15:00-18:00',
  '24/7',
  'Mo-Sa 08:00-13:00 || Su off',
  'Jan-Jul,Sep-Dec Mo-Fr 09:00-12:00',
  'Aug off',
  'Mo-Fr 09:00-12:00 "solo su appuntamento"',
  'Su[1] 10:00-12:00',
];
const bad = ['9-12', 'lunedì 9-12', 'Mo-Fr 9.00-12.00', 'Mo-Fr', 'Mon-Fri 09:00-12:00', 'Mo-Fr 09:00-12:00;;'];
// `Mo-Fr` alone is read as open all day by the grammar; the pattern accepts it.
for (const value of good) {
  if (!hoursPattern.test(value)) fail(`the hours pattern refuses ${JSON.stringify(value)}, which the build reads`);
}
for (const value of bad.filter((v) => v !== 'Mo-Fr')) {
  if (hoursPattern.test(value)) fail(`the hours pattern accepts ${JSON.stringify(value)}`);
}
if (portal) {
  const content = path.join(portal, 'content');
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []);
  let count = 0;
  for (const file of walk(content)) {
    const match = /^hours:\s*(.+)$/m.exec(fs.readFileSync(file, 'utf8').split('\n---')[0]);
    if (!match) continue;
    const value = YAML.parse(match[1]);
    count += 1;
    if (!hoursPattern.test(value)) fail(`${file}: the hours pattern refuses ${JSON.stringify(value)}`);
  }
  console.log(`hours pattern: ${good.length} examples and ${count} values of the portal accepted, ${bad.length - 1} mistakes refused`);
}
