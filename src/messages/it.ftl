# I messaggi di sportello per chi scrive e pubblica un portale, in italiano.
# Ogni messaggio esiste anche in en.ftl (un test lo controlla). I valori tra
# graffe, come { $field }, li inserisce il programma: lasciali come sono.

## Come si stampano i problemi

severity-error = errore
severity-warning = avviso
hint-label = cosa fare

## E01: i file e i loro nomi

no-content-folder = manca la cartella content/
    .hint = crea content/ con una cartella per ogni sezione, oppure inizia un portale con `sportello init CARTELLA`
cannot-read-file = il file non si può leggere: { $detail }
    .hint = controlla che il file esista e che tu abbia il permesso di leggerlo
not-utf8 = il file non è testo UTF-8 valido
    .hint = salva il file con la codifica UTF-8 (in molti editor: File > Salva con codifica > UTF-8)
page-outside-section = una pagina messa direttamente in content/ non appartiene a nessuna sezione
    .hint = spostala in una delle cartelle delle sezioni: { $sections }
unknown-section-folder = content/{ $folder }/ non è una sezione
    .hint = le sezioni sono: { $sections }
bad-file-name = `{ $name }` non può essere il nome di una pagina: sono ammesse solo lettere minuscole a-z, cifre e `-`
    .hint = rinomina il file, per esempio in { $suggestion }.md; anche i link alla pagina useranno il nuovo nome
nested-page-folder = le pagine non possono stare in una cartella dentro una sezione
    .hint = sposta il file nella cartella della sua sezione, per esempio content/offices/
bad-language-suffix = il nome del file finisce con `.{ $code }.md`, ma `{ $code }` non è un codice di lingua
    .hint = una traduzione si chiama slug.<lingua>.md con un codice di due lettere, per esempio rinnovo-permesso.en.md

## E02: il front matter (le righe tra i due ---)

no-front-matter = il file non comincia con il front matter
    .hint = la prima riga deve essere `---`, poi i campi (title: ...), poi una riga `---`, poi il testo
front-matter-not-closed = il front matter non viene mai chiuso
    .hint = aggiungi una riga con solo `---` dopo l'ultimo campo, prima del testo
