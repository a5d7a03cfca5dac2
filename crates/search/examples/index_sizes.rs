//! Builds the index of a synthetic portal and prints its sizes.
//!
//! ```text
//! cargo run -p sportello-search --release --example index_sizes -- [--pages N] [--out DIR]
//! node crates/search/tests/measure.js DIR it permesso    # bytes of a cold query
//! ```
//!
//! Pages are generated deterministically: titles, headings and body text
//! drawn from a Zipf-like distribution over real words of the domain and,
//! past them, made-up words, so that the vocabulary grows with the site as a
//! real one does.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use flate2::write::GzEncoder;
use flate2::Compression;
use sportello_search::{build_index, SearchDocument, SEARCH_JS};

const IT: &str = "permesso soggiorno questura codice fiscale tessera sanitaria medico documenti \
    ufficio comune anagrafe residenza passaporto lavoro contratto casa scuola corso italiano \
    famiglia figli coniuge ricongiungimento domanda rinnovo rilascio appuntamento orari \
    lunedì venerdì telefono indirizzo ospedale pronto soccorso salute diritto lingua prefettura \
    cittadinanza asilo protezione visto ingresso reddito alloggio idoneità certificato nascita \
    matrimonio traduzione legalizzazione marca bollo bollettino poste sportello patronato \
    sindacato avvocato gratuito costo euro giorni settimane mesi scadenza ricevuta impronte";
const EN: &str = "residence permit police headquarters tax code health card doctor documents \
    office town registry residence passport work contract house school course italian family \
    children spouse reunification application renewal issue appointment hours monday friday \
    phone address hospital emergency room health right language prefecture citizenship asylum \
    protection visa entry income housing suitability certificate birth marriage translation \
    legalisation stamp fee post desk union lawyer free cost euros days weeks months expiry \
    receipt fingerprints";
const FR: &str = "titre séjour questura code fiscal carte sanitaire médecin documents bureau \
    commune état civil résidence passeport travail contrat maison école cours italien famille \
    enfants conjoint regroupement demande renouvellement délivrance rendez-vous horaires lundi \
    vendredi téléphone adresse hôpital urgences santé droit langue préfecture citoyenneté asile \
    protection visa entrée revenu logement certificat naissance mariage traduction timbre \
    bulletin poste guichet syndicat avocat gratuit coût euros jours semaines mois expiration \
    reçu empreintes";
const AR: &str = "تصريح الإقامة الشرطة الرمز الضريبي البطاقة الصحية الطبيب الوثائق المكتب \
    البلدية السجل المدني السكن جواز السفر العمل العقد البيت المدرسة دورة اللغة الإيطالية \
    الأسرة الأولاد الزوج لم الشمل الطلب التجديد الإصدار الموعد المواعيد الاثنين الجمعة الهاتف \
    العنوان المستشفى الطوارئ الصحة الحق اللغة المحافظة الجنسية اللجوء الحماية التأشيرة الدخول \
    الدخل السكن الشهادة الولادة الزواج الترجمة الطابع الرسوم البريد الشباك النقابة المحامي \
    مجاني التكلفة يورو أيام أسابيع أشهر انتهاء الإيصال البصمات";
const GLOSSARY: [&str; 12] = [
    "permesso di soggiorno",
    "codice fiscale",
    "tessera sanitaria",
    "questura",
    "anagrafe",
    "residenza",
    "carta d'identità",
    "prefettura",
    "patronato",
    "medico di base",
    "ricongiungimento familiare",
    "kit postale",
];

/// A small deterministic pseudo-random generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

struct Language {
    code: &'static str,
    words: Vec<&'static str>,
    syllables: &'static [&'static str],
}

impl Language {
    /// The word of a Zipf rank: a real word for the first ranks, a made-up one after.
    fn word(&self, rank: usize) -> String {
        if rank < self.words.len() {
            return self.words[rank].to_string();
        }
        let mut n = rank * 2_654_435_761 % 1_000_003;
        let mut out = String::new();
        for _ in 0..2 + rank % 3 {
            out.push_str(self.syllables[n % self.syllables.len()]);
            n /= self.syllables.len();
        }
        out
    }
    /// A Zipf-like rank (log-uniform over 1..200,000).
    fn rank(rng: &mut Rng) -> usize {
        ((200_000f64).powf(rng.unit()) as usize).saturating_sub(1)
    }
    fn words_of(&self, rng: &mut Rng, n: usize) -> String {
        (0..n).map(|_| self.word(Self::rank(rng))).collect::<Vec<_>>().join(" ")
    }
}

