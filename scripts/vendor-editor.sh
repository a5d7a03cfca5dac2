#!/usr/bin/env bash
# Vendors the browser editor's third-party code from npm, at pinned
# versions, into vendor/: Sveltia CMS's browser build (with its fonts,
# which its script would otherwise load from a CDN) and the `yaml`
# library Sveltia itself uses, bundled into one script for admin/editor.js.
# Run it to update: change a version below, run, build, run the tests.
#
#   bash scripts/vendor-editor.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SVELTIA=0.221.1   # npm view @sveltia/cms version
YAML=2.9.1        # the version Sveltia's package.json asks for (yaml ^2.9.1)
ESBUILD=0.28.2    # only bundles yaml's ES modules into one file

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@sveltia/cms@$SVELTIA" "yaml@$YAML" >/dev/null)
mkdir -p "$work/cms" "$work/yaml"
tar xzf "$work/sveltia-cms-$SVELTIA.tgz" -C "$work/cms"
tar xzf "$work/yaml-$YAML.tgz" -C "$work/yaml"
cms=$work/cms/package

out=vendor/sveltia-cms
rm -rf "$out"
mkdir -p "$out/fonts" "$out/chunks"
# The script names its three fonts by jsDelivr addresses; the package
# ships the same files (npm/assets), served here from admin/fonts/.
# A relative url() in a style element resolves against the page, /admin/.
sed -e 's#https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@[0-9.]*/latin-wght-normal.woff2#fonts/source-sans-3-latin-wght-normal.woff2#' \
    -e 's#https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@[0-9.]*/latin-400-normal.woff2#fonts/noto-mono-latin-400-normal.woff2#' \
    -e 's#https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@[0-9.]*/latin-wght-normal.woff2#fonts/material-symbols-outlined-latin-wght-normal.woff2#' \
    "$cms/dist/sveltia-cms.js" >"$out/sveltia-cms.js"
# It also asks unpkg.com every hour whether a newer version is out, to
# offer reloading: the page loads nothing from elsewhere, and the version
# is pinned here, so that question is never asked.
WORK=$work node - "$out/sveltia-cms.js" <<'JS'
const fs = require('fs');
const file = process.argv[2];
let text = fs.readFileSync(file, 'utf8');
const name = /([A-Za-z_$][\w$]*)=`\$\{[A-Za-z_$][\w$]*\}\/package\.json`/.exec(text);
if (!name) throw new Error('sveltia-cms.js: the update check is not where it was: look for package.json');
const call = `await fetch(${name[1]})`;
if (text.split(call).length !== 2) throw new Error(`sveltia-cms.js: expected one ${call}`);
text = text.replace(call, 'await Promise.reject(Error(`sportello: no update check`))');
// Libraries it imports when a feature needs them come from unpkg.com too;
// the two this editor uses (immutable for the save hook, turndown for
// pasted text) are served from admin/npm/<name>/, the others never load.
const base = /([A-Za-z_$][\w$]*)=\(typeof document>`u`\?void 0:document\.currentScript\?\.src\)/.exec(text);
const unpkg = /([A-Za-z_$][\w$]*)=e=>\{let t=`https:\/\/unpkg\.com\/\$\{e\}`,n=[A-Za-z_$][\w$]*\[e\]\?\.replace\(\/\^\\D\/,``\);return n\?`\$\{t\}@\$\{n\}`:t\}/.exec(text);
if (!base || !unpkg) throw new Error('sveltia-cms.js: the unpkg.com imports are not where they were');
text = text.replace(unpkg[0], `${unpkg[1]}=e=>new URL(\`npm/\${e}\`,${base[1]}||location.href).href`);
// Its interface in a language other than English comes from unpkg.com as
// well: the languages sportello speaks are served from admin/locales/.
const locales = /([A-Za-z_$][\w$]*)=`\$\{[A-Za-z_$][\w$]*\}@\$\{[A-Za-z_$][\w$]*\}\/locales`/.exec(text);
if (!locales) throw new Error('sveltia-cms.js: the locales are not where they were');
text = text.replace(locales[0], `${locales[1]}=new URL(\`locales\`,${base[1]}||location.href).href`);
// The language tabs of an entry (a portal of up to three languages) read
// the checks of a language the entry is not written in, which the CMS keeps
// none of once the entry is saved ("Cannot convert undefined or null to
// object"): they read none instead.
const tabs = /Object\.values\(([A-Za-z_$]+\([A-Za-z_$]+\)\[[A-Za-z_$]+\])\)\.some\(\(\{valid:e\}\)=>!e\)/g;
const found = text.match(tabs) || [];
if (found.length !== 1) throw new Error(`sveltia-cms.js: expected one check of a language's validity in the tabs, found ${found.length}`);
text = text.replace(tabs, 'Object.values($1??{}).some(({valid:e})=>!e)');
fs.writeFileSync(file, text);
// The versions its package.json asks for.
for (const name of ['immutable', 'turndown']) {
  const version = new RegExp(`[{,]${name}:\`\\^?([0-9.]+)\``).exec(text);
  if (!version) throw new Error(`sveltia-cms.js: no version of ${name}`);
  fs.writeFileSync(`${process.env.WORK}/${name}.version`, version[1]);
}
JS
if grep -q 'cdn.jsdelivr.net' "$out/sveltia-cms.js"; then
  echo "sveltia-cms.js still names a font on jsDelivr: update the patterns above" >&2
  exit 1
fi
cp "$cms/dist/chunks/react-dom.js" "$out/chunks/react-dom.js"
for font in source-sans-3-latin-wght-normal noto-mono-latin-400-normal material-symbols-outlined-latin-wght-normal; do
  cp "$cms"/npm/assets/"$font"-*.woff2 "$out/fonts/$font.woff2"
done
for licence in source-sans-3 noto-mono material-symbols-outlined; do
  cp "$cms/npm/assets/$licence.LICENSE.txt" "$out/fonts/$licence.LICENSE.txt"
done
cp "$cms/LICENSE.txt" "$out/LICENSE.txt"
mkdir -p "$out/locales"
cp "$cms/locales/it.json" "$out/locales/it.json"
(cd "$work" && npm pack --silent "immutable@$(cat immutable.version)" "turndown@$(cat turndown.version)" >/dev/null)
mkdir -p "$work/immutable" "$work/turndown" "$out/npm/immutable/dist" "$out/npm/turndown/lib"
tar xzf "$work"/immutable-*.tgz -C "$work/immutable"
tar xzf "$work"/turndown-*.tgz -C "$work/turndown"
cp "$work/immutable/package/dist/immutable.es.js" "$out/npm/immutable/dist/"
cp "$work/immutable/package/LICENSE" "$out/npm/immutable/LICENSE"
cp "$work/turndown/package/lib/turndown.browser.es.js" "$out/npm/turndown/lib/"
cp "$work/turndown/package/LICENSE" "$out/npm/turndown/LICENSE"
echo "immutable $(cat "$work/immutable.version"), turndown $(cat "$work/turndown.version")" >"$out/npm/VERSIONS"
echo "$SVELTIA" >"$out/VERSION"

out=vendor/yaml
rm -rf "$out"
mkdir -p "$out"
(cd "$work" && npx --yes "esbuild@$ESBUILD" yaml/package/browser/index.js \
  --bundle --format=iife --global-name=YAML --minify --log-level=warning) >"$out/yaml.js"
cp "$work/yaml/package/LICENSE" "$out/LICENSE"
echo "$YAML" >"$out/VERSION"
find vendor -type f | sort | xargs ls -l
