# sportello's messages to the people who write and publish a portal, in English.
# Every message here exists in it.ftl too (a test checks it). Values in braces,
# such as { $field }, are filled in by the program: keep them as they are.

## How problems are printed

severity-error = error
severity-warning = warning
hint-label = hint

## E01: files and their names

no-content-folder = there is no content/ folder
    .hint = create content/ with a folder for each section, or start a portal with `sportello init DIR`
cannot-read-file = the file cannot be read: { $detail }
    .hint = check that the file exists and that you may read it
not-utf8 = the file is not valid UTF-8 text
    .hint = save the file with the UTF-8 encoding (in most editors: File > Save with encoding > UTF-8)
page-outside-section = a page directly in content/ belongs to no section
    .hint = move it into one of the section folders: { $sections }
unknown-section-folder = content/{ $folder }/ is not a section
    .hint = the sections are: { $sections }
bad-file-name = `{ $name }` cannot be a page's name: only lowercase letters a-z, digits and `-` are allowed
    .hint = rename the file, for example to { $suggestion }.md; links to it use the new name too
nested-page-folder = pages cannot be in a folder inside a section
    .hint = move the file up into its section folder, for example content/offices/
bad-language-suffix = the file name ends in `.{ $code }.md`, but `{ $code }` is not a language code
    .hint = a translation is named slug.<language>.md with a two-letter code, for example rinnovo-permesso.en.md

## E02: front matter

no-front-matter = the file does not start with front matter
    .hint = the first line must be `---`, then the fields (title: ...), then a line `---`, then the text
front-matter-not-closed = the front matter is never closed
    .hint = add a line with only `---` after the last field, before the text