fn page(lang: &Language, i: usize, rng: &mut Rng) -> SearchDocument<'static> {
    let n = 3 + rng.below(4);
    let title = lang.words_of(rng, n);
    let n = 12 + rng.below(10);
    let summary = lang.words_of(rng, n);
    let mut body = lang.words_of(rng, 40);
    let mut headings = Vec::new();
    for h in 0..2 + rng.below(4) {
        let n = 2 + rng.below(3);
        let heading = lang.words_of(rng, n);
        body.push('\n');
        body.push_str(&heading);
        body.push('\n');
        for _ in 0..3 + rng.below(5) {
            let n = 8 + rng.below(12);
            body.push_str(&lang.words_of(rng, n));
            body.push_str(". ");
        }
        if rng.below(5) == 0 {
            body.push_str(&format!("Tel. 0865 {} {}. ", 10 + rng.below(90), 10 + rng.below(90)));
        }
        headings.push((format!("h{h}").into(), heading.into()));
    }
    let extra_terms = if lang.code == "it" {
        Vec::new()
    } else {
        vec![
            GLOSSARY[rng.below(GLOSSARY.len())].into(),
            GLOSSARY[rng.below(GLOSSARY.len())].into(),
        ]
    };
    SearchDocument {
        url: format!("guides/page-{i:05}/index.html"),
        title: title.into(),
        summary: summary.into(),
        headings,
        body: body.into(),
        content_lang: lang.code.to_string().into(),
        fallback: false,
        extra_terms: Vec::new(),
        mentioned_terms: extra_terms,
    }
}

fn gz(bytes: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    let _ = e.write_all(bytes);
    e.finish().map(|v| v.len()).unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let pages: usize = arg("--pages").and_then(|n| n.parse().ok()).unwrap_or(100);
    let out: Option<PathBuf> = arg("--out").map(PathBuf::from);
    const LATIN: &[&str] = &[
        "ba", "ri", "to", "mes", "so", "ca", "le", "vi", "no", "ter", "pa", "zio", "ne", "gra", "do", "fi", "lu",
        "mon", "tra", "se", "qua", "bel", "cor", "di", "ge", "sta", "pro", "men",
    ];
    const ARABIC: &[&str] = &[
        "ب", "ت", "ر", "س", "ل", "م", "ن", "ك", "ق", "ع", "ح", "د", "ف", "ج", "ا", "و", "ي", "ه", "ش", "ص",
    ];
    let languages = [
        Language {
            code: "it",
            words: IT.split_whitespace().collect(),
            syllables: LATIN,
        },
        Language {
            code: "en",
            words: EN.split_whitespace().collect(),
            syllables: LATIN,
        },
        Language {
            code: "fr",
            words: FR.split_whitespace().collect(),
            syllables: LATIN,
        },
        Language {
            code: "ar",
            words: AR.split_whitespace().collect(),
            syllables: ARABIC,
        },
    ];
    println!(
        "search.js: {} bytes, {} gzipped",
        SEARCH_JS.len(),
        gz(SEARCH_JS.as_bytes())
    );
    println!(
        "{:<4} {:>6} {:>6} {:>10} {:>9} {:>7} {:>13} {:>7} {:>13} {:>13} {:>9} {:>8}",
        "lang",
        "pages",
        "files",
        "total",
        "total.gz",
        "t-chunks",
        "max t raw/gz",
        "x-chunks",
        "max x raw/gz",
        "manifest r/gz",
        "doc avg.gz",
        "build"
    );
    for (n, lang) in languages.iter().enumerate() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (n as u64 + 1));
        let docs: Vec<SearchDocument> = (0..pages).map(|i| page(lang, i, &mut rng)).collect();
        let started = Instant::now();
        let index = build_index(lang.code, &docs);
        let elapsed = started.elapsed();
        let of_kind = |prefix: &str| -> Vec<(usize, usize)> {
            index
                .files
                .iter()
                .filter(|f| f.path.rsplit('/').next().is_some_and(|n| n.starts_with(prefix)))
                .map(|f| (f.bytes.len(), gz(&f.bytes)))
                .collect()
        };
        let docs_gz: Vec<usize> = index
            .files
            .iter()
            .filter(|f| f.path.contains("/d/"))
            .map(|f| gz(&f.bytes))
            .collect();
        let t = of_kind("t-");
        let x = of_kind("x-");
        let m = of_kind("manifest-");
        let max = |v: &[(usize, usize)]| v.iter().copied().max().unwrap_or((0, 0));
        let total: usize = index.files.iter().map(|f| f.bytes.len()).sum();
        let total_gz: usize = index.files.iter().map(|f| gz(&f.bytes)).sum();
        println!(
            "{:<4} {:>6} {:>6} {:>10} {:>9} {:>7} {:>13} {:>7} {:>13} {:>13} {:>9} {:>7}ms",
            lang.code,
            pages,
            index.files.len(),
            total,
            total_gz,
            t.len(),
            format!("{}/{}", max(&t).0, max(&t).1),
            x.len(),
            format!("{}/{}", max(&x).0, max(&x).1),
            format!("{}/{}", m[0].0, m[0].1),
            docs_gz.iter().sum::<usize>() / docs_gz.len().max(1),
            elapsed.as_millis()
        );
        if let Some(out) = &out {
            for file in &index.files {
                let path = out.join(&file.path);
                if let Some(parent) = path.parent() {
                    let _ = std::fs::create_dir_all(parent);
                }
                if let Err(e) = std::fs::write(&path, &file.bytes) {
                    eprintln!("{}: {e}", path.display());
                }
            }
        }
    }
}