yaml-syntax = il front matter non si riesce a leggere da qui
    .hint = ogni riga è `chiave: valore`; metti tra virgolette un valore che contiene `: ` o che comincia con uno di [ {"{"} * & ! | > ' " % @ `
yaml-unclosed = { $what ->
        [quote] le virgolette aperte qui non vengono mai chiuse
        [bracket] la parentesi `[` aperta qui non viene mai chiusa
       *[brace] la graffa `{"{"}` aperta qui non viene mai chiusa
    }
    .hint = { $what ->
        [quote] chiudi il testo con { $closer } su questa riga, oppure togli le virgolette di apertura
        [bracket] chiudi l'elenco con `]` su questa riga, per esempio [it, en]
       *[brace] chiudila con `{"}"}`, oppure togli la `{"{"}`
    }
yaml-tab = nel front matter c'è un carattere di tabulazione
    .hint = rientra con gli spazi (due per livello), non con il tasto Tab
front-matter-not-mapping = il front matter deve essere un elenco di righe `chiave: valore`
    .hint = scrivi un campo per riga, per esempio `title: Rinnovo del permesso`
duplicate-key = `{ $key }` è scritto due volte: alla riga { $first } e alla riga { $line }
    .hint = tieni solo una delle due righe (la pagina ne userebbe una sola, senza dirlo)
not-a-field-name = `{ $key }` non è il nome di un campo
    .hint = i nomi dei campi sono parole come title, summary, updated
unknown-field = campo sconosciuto `{ $field }`
    .hint = { $known ->
        [none] i campi di questa pagina sono: { $fields }
       *[other] forse intendevi `{ $known }`?
    }
fact-in-translation = `{ $field }` è un dato che si scrive una volta sola, nel file originale: una traduzione non può cambiarlo
    .hint = togli la riga `{ $field }: ...` da questa traduzione; il valore viene preso dall'originale
translation-field-in-source = `{ $field }` va in una traduzione, non nel file originale
    .hint = togli `{ $field }` da qui; le traduzioni sono file chiamati slug.<lingua>.md
bad-value = `{ $field }` non si riesce a leggere: `{ $value }`
    .hint = { $kind ->
        [date] scrivi la data come AAAA-MM-GG, per esempio 2026-10-01
        [list] scrivi un elenco, per esempio `{ $field }: [primo, secondo]`, oppure un `- elemento` per riga sotto `{ $field }:`
        [translated_by] l'unico valore possibile è `machine`; togli la riga quando una persona ha controllato la traduzione
        [sources] scrivi ogni fonte come indirizzo, oppure come `url:` con `title:` e `date:` (la data che la pagina riporta) o `seen:` (il giorno in cui l'hai letta)
        [forms] scrivi ogni modulo come `- file: modulo-1.pdf` con `title: Modulo 1` nella riga sotto, rientrata
        [geo] scrivi la posizione come [latitudine, longitudine], per esempio [41.594, 14.233]
        [istat] scrivi sei cifre tra virgolette, per esempio "094023"
        [phones] scrivi il numero tra virgolette, oppure un elenco come ["+39 0865 000000"]
        [comuni] scrivi `all`, oppure un elenco di comuni come [isernia, pesche]
       *[text] scrivi il valore come testo; mettilo tra virgolette se contiene `: `
    }
required-field-missing = manca il campo obbligatorio `{ $field }`
    .hint = aggiungi una riga `{ $field }: ...` tra le due righe `---`
hours-unreadable = `hours` non si riesce a leggere: `{ $value }`
    .hint = usa la sintassi opening_hours di OpenStreetMap, per esempio "Mo-Fr 09:00-12:00; Th 15:00-17:00" (giorni Mo Tu We Th Fr Sa Su, orari sulle 24 ore)
until-before-date = `until` ({ $until }) viene prima della `date` dell'avviso ({ $date })
    .hint = `until` è l'ultimo giorno in cui l'avviso vale: scrivi un giorno uguale o successivo a `date`

## E03: link e riferimenti

unknown-reference = `{ $key }` nomina `{ $slug }`, ma non esiste content/{ $folder }/{ $slug }.md
    .hint = { $known ->
        [none] scrivi il nome del file (senza .md) di una pagina in content/{ $folder }/
       *[other] forse intendevi `{ $known }`?
    }
unknown-topic = `{ $topic }` non è un tema di site.yaml
    .hint = { $known ->
        [none] i temi sono: { $topics }; aggiungine di nuovi in `topics` di site.yaml
       *[other] forse intendevi `{ $known }`?
    }
link-outside-content = il link `{ $link }` non porta a una pagina di content/
    .hint = scrivi il percorso del file .md della pagina a partire da questo file, per esempio ../offices/questura-isernia.md
broken-link = link rotto `{ $link }`: content/{ $target } non esiste
    .hint = { $known ->
        [none] collega una pagina che esiste in content/{ $folder }/
       *[other] forse intendevi ../{ $folder }/{ $known }.md?
    }
broken-anchor = il link `{ $link }` porta a `#{ $anchor }`, ma { $target } non ha un titolo con questo id
    .hint = { $known ->
        [none] collega un titolo di quella pagina, oppure dai al titolo un id: `## Titolo {"{"}#{ $anchor }{"}"}`
       *[other] forse intendevi `#{ $known }`?
    }
translation-without-source = questa traduzione non ha il file originale: content/{ $source } non esiste
    .hint = scrivi prima la pagina originale (nella lingua principale), oppure correggi il nome del file perché corrisponda all'originale
source-language-suffix = `{ $lang }` è la lingua principale: il file originale non ha la lingua nel nome
    .hint = rinominalo in { $source }
language-not-of-site = `{ $lang }` non è una delle lingue del sito
    .hint = aggiungi `{ $lang }` a `languages` in site.yaml, oppure correggi la lingua nel nome del file
source-updated-missing = manca `source_updated`
    .hint = aggiungi `source_updated: { $updated }` (la data `updated` dell'originale da cui è fatta questa traduzione)
unknown-help-desk = `help_desk` nomina `{ $slug }`, ma non esiste content/offices/{ $slug }.md
    .hint = { $known ->
        [none] scrivi il nome del file (senza .md) della pagina dello sportello in content/offices/
       *[other] forse intendevi `{ $known }`?
    }
link-to-missing-file = il link `{ $link }` porta a un file che non fa parte del sito: nella pagina pubblicata sarebbe un link rotto
    .hint = collega una pagina con il suo file .md (per esempio ../offices/questura-isernia.md), oppure una pagina web con il suo indirizzo https://
attachment-missing = `{ $link }` porta a un file che non c'è: { $path } non esiste
    .hint = metti il file accanto alla pagina (nella cartella della sua sezione o in una cartella con il nome della pagina), oppure correggi il nome nel link
image-without-alt = questa immagine non ha una descrizione: `![]({ $link })`
    .hint = descrivi tra le parentesi quadre cosa mostra l'immagine, per esempio `![il kit postale, aperto]({ $link })`: chi non la vede la sente leggere
image-unreadable = { $path } non si riesce a leggere come immagine
    .hint = salvala di nuovo come JPEG o PNG
unpublished-file-type = `{ $link }` porta a un tipo di file che non viene pubblicato con il sito
    .hint = collega una foto (JPEG, PNG, WebP, SVG) o un documento (PDF, DOCX, ODT), oppure una pagina web con il suo indirizzo https://
form-missing = il modulo `{ $file }` non è accanto alla pagina: { $path } non esiste
    .hint = metti il file nella cartella della pagina, oppure correggi il suo nome in `forms`

## E04: site.yaml e le lingue

site-yaml = site.yaml non si riesce a leggere: { $detail }
    .hint = { $known ->
        [none] ogni riga è `chiave: valore`; gli elenchi si scrivono [a, b]
       *[other] forse intendevi `{ $known }`?
    }
languages-empty = `languages` è vuoto
    .hint = elenca le lingue del sito, prima la principale: languages: [it, en]
source-language-not-listed = la lingua principale `{ $lang }` non è in `languages`
    .hint = aggiungi { $lang } a languages
base-url-invalid = `base_url` è `{ $url }`, che non è un indirizzo web
    .hint = scrivi l'indirizzo a cui il sito è pubblicato, per esempio https://sportello.example.org
language-listed-twice = `{ $lang }` compare due volte in `languages`
    .hint = elenca ogni lingua una volta sola
language-needs-name = manca `name`: il tema non conosce la lingua `{ $lang }`
    .hint = aggiungi `name:` con il nome della lingua scritto come lo scrivono i suoi parlanti
language-unknown-to-theme = la lingua `{ $lang }` di site.yaml non ha un file i18n, e il tema non la parla
    .hint = crea i18n/{ $lang }.yaml con `name:` (il nome della lingua nella lingua stessa), `dir:` e le sue `strings:`, oppure togli `{ $lang }` da languages in site.yaml; il tema parla: { $languages }
language-file = il file della lingua non si riesce a leggere: { $detail }
    .hint = { $known ->
        [none] il file ha `name:`, `dir:`, `reviewed:` e `strings:`
       *[other] forse intendevi `{ $known }`?
    }
unknown-tool-language = sportello non parla ancora `{ $lang }`
    .hint = scrivi una di queste: { $languages }
no-site-yaml = in { $folder } non c'è site.yaml: questa non è la cartella di un portale
    .hint = avvia sportello nella cartella del portale, oppure indicala con --site CARTELLA; `sportello init CARTELLA` inizia un nuovo portale
editor-repo = il repository dell'editor è `{ $repo }`: scrivilo come proprietario/nome
    .hint = l'indirizzo del repository su { $host } senza il sito, per esempio `repo: sportello/portale` per https://{ $host }.com/sportello/portale
editor-address = `{ $key }` è `{ $url }`, che non è un indirizzo web sicuro
    .hint = scrivi l'indirizzo intero, che comincia con https://

## E05: il tema e la pubblicazione

theme-missing = il tema `{ $name }` non esiste: non c'è la cartella themes/{ $name }/
    .hint = togli `theme:` per usare il tema incluso, oppure crea la cartella
theme-file-unreadable = il file del tema non si riesce a leggere: { $detail }
    .hint = controlla che il file esista e che tu abbia il permesso di leggerlo
template-error = un modello (template) del tema ha un errore: { $detail }
    .hint = { $advice ->
        [builtin] il tema incluso ha un errore: segnalalo, per favore
        [tera1] { $name } è scritto per Tera 1, e i modelli di sportello sono in Tera 2: le macro sono ora componenti (`{"{"}% component nome(arg) %{"}"}`, chiamati come `{"{"}{"{"}<nome arg={"{"}valore{"}"} />{"}"}{"}"}`, senza import), `x.0` si scrive `x[0]`, `json_encode()` si scrive `json_encode`, e una variabile che può mancare va prima controllata (`{"{"}% if page.x %{"}"}`)
       *[fix] correggi { $name }, oppure toglilo per usare il modello incluso
    }
theme-without-english = il tema non ha i testi in inglese, a cui ricorrono tutte le altre lingue
    .hint = rimetti i18n/en.yaml nella cartella del tema, oppure togli la cartella i18n/ del tema
output-refused = { $folder } contiene i file di un portale (site.yaml o content/): non verrà sostituita con il sito generato
    .hint = scegli un'altra cartella con --out
output-write-failed = il sito non si riesce a scrivere: { $detail }
    .hint = controlla che nella cartella si possa scrivere e che il disco abbia spazio

## W: avvisi

anchor-missing-in-translation = { $source } ha un link a `#{ $anchor }`, ma questa traduzione non ha un titolo con questo id
    .hint = dai al titolo tradotto lo stesso id: `## … {"{"}#{ $anchor }{"}"}`
source-updated-later = `source_updated` ({ $from }) è più recente della data `updated` dell'originale ({ $updated })
    .hint = scrivi { $updated }
review-overdue = controllo scaduto: i dati sono stati controllati l'ultima volta il { $reviewed }, { $days } giorni fa
    .hint = controlla i dati sulle fonti, poi metti in `reviewed` la data di oggi
office-without-address = questo ufficio non ha `address`: la pagina dirà ai lettori di chiedere allo sportello
    .hint = aggiungi `address: Via ..., 86170 Isernia` appena una fonte ufficiale conferma l'indirizzo
no-help-desk = site.yaml non indica lo sportello: dove un dato non è confermato, le pagine dicono di chiedere allo sportello ma non dicono come raggiungerlo
    .hint = aggiungi a site.yaml `help_desk: <nome del file della pagina dello sportello in content/offices/>`
help-desk-unreachable = lo sportello non ha telefono, e-mail né indirizzo: ogni pagina che dice "chiedi allo sportello" lascia i lettori senza un modo per raggiungerlo
    .hint = aggiungi qui `phone`, `email` o `address` dello sportello appena una fonte ufficiale li conferma
raw-html-removed = { $what ->
        [script] uno <script>
        [frame] un <iframe>
        [object] un oggetto incorporato
        [javascript] un indirizzo `javascript:`
        [style] uno stile
        [event] un attributo di evento (on…=)
       *[form] un modulo
    } è stato tolto dall'HTML scritto nella pagina
    .hint = scrivi il testo in Markdown; script, frame e attributi di evento non vengono mai pubblicati
javascript-link-removed = un link `javascript:` è stato tolto
    .hint = collega una pagina o un indirizzo https://
image-not-published = l'immagine `{ $link }` non viene pubblicata con il sito
    .hint = metti le immagini in themes/<nome>/static/ e collegale con un indirizzo https:// completo, oppure toglile
interface-strings-missing = { $count ->
        [one] manca { $count } testo dell'interfaccia
       *[other] mancano { $count } testi dell'interfaccia
    }: { $keys }
    .hint = { $fallback ->
        [english] aggiungili sotto `strings:`; finché mancano, i lettori vedono il testo inglese del tema
       *[source] aggiungili sotto `strings:`; finché mancano, i lettori vedono il testo della lingua principale
    }
attachment-unused = nessuna pagina collega { $path }: non viene pubblicato
    .hint = collegalo da una pagina (`[modulo]({ $name })` o `![descrizione]({ $name })`), oppure toglilo
attachment-large = { $path } pesa { $size }: { $kind ->
        [image] chi legge con pochi dati scarica una copia più piccola, ma l'originale è pesante da tenere nel portale
       *[document] chi legge con pochi dati paga ogni megabyte
    }
    .hint = { $kind ->
        [image] basta una foto fino a 5 MB: salvane una copia più piccola
       *[document] basta un modulo fino a 2 MB: salvalo di nuovo con immagini più leggere, oppure dividilo
    }
svg-cleaned = { $path } conteneva { $what ->
        [script] uno script
       *[reference] un riferimento a un altro sito
    }, che è stato tolto prima di pubblicare
    .hint = disegnalo senza script e con tutto quello che mostra dentro il file

## I comandi: cosa dicono quando finiscono

build-done = costruite { $pages } pagine ({ $files } file, { $megabytes } MB) in { $folder } in { $ms } ms
build-failed = costruzione non riuscita: { $errors ->
        [one] 1 errore
       *[other] { $errors } errori
    }; { $folder } è rimasta com'era
check-summary = { $errors ->
        [one] 1 errore
       *[other] { $errors } errori
    }, { $warnings ->
        [one] 1 avviso
       *[other] { $warnings } avvisi
    }
status-heading = traduzioni:
status-language = { $lang }: { $translated } tradotte, { $outdated } da aggiornare, { $machine } tradotte a macchina, { $missing } mancanti
status-outdated = da aggiornare: finché non si aggiornano, i lettori vedono informazioni vecchie
status-missing = non ancora tradotte
status-machine = tradotte a macchina, non ancora controllate da una persona
status-more = … e altre { $count }: aggiungi --verbose per vederle tutte
status-unreviewed = { $lang }: { $count } testi dell'interfaccia fatti a macchina, non ancora controllati da chi parla la lingua
status-review-overdue = controllo scaduto: { $files }
unknown-status-language = `{ $lang }` non è una lingua di questo sito: { $languages }
new-created = creato { $path }
init-done = nuovo portale iniziato in { $folder } ({ $files } file). Poi: sportello serve --site { $folder }
add-language-done = { $lang } aggiunta a { $folder }/site.yaml{ $file ->
        [none] ; il tema la parla già, quindi non serve un file i18n
       *[other] e scritto { $file }: traducine i testi
    }

## Anteprima mentre si scrive

serve-listening = anteprima di { $folder } su { $url } (Ctrl+C per fermare)
serve-rebuilt = { $partial ->
        [yes] aggiornate
       *[no] costruite
    } { $pages } pagine in { $ms } ms
serve-failed = l'ultimo salvataggio ha { $errors ->
        [one] 1 errore
       *[other] { $errors } errori
    }: resta visibile l'ultima versione buona del sito
serve-overlay-title = L'ultimo salvataggio ha errori: questa è l'ultima versione buona del sito
serve-cannot-open = la cartella del sito { $folder } non si riesce ad aprire: { $detail }
serve-cannot-listen = impossibile ascoltare su { $address }: { $detail }

## Iniziare pagine e portali (sportello new, sportello init)

scaffold-exists = { $path } esiste già: non è stato scritto niente (scegli un altro nome, oppure modifica quel file)
scaffold-unknown-section = `{ $section }` non è una sezione: usa una di { $sections }
scaffold-bad-name = `{ $name }` non può essere il nome di una pagina: usa lettere minuscole a-z, cifre e `-`, per esempio { $suggestion }
scaffold-bad-language = `{ $lang }` non è un codice di lingua: usa il codice di due lettere minuscole, per esempio en, fr, ar
scaffold-source-language = `{ $lang }` è la lingua principale: il suo testo è il file originale
scaffold-page-form = scrivi la pagina come <sezione>/<slug>, per esempio procedures/codice-fiscale (non `{ $page }`)
scaffold-name-the-page = dai un nome alla nuova pagina: sportello new <sezione> <slug>, per esempio: sportello new procedures rinnovo-permesso
scaffold-slug-with-translate = con --translate, indica la pagina come <sezione>/<slug>, per esempio: sportello new --translate en procedures/codice-fiscale
scaffold-no-source = { $path } non esiste: scrivi prima la pagina originale
scaffold-already-listed = `{ $lang }` è già una lingua di questo portale
scaffold-no-languages = elenca le lingue del portale, prima la principale, per esempio: --languages it,en,fr
new-placeholder = Scrivi qui
new-language-name = il nome della lingua, come lo scrivono i suoi parlanti
new-language-strings = traduci ogni testo qui sotto; il commento sopra ognuno dice dove appare
scaffold-io = { $path } non si riesce a scrivere: { $detail }
scaffold-site = { $detail }
new-required = obbligatorio
new-body-procedure =
    ## Passi

    1. Primo passo.
    2. Secondo passo.

    ## Da sapere

    Scrivi qui quello che la persona deve sapere.
new-body-office = Come arrivare, cosa portare, note.
new-body-other = Scrivi qui il testo.
new-translate-note = traduci in `{ $lang }` il testo sopra e sotto; i dati (uffici, orari, date…) restano nell'originale. Creato il { $today }.
new-translated-by = togli questa riga quando una persona ha controllato la traduzione
new-source-updated = la data `updated` dell'originale da cui è fatta questa traduzione

## A cosa serve ogni campo di una pagina: i commenti che scrive `sportello new`, e i suggerimenti dell'editor

field-name = il nome, come lo conoscono le persone
field-title = il titolo, breve e chiaro
field-summary = una frase su a cosa serve
field-comune = il comune in cui si trova: il nome del file di una pagina in comuni/ (lascialo fuori per un ufficio fuori dall'ambito)
field-address = l'indirizzo, solo quando una fonte ufficiale lo conferma; senza, la pagina dice a chi chiedere
field-geo = [latitudine, longitudine]: attiva i pulsanti della mappa
field-phone = i numeri di telefono, solo quelli confermati, tra virgolette: ["+39 0865 000000"]
field-email = l'indirizzo e-mail pubblico
field-pec = l'indirizzo di posta certificata (PEC)
field-website = il sito ufficiale
field-hours = gli orari con la sintassi di OpenStreetMap, per esempio "Mo-Fr 09:00-12:00; Th 15:00-17:00"
field-languages_spoken = le lingue parlate nell'ufficio, con codici di due lettere: [it, en, fr]
field-topics = i temi di site.yaml, per esempio [documenti]
field-updated = quando sono cambiati i dati l'ultima volta (AAAA-MM-GG)
field-reviewed = quando hai controllato i dati sulle fonti l'ultima volta (AAAA-MM-GG)
field-offices = gli uffici: nomi dei file di pagine in offices/
field-services = chi può aiutare: nomi dei file di pagine in services/
field-comuni = `all`, oppure un elenco di comuni: [isernia, pesche]
field-eligibility = chi può usarlo
field-cost = quanto costa, come dice una fonte ufficiale; lascialo fuori se non sei sicuro
field-duration = quanto tempo ci vuole, come dice una fonte ufficiale
field-documents = cosa portare, un elemento per riga: diventa una lista da spuntare
field-forms = i moduli da compilare: ogni file, messo accanto alla pagina, con il suo titolo
field-sources = le pagine ufficiali da cui vengono i dati, ognuna con la data che riporta o il giorno in cui l'hai letta
field-term = il termine italiano, che resta in tutte le lingue
field-translation = il termine in questa lingua (accanto resta quello italiano)
field-istat = il codice ISTAT, sei cifre tra virgolette
field-date = il giorno in cui la fonte ha pubblicato l'avviso
field-until = l'ultimo giorno in cui l'avviso vale; dopo, l'avviso appare come scaduto
field-source_updated = la data `updated` dell'originale da cui è fatta questa traduzione
field-translated_by = `machine` finché una persona non ha controllato la traduzione

## Lo stato delle traduzioni (status/ nel sito pubblicato), per i volontari

dashboard-title = Stato delle traduzioni
dashboard-page = Pagina
dashboard-file = File da modificare
dashboard-state-source = originale
dashboard-state-translated = tradotta
dashboard-state-machine = tradotta a macchina
dashboard-state-outdated = da aggiornare
dashboard-state-missing = mancante
dashboard-unreviewed = Testi dell'interfaccia fatti a macchina e non ancora controllati da chi parla la lingua
dashboard-unreviewed-count = { $count ->
        [one] 1 testo
       *[other] { $count } testi
    }

## L'editor nel browser (admin/ nel sito pubblicato), per i volontari

editor-title = Editor del portale
editor-noscript = L'editor ha bisogno di JavaScript: attivalo nelle impostazioni del browser.
editor-local-only = Questo editor salva nella cartella del portale sul tuo computer: aprilo da `sportello serve`, all'indirizzo http://127.0.0.1:8000/admin/ con Chrome o Edge. Per modificare da qui il portale pubblicato, chi lo pubblica aggiunge il sito Git in site.yaml (`editor:`).
editor-config-comment = Fatto da sportello dallo schema dei contenuti per Sveltia CMS { $version }: ogni build lo riscrive.
editor-home = Pagina iniziale
editor-slug = Il nome del file della pagina: lettere minuscole, cifre e trattini. Non si potrà cambiare, perché i collegamenti lo usano.
editor-slug-pattern = solo lettere minuscole senza accenti, cifre e trattini singoli, per esempio rinnovo-permesso
editor-fact = Si scrive una volta sola, nella pagina originale: le traduzioni lo mostrano.
editor-translation-only = Solo nelle traduzioni: lascialo vuoto nella pagina originale.
editor-machine = machine: non ancora controllata da una persona
editor-body = Il testo della pagina. Collega un'altra pagina con il suo file, per esempio [Questura](../offices/questura-isernia.md).
editor-body-procedure = I passi, come elenco numerato, e tutto quello che chi legge deve sapere. Collega un'altra pagina con il suo file, per esempio [Questura](../offices/questura-isernia.md).
editor-body-office = Come arrivare, cosa portare, note. Collega un'altra pagina con il suo file, per esempio [Questura](../offices/questura-isernia.md).
editor-item-line = Riga
editor-item-phone = Numero di telefono
editor-item-coordinate = Gradi
editor-item-language = Codice della lingua
editor-item-source = Fonte
editor-source-url = Indirizzo
editor-source-title = Titolo della pagina
editor-source-date = Data riportata dalla pagina
    .hint = quando la pagina dice di essere stata pubblicata o aggiornata
editor-source-seen = Giorno in cui l'hai letta
    .hint = quando la pagina non riporta una sua data
editor-item-form = Modulo
editor-form-file = File
    .hint = il nome del file accanto alla pagina, per esempio modulo-richiesta.pdf
editor-form-title = Titolo
    .hint = ciò che vede chi legge, per esempio Modulo di richiesta
editor-pattern-url = scrivi l'indirizzo intero, che comincia con https://
editor-pattern-email = scrivi un indirizzo e-mail, come nome@example.org
editor-pattern-phone = scrivi il numero con cifre e spazi, per esempio +39 0865 000000
editor-pattern-hours = gli orari non sono nella sintassi di OpenStreetMap: scrivi per esempio Mo-Fr 09:00-12:00; Th 15:00-17:00
editor-pattern-language = scrivi il codice di due lettere della lingua, in minuscolo: en, fr, ar
editor-pattern-istat = scrivi le sei cifre del codice, per esempio 094023
editor-field-name = Nome
editor-field-title = Titolo
editor-field-summary = Riassunto
editor-field-comune = Comune
    .hint = il comune in cui si trova: cercalo per nome (lascialo vuoto per un ufficio fuori dall'ambito)
editor-field-address = Indirizzo
editor-field-geo = Posizione sulla mappa
    .hint = prima la latitudine, poi la longitudine, in gradi, per esempio 41.594 e 14.233: attivano i pulsanti della mappa
editor-field-phone = Numeri di telefono
    .hint = solo numeri confermati, uno per riga, in forma internazionale: +39 0865 000000
editor-field-email = E-mail
editor-field-pec = Posta certificata (PEC)
editor-field-website = Sito web
editor-field-hours = Orari di apertura
    .hint = nella sintassi di OpenStreetMap: i giorni in inglese (**Mo Tu We Th Fr Sa Su** = lunedì … domenica, un intervallo come **Mo-Fr**, o un elenco come **Mo,We**), uno spazio, poi gli orari (**09:00-12:00**; più di uno separati da una virgola), e **;** tra una regola e l'altra — per esempio **Mo-Fr 09:00-12:00; Th 15:00-17:00**. **PH off** chiude nei giorni festivi. Lascialo vuoto finché gli orari non sono confermati: la pagina dice allora di chiedere allo sportello.
editor-field-languages_spoken = Lingue parlate
    .hint = le lingue parlate nell'ufficio, un codice di due lettere per riga: it, en, fr
editor-field-topics = Temi
    .hint = i temi del portale a cui appartiene la pagina
editor-field-updated = Dati cambiati il
editor-field-reviewed = Dati controllati il
editor-field-offices = Uffici
    .hint = gli uffici coinvolti: cercali per nome
editor-field-services = Servizi
    .hint = i servizi che aiutano: cercali per nome
editor-field-comuni = Comuni
    .hint = i comuni a cui si applica: cercali per nome. Lascialo vuoto quando vale per tutti i comuni dell'ambito.
editor-field-eligibility = Chi può usarlo
editor-field-cost = Costo
editor-field-duration = Quanto tempo ci vuole
editor-field-documents = Cosa portare
editor-field-sources = Fonti
editor-field-forms = Moduli
editor-field-term = Termine italiano
editor-field-translation = Il termine in questa lingua
editor-field-istat = Codice ISTAT
    .hint = il codice ISTAT del comune, sei cifre
editor-field-date = Pubblicato il
editor-field-until = Valido fino al
editor-field-source_updated = Tradotta dalla versione del
    .hint = la data in cui sono cambiati l'ultima volta i dati della pagina originale (il suo "Dati cambiati il") che questa traduzione segue. L'editor la scrive quando una traduzione viene salvata la prima volta. Quando hai aggiornato una traduzione vecchia alla pagina originale, mettici la data della pagina originale: fino ad allora chi legge viene avvisato che la traduzione potrebbe non essere aggiornata.
editor-field-translated_by = Fatta da una macchina
    .hint = sceglilo per una traduzione fatta da una macchina che nessuna persona ha ancora controllato: la pagina lo dice. Svuotalo quando una persona ha controllato la traduzione.
editor-field-body = Testo