yaml-syntax = the front matter cannot be read from here
    .hint = each line is `key: value`; put quotes around a value that contains `: ` or starts with one of [ {"{"} * & ! | > ' " % @ `
yaml-unclosed = { $what ->
        [quote] the quote opened here is never closed
        [bracket] the bracket `[` opened here is never closed
       *[brace] the brace `{"{"}` opened here is never closed
    }
    .hint = { $what ->
        [quote] close the text with { $closer } on this line, or remove the opening quote
        [bracket] close the list with `]` on this line, for example [it, en]
       *[brace] close it with `{"}"}`, or remove the `{"{"}`
    }
yaml-tab = a tab character stands in the front matter
    .hint = indent with spaces instead (two per level)
front-matter-not-mapping = the front matter must be a list of `key: value` lines
    .hint = write one field a line, for example `title: Rinnovo del permesso`
duplicate-key = `{ $key }` is given twice: on line { $first } and on line { $line }
    .hint = keep one of the two lines (the page would silently use only one)
not-a-field-name = `{ $key }` is not a field name
    .hint = field names are words such as title, summary, updated
unknown-field = unknown field `{ $field }`
    .hint = { $known ->
        [none] the fields of this page are: { $fields }
       *[other] did you mean `{ $known }`?
    }
fact-in-translation = `{ $field }` is a fact written once, in the source file: a translation cannot set it
    .hint = remove the line `{ $field }: ...` from this translation; it inherits the value from the source
translation-field-in-source = `{ $field }` belongs in a translation, not in the source file
    .hint = remove `{ $field }` here; translations are files named slug.<language>.md
bad-value = `{ $field }` cannot be read: `{ $value }`
    .hint = { $kind ->
        [date] write the date as YYYY-MM-DD, for example 2026-10-01
        [list] write a list, for example `{ $field }: [first, second]`, or one `- item` a line below `{ $field }:`
        [translated_by] the only value is `machine`; remove the line once a person has checked the translation
        [sources] write each source as an address, or as `url:` with `title:` and `date:` (the date the page carries) or `seen:` (the day you read it)
        [forms] write each form as `- file: modulo-1.pdf` with `title: Modulo 1` on the next line, indented
        [geo] write the position as [latitude, longitude], for example [41.594, 14.233]
        [istat] write six digits in quotes, for example "094023"
        [phones] write a phone number in quotes, or a list such as ["+39 0865 000000"]
        [comuni] write `all`, or a list of comuni such as [isernia, pesche]
       *[text] write the value as text; put it in quotes if it contains `: `
    }
required-field-missing = the required field `{ $field }` is missing
    .hint = add a line `{ $field }: ...` between the two `---` lines
hours-unreadable = `hours` cannot be read: `{ $value }`
    .hint = use OpenStreetMap opening_hours syntax, for example "Mo-Fr 09:00-12:00; Th 15:00-17:00" (days Mo Tu We Th Fr Sa Su, 24-hour times)
until-before-date = `until` ({ $until }) is before the notice's `date` ({ $date })
    .hint = `until` is the last day the notice holds: write a day on or after `date`

## E03: links and references

unknown-reference = `{ $key }` names `{ $slug }`, but there is no content/{ $folder }/{ $slug }.md
    .hint = { $known ->
        [none] write the file name (without .md) of a page in content/{ $folder }/
       *[other] did you mean `{ $known }`?
    }
unknown-topic = `{ $topic }` is not a topic of site.yaml
    .hint = { $known ->
        [none] the topics are: { $topics }; add new ones to `topics` in site.yaml
       *[other] did you mean `{ $known }`?
    }
link-outside-content = the link `{ $link }` does not point to a page of content/
    .hint = write the path of the page's .md file relative to this file, for example ../offices/questura-isernia.md
broken-link = broken link `{ $link }`: content/{ $target } does not exist
    .hint = { $known ->
        [none] link an existing page of content/{ $folder }/
       *[other] did you mean ../{ $folder }/{ $known }.md?
    }
broken-anchor = the link `{ $link }` points to `#{ $anchor }`, but { $target } has no heading with that id
    .hint = { $known ->
        [none] link a heading of that page, or give the heading an id: `## Title {"{"}#{ $anchor }{"}"}`
       *[other] did you mean `#{ $known }`?
    }
translation-without-source = this translation has no source file: content/{ $source } does not exist
    .hint = write the source page first (in the source language), or fix the file name so it matches its source
source-language-suffix = `{ $lang }` is the source language: the source file has no language in its name
    .hint = rename it to { $source }
language-not-of-site = `{ $lang }` is not one of the site's languages
    .hint = add `{ $lang }` to `languages` in site.yaml, or fix the language in the file name
source-updated-missing = `source_updated` is missing
    .hint = add `source_updated: { $updated }` (the source's `updated` this translation was made from)
unknown-help-desk = `help_desk` names `{ $slug }`, but there is no content/offices/{ $slug }.md
    .hint = { $known ->
        [none] write the file name (without .md) of the desk's page in content/offices/
       *[other] did you mean `{ $known }`?
    }
link-to-missing-file = the link `{ $link }` points to a file that is not in the site: the published page would have a broken link
    .hint = link a page by its .md file (for example ../offices/questura-isernia.md), or a web page by its https:// address
attachment-missing = `{ $link }` links to a file that is not there: { $path } does not exist
    .hint = put the file beside the page (in its section's folder or in a folder named like the page), or fix the name in the link
image-without-alt = this image has no description: `![]({ $link })`
    .hint = describe what the image shows between the brackets, for example `![the postal kit, opened]({ $link })`: readers who cannot see it hear it
image-unreadable = { $path } cannot be read as an image
    .hint = save it again as JPEG or PNG
unpublished-file-type = `{ $link }` links to a kind of file that is not published with the site
    .hint = link a photo (JPEG, PNG, WebP, SVG) or a document (PDF, DOCX, ODT), or a web page by its https:// address
form-missing = the form `{ $file }` is not beside the page: { $path } does not exist
    .hint = put the file in the page's folder, or fix its name in `forms`

## E04: site.yaml and languages

site-yaml = site.yaml cannot be read: { $detail }
    .hint = { $known ->
        [none] each line is `key: value`; lists are written [a, b]
       *[other] did you mean `{ $known }`?
    }
languages-empty = `languages` is empty
    .hint = list the site's languages, source first: languages: [it, en]
source-language-not-listed = the source language `{ $lang }` is not in `languages`
    .hint = add { $lang } to languages
base-url-invalid = `base_url` is `{ $url }`, not a web address
    .hint = write the address the site is published at, for example https://sportello.example.org
language-listed-twice = `{ $lang }` is listed twice in `languages`
    .hint = list each language once
language-needs-name = `name` is missing: the theme does not know the language `{ $lang }`
    .hint = add `name:` with the language's own name, as its speakers write it
language-unknown-to-theme = the language `{ $lang }` of site.yaml has no i18n file, and the theme does not speak it
    .hint = create i18n/{ $lang }.yaml with `name:` (the language's own name), `dir:` and its `strings:`, or remove `{ $lang }` from languages in site.yaml; the theme speaks: { $languages }
language-file = the language file cannot be read: { $detail }
    .hint = { $known ->
        [none] the file has `name:`, `dir:`, `reviewed:` and `strings:`
       *[other] did you mean `{ $known }`?
    }
unknown-tool-language = sportello does not speak `{ $lang }` yet
    .hint = write one of: { $languages }
no-site-yaml = there is no site.yaml in { $folder }: this is not a portal's folder
    .hint = run sportello in the portal's folder, or give it with --site DIR; `sportello init DIR` starts a new portal
editor-repo = the editor's repository is `{ $repo }`: write it as owner/name
    .hint = the repository's address on { $host } without the host, for example `repo: help-desk/portal` for https://{ $host }.com/help-desk/portal
editor-address = `{ $key }` is `{ $url }`, not a secure web address
    .hint = write the whole address, beginning with https://

## E05: theme and output

theme-missing = the theme `{ $name }` does not exist: there is no themes/{ $name }/ folder
    .hint = remove `theme:` to use the built-in theme, or create the folder
theme-file-unreadable = the theme file cannot be read: { $detail }
    .hint = check that the file exists and that you may read it
template-error = a template of the theme has an error: { $detail }
    .hint = { $advice ->
        [builtin] the built-in theme has an error: please report it
        [tera1] { $name } is written for Tera 1, and sportello's templates are Tera 2: macros are now components (`{"{"}% component name(arg) %{"}"}`, called as `{"{"}{"{"}<name arg={"{"}value{"}"} />{"}"}{"}"}`, with no import), `x.0` is `x[0]`, `json_encode()` is `json_encode`, and a variable that may be missing is tested first (`{"{"}% if page.x %{"}"}`)
       *[fix] fix { $name }, or remove it to use the built-in template
    }
theme-without-english = the theme has no English strings, which every other language falls back to
    .hint = restore i18n/en.yaml in the theme folder, or remove the theme's own i18n/ folder
output-refused = { $folder } holds a portal's sources (site.yaml or content/): it will not be replaced with the generated site
    .hint = choose another --out folder
output-write-failed = the site cannot be written: { $detail }
    .hint = check that the folder can be written and that the disk has room

## W: warnings

anchor-missing-in-translation = { $source } links to `#{ $anchor }`, but this translation has no heading with that id
    .hint = give the translated heading the same id: `## … {"{"}#{ $anchor }{"}"}`
source-updated-later = `source_updated` ({ $from }) is later than the source's `updated` ({ $updated })
    .hint = set it to { $updated }
review-overdue = review overdue: the facts were last checked on { $reviewed }, { $days } days ago
    .hint = check the facts against the sources, then set `reviewed` to today's date
office-without-address = this office has no `address`: the page will tell readers to ask the help desk
    .hint = add `address: Via ..., 86170 Isernia` once the address is confirmed by an official source
no-help-desk = site.yaml names no help desk: where a fact is not confirmed, pages tell readers to ask the help desk and give them no way to reach it
    .hint = add `help_desk: <file name of the desk's page in content/offices/>` to site.yaml
help-desk-unreachable = the help desk has no phone, e-mail or address: every page that says "ask the help desk" leaves readers with no way to reach it
    .hint = add the desk's `phone`, `email` or `address` here as soon as an official source confirms them
raw-html-removed = { $what ->
        [script] a <script>
        [frame] an <iframe>
        [object] an embedded object
        [javascript] a `javascript:` address
        [style] styling
        [event] an event attribute (on…=)
       *[form] a form
    } was removed from the HTML written in the page
    .hint = write the text in Markdown; scripts, frames and event attributes are never published
javascript-link-removed = a `javascript:` link was removed
    .hint = link to a page or to an https:// address
image-not-published = the image `{ $link }` is not published with the site
    .hint = put images in themes/<name>/static/ and link them with an absolute https:// address, or leave them out
interface-strings-missing = { $count } interface { $count ->
        [one] string
       *[other] strings
    } missing: { $keys }
    .hint = { $fallback ->
        [english] add them under `strings:`; until then readers see the theme's English text
       *[source] add them under `strings:`; until then readers see the source language's text
    }
attachment-unused = no page links { $path }: it is not published
    .hint = link it from a page (`[form]({ $name })` or `![description]({ $name })`), or remove it
attachment-large = { $path } weighs { $size }: { $kind ->
        [image] readers on costly data download a smaller copy, but the original is heavy to keep in the portal
       *[document] readers on costly data pay for every megabyte
    }
    .hint = { $kind ->
        [image] a photo of up to 5 MB is enough: save a smaller copy
       *[document] a form of up to 2 MB is enough: save it again with smaller images, or split it
    }
svg-cleaned = { $path } had { $what ->
        [script] a script
       *[reference] a reference to another site
    }, which was removed before publishing
    .hint = draw it without scripts and with everything it shows inside the file

## The commands: what they say when they finish

build-done = built { $pages } pages ({ $files } files, { $megabytes } MB) into { $folder } in { $ms } ms
build-failed = build failed: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; { $folder } was left as it was
check-summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
status-heading = translations:
status-language = { $lang }: { $translated } translated, { $outdated } outdated, { $machine } machine-translated, { $missing } missing
status-outdated = outdated: readers see old information until they are updated
status-missing = not translated yet
status-machine = translated by machine, not yet checked by a person
status-more = … and { $count } more: add --verbose to list them all
status-unreviewed = { $lang }: { $count } interface strings made by machine, not yet checked by a speaker
status-review-overdue = review overdue: { $files }
unknown-status-language = `{ $lang }` is not a language of this site: { $languages }
new-created = created { $path }
init-done = started a new portal in { $folder } ({ $files } files). Next: sportello serve --site { $folder }
add-language-done = { $lang } added to { $folder }/site.yaml{ $file ->
        [none] ; the theme speaks it, so no i18n file was needed
       *[other] and { $file } written: translate its strings
    }

## Serving while editing

serve-listening = serving { $folder } at { $url } (Ctrl+C to stop)
serve-rebuilt = { $partial ->
        [yes] re-rendered
       *[no] built
    } { $pages } pages in { $ms } ms
serve-failed = the last save has { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }: the last good site is still served
serve-overlay-title = The last save has errors: this is the last good version of the site
serve-cannot-open = the site folder { $folder } cannot be opened: { $detail }
serve-cannot-listen = cannot listen on { $address }: { $detail }

## Starting pages and portals (sportello new, sportello init)

scaffold-exists = { $path } already exists: nothing was written (choose another name, or edit that file)
scaffold-unknown-section = `{ $section }` is not a section: use one of { $sections }
scaffold-bad-name = `{ $name }` cannot be a page's name: use lowercase letters a-z, digits and `-`, for example { $suggestion }
scaffold-bad-language = `{ $lang }` is not a language code: use the two-letter code in lowercase, for example en, fr, ar
scaffold-source-language = `{ $lang }` is the source language: its text is the source file itself
scaffold-page-form = write the page as <section>/<slug>, for example procedures/codice-fiscale (not `{ $page }`)
scaffold-name-the-page = name the new page: sportello new <section> <slug>, for example: sportello new procedures rinnovo-permesso
scaffold-slug-with-translate = with --translate, name the page as <section>/<slug>, for example: sportello new --translate en procedures/codice-fiscale
scaffold-no-source = { $path } does not exist: write the source page first
scaffold-already-listed = `{ $lang }` is already a language of this portal
scaffold-no-languages = list the portal's languages, the source first, for example: --languages it,en,fr
new-placeholder = Write here
new-language-name = the language's own name, as its speakers write it
new-language-strings = translate each string below; the comment above it says where it appears
scaffold-io = { $path } cannot be written: { $detail }
scaffold-site = { $detail }
new-required = required
new-body-procedure =
    ## Steps

    1. First step.
    2. Second step.

    ## Good to know

    Write here what the reader must know.
new-body-office = How to get there, what to bring, notes.
new-body-other = Write the text here.
new-translate-note = translate the text above and below into `{ $lang }`; facts (offices, hours, dates…) stay in the source. Created { $today }.
new-translated-by = remove this line once a person has checked the translation
new-source-updated = the source's `updated` this translation is made from

## What each field of a page is for: the comments `sportello new` writes, and the editor's hints

field-name = the name, as people know it
field-title = the title, short and clear
field-summary = one sentence on what it is for
field-comune = the comune it is in: the file name of a page in comuni/ (leave it out for an office outside the district)
field-address = the street address, only when an official source confirms it; without it the page says whom to ask
field-geo = [latitude, longitude]: gives the map buttons
field-phone = phone numbers, only confirmed ones, in quotes: ["+39 0865 000000"]
field-email = the public e-mail address
field-pec = the certified e-mail address (PEC)
field-website = the official website
field-hours = opening hours in OpenStreetMap syntax, for example "Mo-Fr 09:00-12:00; Th 15:00-17:00"
field-languages_spoken = languages spoken at the office, two-letter codes: [it, en, fr]
field-topics = topics of site.yaml, for example [documenti]
field-updated = when the facts last changed (YYYY-MM-DD)
field-reviewed = when you last checked the facts against the sources (YYYY-MM-DD)
field-offices = the offices: file names of pages in offices/
field-services = who can help: file names of pages in services/
field-comuni = `all`, or a list of comuni: [isernia, pesche]
field-eligibility = who can use it
field-cost = what it costs, as an official source says; leave it out if unsure
field-duration = how long it takes, as an official source says
field-documents = what to bring, one line each: shown as a checklist
field-forms = the forms to fill in: each file, placed beside the page, with its title
field-sources = the official pages the facts come from, each with the date it carries or the day you read it
field-term = the Italian term, kept in every language
field-translation = the term in this language (the Italian term stays beside it)
field-istat = ISTAT code, six digits in quotes
field-date = the day the notice was published by its source
field-until = the last day the notice holds; after it the notice is shown as past
field-source_updated = the source's `updated` this translation is made from
field-translated_by = `machine` until a person has checked the translation

## The translation dashboard (status/ in the published site), for volunteers

dashboard-title = Translation status
dashboard-page = Page
dashboard-file = File to edit
dashboard-state-source = source
dashboard-state-translated = translated
dashboard-state-machine = machine-translated
dashboard-state-outdated = outdated
dashboard-state-missing = missing
dashboard-unreviewed = Interface strings made by machine and not yet checked by a speaker
dashboard-unreviewed-count = { $count ->
        [one] 1 string
       *[other] { $count } strings
    }

## The browser editor (admin/ in the published site), for volunteers

editor-title = Portal editor
editor-noscript = The editor needs JavaScript: turn it on in the browser's settings.
editor-local-only = This editor saves to the portal's folder on your own computer: open it from `sportello serve`, at http://127.0.0.1:8000/admin/ in Chrome or Edge. To edit the published portal from here, whoever publishes it adds the Git host to site.yaml (`editor:`).
editor-config-comment = Made by sportello from the content schema for Sveltia CMS { $version }: every build rewrites it.
editor-home = Home page
editor-slug = The name of the page's file: lowercase letters, digits and dashes. It cannot change later, because links name it.
editor-slug-pattern = only lowercase letters without accents, digits and single dashes, for example rinnovo-permesso
editor-fact = Written once, in the original page: translations show it.
editor-translation-only = Only in translations: leave it empty in the original page.
editor-machine = machine: not checked yet by a person
editor-body = The page's text. Link another page by its file, for example [Questura](../offices/questura-isernia.md).
editor-body-procedure = The steps, as a numbered list, and anything else the reader must know. Link another page by its file, for example [Questura](../offices/questura-isernia.md).
editor-body-office = How to get there, what to bring, notes. Link another page by its file, for example [Questura](../offices/questura-isernia.md).
editor-item-line = Line
editor-item-phone = Phone number
editor-item-coordinate = Degrees
editor-item-language = Language code
editor-item-source = Source
editor-source-url = Address
editor-source-title = Title of the page
editor-source-date = Date the page carries
    .hint = when the page says it was published or updated
editor-source-seen = Day you read it
    .hint = when the page carries no date of its own
editor-item-form = Form
editor-form-file = File
    .hint = the name of the file beside the page, for example modulo-richiesta.pdf
editor-form-title = Title
    .hint = what the reader sees, for example Application form
editor-pattern-url = write the whole address, beginning with https://
editor-pattern-email = write an e-mail address, such as name@example.org
editor-pattern-phone = write the number with digits and spaces, for example +39 0865 000000
editor-pattern-hours = the hours are not in OpenStreetMap syntax: write for example Mo-Fr 09:00-12:00; Th 15:00-17:00
editor-pattern-language = write the language's two-letter code, in lowercase: en, fr, ar
editor-pattern-istat = write the six digits of the code, for example 094023
editor-field-name = Name
editor-field-title = Title
editor-field-summary = Summary
editor-field-comune = Comune
    .hint = the comune it is in: search it by name (leave it empty for an office outside the district)
editor-field-address = Address
editor-field-geo = Position on the map
    .hint = latitude first, then longitude, in degrees, for example 41.594 and 14.233: they give the map buttons
editor-field-phone = Phone numbers
    .hint = only confirmed numbers, one a line, in international form: +39 0865 000000
editor-field-email = E-mail
editor-field-pec = Certified e-mail (PEC)
editor-field-website = Website
editor-field-hours = Opening hours
    .hint = in OpenStreetMap syntax: the days (**Mo Tu We Th Fr Sa Su**, a range such as **Mo-Fr**, or a list such as **Mo,We**), a space, then the times (**09:00-12:00**; several separated by a comma), and **;** between rules — for example **Mo-Fr 09:00-12:00; Th 15:00-17:00**. **PH off** closes on public holidays. Leave it empty until the hours are confirmed: the page then says to ask the help desk.
editor-field-languages_spoken = Languages spoken
    .hint = the languages spoken at the office, one two-letter code a line: it, en, fr
editor-field-topics = Topics
    .hint = the topics of the portal this page belongs to
editor-field-updated = Facts last changed
editor-field-reviewed = Facts last checked
editor-field-offices = Offices
    .hint = the offices involved: search them by name
editor-field-services = Services
    .hint = the services that help with it: search them by name
editor-field-comuni = Comuni
    .hint = the comuni it applies to: search them by name. Leave it empty when it applies to every comune of the district.
editor-field-eligibility = Who can use it
editor-field-cost = Cost
editor-field-duration = How long it takes
editor-field-documents = What to bring
editor-field-sources = Sources
editor-field-forms = Forms
editor-field-term = Italian term
editor-field-translation = The term in this language
editor-field-istat = ISTAT code
    .hint = the comune's ISTAT code, six digits
editor-field-date = Published on
editor-field-until = Valid until
editor-field-source_updated = Translated from the version of
    .hint = the date the facts of the original page last changed (its "Facts last changed") that this translation follows. The editor fills it in when a translation is saved the first time. When you have brought an older translation up to date with the original page, set it to the original page's date: until then readers are told the translation may be out of date.
editor-field-translated_by = Made by a machine
    .hint = choose it for a translation made by a machine that no person has checked yet: the page says so. Empty it once a person has checked the translation.
editor-field-body = Text
