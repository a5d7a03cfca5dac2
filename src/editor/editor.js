// The glue between the portal and Sveltia CMS, served as admin/editor.js.
// It picks the configuration in the volunteer's language before the CMS
// loads, loads the CMS from this folder, and teaches it sportello's files:
// YAML front matter read and written with the YAML library and options the
// CMS itself uses, sources written as plain addresses shown as addresses,
// `comuni: all` shown as no comune chosen (which means all of them), and,
// on each save, the fields only translations have kept out of the source
// file and a new translation's `source_updated` filled in.
//
// The functions at the top have no browser in them: tests/editor/ runs
// them in Node on every file of the sample portal.

'use strict';

(function (root) {
  // Sveltia CMS's own stringify options (formatYAML, with its defaults).
  var YAML_OPTIONS = {
    indent: 2,
    indentSeq: true,
    lineWidth: 0,
    defaultKeyType: 'PLAIN',
    defaultStringType: 'PLAIN',
    singleQuote: true,
  };

  // Sveltia CMS's front matter split (parseFrontMatter).
  var FRONT_MATTER = /^---\n(?:([\s\S]*?))\n---(?:\n([\s\S]*))?$/s;

  // A file's text as the editor holds it: the front matter's fields and
  // the Markdown body. `text` comes trimmed, with \n line ends.
  function fromFile(YAML, text) {
    var empty = /^---\n---(?:\n([\s\S]*))?$/s.exec(text);
    var match = empty ? [text, '', empty[1]] : FRONT_MATTER.exec(text);
    if (!match) {
      return { body: text };
    }
    var head = match[1] ? YAML.parse(match[1]) : {};
    if (!head || typeof head !== 'object' || Array.isArray(head)) {
      head = {};
    }
    if (Array.isArray(head.sources)) {
      head.sources = head.sources.map(function (source) {
        return typeof source === 'string' ? { url: source } : source;
      });
    }
    if (head.comuni === 'all') {
      delete head.comuni;
    }
    if (!('body' in head)) {
      head.body = match[2] === undefined ? '' : match[2];
    }
    return head;
  }

  // The file for the fields the editor saves: front matter, always (the
  // build wants it), then the body after a blank line.
  function toFile(YAML, content) {
    var head = {};
    Object.keys(content).forEach(function (key) {
      if (key !== 'body') {
        head[key] = content[key];
      }
    });
    var body = typeof content.body === 'string' ? content.body : '';
    var yaml = Object.keys(head).length ? YAML.stringify(head, null, YAML_OPTIONS).trim() + '\n' : '';
    return '---\n' + yaml + '---\n' + (body ? '\n' + body + '\n' : '');
  }

  // What a save writes, by language: the source file keeps no field that
  // only translations have; no translation gets a fact; a translation
  // without `source_updated` gets the source's `updated`; a list of comuni
  // that says `all` is left out (no comune named means all of them).
  function beforeSave(fields, source, translations) {
    fields.translation_only.forEach(function (name) {
      delete source[name];
    });
    [source].concat(Object.values(translations)).forEach(function (data) {
      if (Array.isArray(data.comuni) && data.comuni.indexOf('all') >= 0) {
        delete data.comuni;
      }
    });
    Object.keys(translations).forEach(function (lang) {
      var data = translations[lang];
      fields.facts.forEach(function (name) {
        delete data[name];
      });
      if (fields.has_source_updated && !data.source_updated && source.updated) {
        data.source_updated = source.updated;
      }
    });
  }

  var api = { YAML_OPTIONS: YAML_OPTIONS, fromFile: fromFile, toFile: toFile, beforeSave: beforeSave };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
    return;
  }

  // --- In the browser -----------------------------------------------------

  var settings = JSON.parse(document.getElementById('sportello-editor').textContent);

  // The volunteer's language, among those the editor speaks.
  function chooseLanguage() {
    var asked = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]) || [];
    for (var i = 0; i < asked.length; i += 1) {
      var primary = String(asked[i] || '').toLowerCase().split('-')[0];
      if (settings.configs[primary]) {
        return primary;
      }
    }
    return settings.default_language;
  }

  var language = chooseLanguage();
  document.documentElement.lang = language;
  document.title = settings.titles[language];
  var link = document.createElement('link');
  link.rel = 'cms-config-url';
  link.type = 'application/yaml';
  link.href = settings.configs[language];
  document.head.appendChild(link);

  var host = location.hostname;
  var local = host === '127.0.0.1' || host === 'localhost' || /\.localhost$/.test(host);
  if (!settings.git_host && !local) {
    // Without a Git host the editor only works on a folder of this
    // computer, which browsers allow from the computer itself.
    var notice = document.createElement('p');
    notice.className = 'sportello-local-only';
    notice.textContent = settings.local_only[language];
    document.body.appendChild(notice);
    return;
  }

  // The CMS speaks the language of its labels and hints: it asks the
  // browser, which is told the language chosen here (for a volunteer whose
  // browser asks for French, English for both).
  var locale = language === 'en' ? 'en-US' : language;
  try {
    Object.defineProperty(navigator, 'languages', { get: function () { return [locale]; } });
    Object.defineProperty(navigator, 'language', { get: function () { return locale; } });
  } catch (e) {
    // A browser that does not allow it shows the CMS in its own language.
  }

  root.CMS_MANUAL_INIT = true;
  var script = document.createElement('script');
  script.src = 'sveltia-cms.js';
  script.onload = function () {
    var CMS = root.CMS;
    var YAML = root.YAML;
    CMS.registerCustomFormat(settings.format, 'md', {
      fromFile: function (text) {
        return fromFile(YAML, text);
      },
      toFile: function (content) {
        return toFile(YAML, content);
      },
    });
    CMS.registerEventListener({
      name: 'preSave',
      handler: function (args) {
        var entry = args.entry;
        var fields = settings.collections[entry.get('collection')];
        if (!fields) {
          return entry;
        }
        var source = entry.get('data') ? entry.get('data').toJS() : {};
        var translations = {};
        var i18n = entry.get('i18n');
        if (i18n) {
          i18n.forEach(function (value, lang) {
            var data = value && value.get('data');
            if (data && data.toJS) {
              translations[lang] = data.toJS();
            }
          });
        }
        beforeSave(fields, source, translations);
        var updated = entry;
        updated = updated.set('data', replaceAll(entry.get('data'), source));
        Object.keys(translations).forEach(function (lang) {
          updated = updated.setIn(['i18n', lang, 'data'], replaceAll(entry.getIn(['i18n', lang, 'data']), translations[lang]));
        });
        return updated;
      },
    });
    if (settings.stylesheet) {
      // An address of its own: the preview is a frame of another address.
      CMS.registerPreviewStyle(new URL(settings.stylesheet, location.href).href);
    }
    CMS.init();
  };
  document.head.appendChild(script);

  // An Immutable map with `values` in place of its own entries, made from
  // the map itself (the page has no Immutable of its own).
  function replaceAll(map, values) {
    var out = map.clear();
    Object.keys(values).forEach(function (key) {
      var old = map.get(key);
      out = out.set(key, old !== undefined && sameValue(old, values[key]) ? old : values[key]);
    });
    return out;
  }

  function sameValue(old, value) {
    var plain = old && old.toJS ? old.toJS() : old;
    return JSON.stringify(plain) === JSON.stringify(value);
  }
})(typeof window === 'undefined' ? globalThis : window);
