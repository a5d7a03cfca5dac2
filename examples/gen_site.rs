//! A deterministic generator of sportello sites in the CONTENT.md format, for
//! the build benchmark (`examples/bench.rs`) and for trying the generator on a
//! large portal.
//!
//! ```sh
//! cargo run --release --example gen_site -- --pages 1000 --out /tmp/site [--seed 42]
//! ```
//!
//! It writes `site.yaml` (it, en, fr, ar), `i18n/<lang>.yaml` (copied from the
//! repository's `i18n/`) and N source pages spread over the sections —
//! comuni ~5%, offices ~10%, services ~15%, procedures ~50%, glossary ~15%,
//! a few free pages — each with a 400–900-word body of real-looking text
//! (headings, numbered steps, bullet lists, now and then a table, links to
//! other generated pages). About 80% of the pages are translated. The same
//! `--pages` and `--seed` always give the same bytes. The only randomness is a
//! small xorshift generator, so the example needs no dependency.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The site's languages; the first is the source language.
pub const LANGS: [&str; 4] = ["it", "en", "fr", "ar"];
const TOPICS: [&str; 8] = [
    "documenti",
    "salute",
    "scuola",
    "lavoro",
    "casa",
    "lingua",
    "legale",
    "famiglia",
];

/// What to generate.
pub struct Options {
    pub pages: usize,
    pub out: PathBuf,
    pub seed: u64,
}

/// What was generated.
pub struct Summary {
    pub sources: usize,
    pub translations: usize,
    pub bytes: u64,
}

// ---------------------------------------------------------------------------
// Randomness: xorshift64*, seeded through splitmix64.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One word of a list, kept as the list's `&'static str`.
    pub fn word(&mut self, items: &'static [&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------
// Sections and the plan of the site.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Section {
    Comuni,
    Offices,
    Services,
    Procedures,
    Glossary,
    Pages,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Comuni,
        Section::Offices,
        Section::Services,
        Section::Procedures,
        Section::Glossary,
        Section::Pages,
    ];

    pub fn folder(self) -> &'static str {
        match self {
            Section::Comuni => "comuni",
            Section::Offices => "offices",
            Section::Services => "services",
            Section::Procedures => "procedures",
            Section::Glossary => "glossary",
            Section::Pages => "pages",
        }
    }
}

/// One source page and what other pages need to know of it.
struct Page {
    section: Section,
    slug: String,
    /// Title (or name, or glossary translation) in each language.
    titles: [String; 4],
    /// Which languages have a file; the source language always does.
    langs: [bool; 4],
    /// The comune it belongs to (an index into `Plan::comuni`).
    comune: usize,
    topic: &'static str,
}

struct Plan {
    pages: Vec<Page>,
    comuni: Vec<usize>,
    offices_by_comune: Vec<Vec<usize>>,
    services_by_comune: Vec<Vec<usize>>,
    offices: Vec<usize>,
    services: Vec<usize>,
    procedures: Vec<usize>,
    glossary: Vec<usize>,
}

// ---------------------------------------------------------------------------
// Word lists. Parallel lists give the same thing in it, en, fr, ar.

type Quad = [&'static str; 4];

const COMUNE_ROOTS: &[&str] = &[
    "Agnone",
    "Venafro",
    "Frosolone",
    "Carovilli",
    "Castelpetroso",
    "Castelverrino",
    "Roccasicura",
    "Roccamandolfi",
    "Montaquila",
    "Montenero Val Cocchiara",
    "Colli a Volturno",
    "Pietrabbondante",
    "Poggio Sannita",
    "Longano",
    "Pettoranello",
    "Miranda",
    "Cantalupo",
    "Sessano",
    "Pescolanciano",
    "Chiauci",
    "Filignano",
    "Scapoli",
    "Rionero Sannitico",
    "Fornelli",
    "Macchiagodena",
    "Conca Casale",
    "Vastogirardi",
    "Capracotta",
    "Pizzone",
    "Pesche",
    "Carpinone",
    "Civitanova",
    "Bagnoli",
    "Belmonte",
    "Castel San Vincenzo",
    "Acquaviva",
    "Sant'Agapito",
    "Santa Maria Oliveto",
    "Pozzilli",
    "Monteroduni",
];

const COMUNE_SUFFIXES: &[&str] = &[
    "",
    " del Sannio",
    " al Volturno",
    " in Pennino",
    " sul Trigno",
    " d'Isernia",
    " Vecchio",
    " Nuovo",
    " di Sopra",
    " di Sotto",
    " Alto",
    " Scalo",
    " dei Monti",
    " Marina",
];

/// Office kinds: the title in each language (`{c}` is the comune), the slug
/// prefix and the topic.
const OFFICE_KINDS: &[(Quad, &str, &str)] = &[
    (
        [
            "Ufficio Anagrafe di {c}",
            "Registry Office of {c}",
            "Bureau de l'état civil de {c}",
            "مكتب السجل المدني في {c}",
        ],
        "anagrafe",
        "documenti",
    ),
    (
        [
            "Ufficio Postale di {c}",
            "Post Office of {c}",
            "Bureau de poste de {c}",
            "مكتب البريد في {c}",
        ],
        "poste",
        "documenti",
    ),
    (
        [
            "Centro per l'Impiego di {c}",
            "Job Centre of {c}",
            "Centre pour l'emploi de {c}",
            "مركز التوظيف في {c}",
        ],
        "centro-impiego",
        "lavoro",
    ),
    (
        [
            "Consultorio Familiare di {c}",
            "Family Health Centre of {c}",
            "Centre de santé familiale de {c}",
            "مركز صحة الأسرة في {c}",
        ],
        "consultorio",
        "salute",
    ),
    (
        [
            "Sportello Immigrazione di {c}",
            "Immigration Help Desk of {c}",
            "Guichet immigration de {c}",
            "مكتب مساعدة المهاجرين في {c}",
        ],
        "sportello-immigrazione",
        "documenti",
    ),
    (
        [
            "Caf e Patronato di {c}",
            "Tax and Welfare Assistance Centre of {c}",
            "Centre d'assistance fiscale et sociale de {c}",
            "مركز المساعدة الضريبية والاجتماعية في {c}",
        ],
        "caf-patronato",
        "lavoro",
    ),
    (
        [
            "Segretariato Sociale di {c}",
            "Social Services Desk of {c}",
            "Secrétariat social de {c}",
            "مكتب الخدمات الاجتماعية في {c}",
        ],
        "segretariato-sociale",
        "famiglia",
    ),
    (
        [
            "Ufficio Scuola di {c}",
            "Schools Office of {c}",
            "Bureau scolaire de {c}",
            "مكتب شؤون المدارس في {c}",
        ],
        "ufficio-scuola",
        "scuola",
    ),
    (
        [
            "Distretto Sanitario di {c}",
            "Health District of {c}",
            "District sanitaire de {c}",
            "المنطقة الصحية في {c}",
        ],
        "distretto-sanitario",
        "salute",
    ),
    (
        [
            "Centro Provinciale Istruzione Adulti di {c}",
            "Adult Education Centre of {c}",
            "Centre d'éducation des adultes de {c}",
            "مركز تعليم الكبار في {c}",
        ],
        "cpia",
        "lingua",
    ),
];

const SERVICE_KINDS: &[(Quad, &str)] = &[
    (
        [
            "Mediazione culturale",
            "Cultural mediation",
            "Médiation culturelle",
            "الوساطة الثقافية",
        ],
        "lingua",
    ),
    (
        [
            "Corsi di italiano per stranieri",
            "Italian courses for foreigners",
            "Cours d'italien pour étrangers",
            "دورات اللغة الإيطالية للأجانب",
        ],
        "lingua",
    ),
    (
        [
            "Assistenza legale gratuita",
            "Free legal assistance",
            "Assistance juridique gratuite",
            "المساعدة القانونية المجانية",
        ],
        "legale",
    ),
    (
        [
            "Orientamento al lavoro",
            "Job guidance",
            "Orientation professionnelle",
            "التوجيه المهني",
        ],
        "lavoro",
    ),
    (
        [
            "Aiuto per l'iscrizione scolastica",
            "Help with school enrolment",
            "Aide à l'inscription scolaire",
            "المساعدة في التسجيل المدرسي",
        ],
        "scuola",
    ),
    (
        [
            "Sostegno alle famiglie",
            "Family support",
            "Soutien aux familles",
            "دعم الأسر",
        ],
        "famiglia",
    ),
    (
        [
            "Accompagnamento sanitario",
            "Health accompaniment",
            "Accompagnement sanitaire",
            "المرافقة الصحية",
        ],
        "salute",
    ),
    (
        [
            "Ricerca casa e contratti d'affitto",
            "Housing search and rental contracts",
            "Recherche de logement et baux",
            "البحث عن سكن وعقود الإيجار",
        ],
        "casa",
    ),
    (
        [
            "Doposcuola per ragazzi",
            "After-school support",
            "Soutien scolaire",
            "الدعم المدرسي بعد الدوام",
        ],
        "scuola",
    ),
    (
        [
            "Consulenza sul permesso di soggiorno",
            "Residence permit advice",
            "Conseil sur le titre de séjour",
            "الاستشارة بشأن تصريح الإقامة",
        ],
        "documenti",
    ),
    (
        [
            "Traduzione di documenti",
            "Document translation",
            "Traduction de documents",
            "ترجمة الوثائق",
        ],
        "documenti",
    ),
    (
        [
            "Sportello antidiscriminazione",
            "Anti-discrimination desk",
            "Guichet anti-discrimination",
            "مكتب مكافحة التمييز",
        ],
        "legale",
    ),
];

const PROCEDURE_BASES: &[(Quad, &str)] = &[
    (
        [
            "Rinnovo del permesso di soggiorno",
            "Renewal of the residence permit",
            "Renouvellement du titre de séjour",
            "تجديد تصريح الإقامة",
        ],
        "documenti",
    ),
    (
        [
            "Primo rilascio del permesso di soggiorno",
            "First issue of the residence permit",
            "Première délivrance du titre de séjour",
            "الإصدار الأول لتصريح الإقامة",
        ],
        "documenti",
    ),
    (
        [
            "Conversione del permesso di soggiorno",
            "Conversion of the residence permit",
            "Conversion du titre de séjour",
            "تحويل تصريح الإقامة",
        ],
        "documenti",
    ),
    (
        [
            "Richiesta del codice fiscale",
            "Applying for the tax code",
            "Demande du code fiscal",
            "طلب الرمز الضريبي",
        ],
        "documenti",
    ),
    (
        [
            "Iscrizione anagrafica",
            "Registering residence",
            "Inscription à l'état civil",
            "التسجيل في السجل المدني",
        ],
        "casa",
    ),
    (
        [
            "Carta d'identità elettronica",
            "Electronic identity card",
            "Carte d'identité électronique",
            "بطاقة الهوية الإلكترونية",
        ],
        "documenti",
    ),
    (
        [
            "Iscrizione al Servizio Sanitario Nazionale",
            "Registering with the National Health Service",
            "Inscription au Service sanitaire national",
            "التسجيل في الخدمة الصحية الوطنية",
        ],
        "salute",
    ),
    (
        [
            "Scelta del medico di base",
            "Choosing a family doctor",
            "Choix du médecin traitant",
            "اختيار طبيب الأسرة",
        ],
        "salute",
    ),
    (
        [
            "Tessera STP per cure urgenti",
            "STP card for urgent care",
            "Carte STP pour les soins urgents",
            "بطاقة STP للعلاج العاجل",
        ],
        "salute",
    ),
    (
        [
            "Iscrizione a scuola",
            "School enrolment",
            "Inscription à l'école",
            "التسجيل في المدرسة",
        ],
        "scuola",
    ),
    (
        [
            "Riconoscimento del titolo di studio",
            "Recognition of qualifications",
            "Reconnaissance des diplômes",
            "الاعتراف بالشهادات الدراسية",
        ],
        "scuola",
    ),
    (
        [
            "Iscrizione al corso di italiano",
            "Enrolling in an Italian course",
            "Inscription au cours d'italien",
            "التسجيل في دورة اللغة الإيطالية",
        ],
        "lingua",
    ),
    (
        [
            "Test di lingua italiana A2",
            "A2 Italian language test",
            "Test de langue italienne A2",
            "اختبار اللغة الإيطالية A2",
        ],
        "lingua",
    ),
    (
        [
            "Iscrizione al Centro per l'Impiego",
            "Registering at the Job Centre",
            "Inscription au Centre pour l'emploi",
            "التسجيل في مركز التوظيف",
        ],
        "lavoro",
    ),
    (
        [
            "Contratto di lavoro domestico",
            "Domestic work contract",
            "Contrat de travail domestique",
            "عقد العمل المنزلي",
        ],
        "lavoro",
    ),
    (
        [
            "Domanda di disoccupazione NASpI",
            "NASpI unemployment benefit",
            "Demande d'allocation chômage NASpI",
            "طلب إعانة البطالة NASpI",
        ],
        "lavoro",
    ),
    (
        [
            "Ricongiungimento familiare",
            "Family reunification",
            "Regroupement familial",
            "لم شمل الأسرة",
        ],
        "famiglia",
    ),
    (
        [
            "Assegno unico per i figli",
            "Universal child allowance",
            "Allocation unique pour les enfants",
            "الإعانة الموحدة للأطفال",
        ],
        "famiglia",
    ),
    (
        [
            "Registrazione della nascita",
            "Registering a birth",
            "Déclaration de naissance",
            "تسجيل المولود",
        ],
        "famiglia",
    ),
    (
        [
            "Registrazione del contratto d'affitto",
            "Registering a rental contract",
            "Enregistrement du bail",
            "تسجيل عقد الإيجار",
        ],
        "casa",
    ),
    (
        [
            "Dichiarazione di ospitalità",
            "Hospitality declaration",
            "Déclaration d'hébergement",
            "إعلان الاستضافة",
        ],
        "casa",
    ),
    (
        [
            "Certificato di idoneità alloggiativa",
            "Housing suitability certificate",
            "Certificat de conformité du logement",
            "شهادة صلاحية السكن",
        ],
        "casa",
    ),
    (
        [
            "Domanda di protezione internazionale",
            "Applying for international protection",
            "Demande de protection internationale",
            "طلب الحماية الدولية",
        ],
        "legale",
    ),
    (
        [
            "Ricorso contro un diniego",
            "Appealing a refusal",
            "Recours contre un refus",
            "الطعن في قرار الرفض",
        ],
        "legale",
    ),
    (
        [
            "Gratuito patrocinio",
            "Free legal aid",
            "Aide juridictionnelle",
            "المساعدة القانونية المجانية",
        ],
        "legale",
    ),
    (
        [
            "Cittadinanza italiana per residenza",
            "Italian citizenship by residence",
            "Nationalité italienne par résidence",
            "الجنسية الإيطالية بالإقامة",
        ],
        "documenti",
    ),
    (
        [
            "Conversione della patente di guida",
            "Converting a driving licence",
            "Conversion du permis de conduire",
            "تحويل رخصة القيادة",
        ],
        "documenti",
    ),
    (
        [
            "Richiesta dello SPID",
            "Applying for SPID",
            "Demande de SPID",
            "طلب هوية SPID الرقمية",
        ],
        "documenti",
    ),
    (
        [
            "Permesso UE per lungo soggiornanti",
            "EU long-term residence permit",
            "Permis de séjour UE de longue durée",
            "تصريح الإقامة الأوروبي طويل الأمد",
        ],
        "documenti",
    ),
    (
        [
            "Iscrizione all'asilo nido",
            "Enrolling in a nursery",
            "Inscription à la crèche",
            "التسجيل في الحضانة",
        ],
        "scuola",
    ),
];

const PROCEDURE_QUALIFIERS: &[Quad] = &[
    ["", "", "", ""],
    [
        "per lavoro subordinato",
        "for employees",
        "pour travail salarié",
        "للعمل المأجور",
    ],
    [
        "per lavoro autonomo",
        "for the self-employed",
        "pour travail indépendant",
        "للعمل الحر",
    ],
    [
        "per motivi familiari",
        "for family reasons",
        "pour motifs familiaux",
        "لأسباب عائلية",
    ],
    ["per studio", "for students", "pour études", "للدراسة"],
    ["per minori", "for minors", "pour les mineurs", "للقاصرين"],
    [
        "per richiedenti asilo",
        "for asylum seekers",
        "pour les demandeurs d'asile",
        "لطالبي اللجوء",
    ],
    [
        "per lavoratori stagionali",
        "for seasonal workers",
        "pour les travailleurs saisonniers",
        "للعمال الموسميين",
    ],
    [
        "per titolari di protezione",
        "for holders of protection",
        "pour les bénéficiaires de protection",
        "للحاصلين على الحماية",
    ],
    [
        "per cure mediche",
        "for medical treatment",
        "pour soins médicaux",
        "للعلاج الطبي",
    ],
    [
        "per attesa occupazione",
        "while looking for work",
        "pour recherche d'emploi",
        "للبحث عن عمل",
    ],
    [
        "per apolidi",
        "for stateless persons",
        "pour les apatrides",
        "لعديمي الجنسية",
    ],
    [
        "per familiari di cittadini UE",
        "for family members of EU citizens",
        "pour les membres de famille de citoyens UE",
        "لأفراد أسر مواطني الاتحاد الأوروبي",
    ],
];

const GLOSSARY_TERMS: &[Quad] = &[
    ["Codice fiscale", "Tax code", "Code fiscal", "الرمز الضريبي"],
    [
        "Permesso di soggiorno",
        "Residence permit",
        "Titre de séjour",
        "تصريح الإقامة",
    ],
    ["Ricevuta", "Receipt", "Récépissé", "الإيصال"],
    ["Anagrafe", "Registry office", "État civil", "السجل المدني"],
    ["Residenza", "Registered residence", "Résidence", "الإقامة المسجلة"],
    ["Marca da bollo", "Revenue stamp", "Timbre fiscal", "الطابع المالي"],
    [
        "Questura",
        "Police headquarters",
        "Préfecture de police",
        "مديرية الشرطة",
    ],
    ["Prefettura", "Prefecture", "Préfecture", "المحافظة"],
    [
        "Sportello Unico per l'Immigrazione",
        "One-stop immigration office",
        "Guichet unique pour l'immigration",
        "المكتب الموحد للهجرة",
    ],
    ["Nulla osta", "Clearance", "Autorisation préalable", "التصريح المسبق"],
    ["Tessera sanitaria", "Health card", "Carte sanitaire", "البطاقة الصحية"],
    ["Medico di base", "Family doctor", "Médecin traitant", "طبيب الأسرة"],
    [
        "Pediatra di libera scelta",
        "Family paediatrician",
        "Pédiatre de famille",
        "طبيب الأطفال",
    ],
    [
        "Ticket sanitario",
        "Health co-payment",
        "Ticket modérateur",
        "رسوم الخدمة الصحية",
    ],
    ["ISEE", "ISEE means test", "Indicateur ISEE", "مؤشر الوضع الاقتصادي ISEE"],
    [
        "Patronato",
        "Welfare advice centre",
        "Patronat",
        "مكتب الرعاية الاجتماعية",
    ],
    [
        "CAF",
        "Tax assistance centre",
        "Centre d'assistance fiscale",
        "مركز المساعدة الضريبية",
    ],
    [
        "Contratto di soggiorno",
        "Residence contract",
        "Contrat de séjour",
        "عقد الإقامة",
    ],
    [
        "Idoneità alloggiativa",
        "Housing suitability",
        "Conformité du logement",
        "صلاحية السكن",
    ],
    [
        "Dichiarazione di ospitalità",
        "Hospitality declaration",
        "Déclaration d'hébergement",
        "إعلان الاستضافة",
    ],
    ["Busta paga", "Payslip", "Fiche de paie", "قسيمة الراتب"],
    [
        "Certificazione Unica",
        "Annual income statement",
        "Certification unique des revenus",
        "الشهادة الموحدة للدخل",
    ],
    [
        "Autocertificazione",
        "Self-certification",
        "Auto-certification",
        "الإقرار الذاتي",
    ],
    ["Carta d'identità", "Identity card", "Carte d'identité", "بطاقة الهوية"],
    [
        "SPID",
        "SPID digital identity",
        "Identité numérique SPID",
        "الهوية الرقمية SPID",
    ],
    [
        "PEC",
        "Certified e-mail",
        "Courriel certifié",
        "البريد الإلكتروني المعتمد",
    ],
    [
        "Raccomandata",
        "Registered letter",
        "Lettre recommandée",
        "الرسالة المسجلة",
    ],
    ["Kit postale", "Postal kit", "Kit postal", "الظرف البريدي"],
    [
        "Protezione internazionale",
        "International protection",
        "Protection internationale",
        "الحماية الدولية",
    ],
    [
        "Protezione speciale",
        "Special protection",
        "Protection spéciale",
        "الحماية الخاصة",
    ],
    [
        "Ricongiungimento familiare",
        "Family reunification",
        "Regroupement familial",
        "لم شمل الأسرة",
    ],
    ["Cittadinanza", "Citizenship", "Nationalité", "الجنسية"],
    [
        "Dichiarazione di valore",
        "Declaration of value",
        "Déclaration de valeur",
        "إعلان القيمة",
    ],
    ["Apostille", "Apostille", "Apostille", "التصديق أبوستيل"],
    ["Legalizzazione", "Legalisation", "Légalisation", "التصديق القنصلي"],
    [
        "Mediatore culturale",
        "Cultural mediator",
        "Médiateur culturel",
        "الوسيط الثقافي",
    ],
    [
        "Centro per l'Impiego",
        "Job Centre",
        "Centre pour l'emploi",
        "مركز التوظيف",
    ],
    [
        "NASpI",
        "NASpI unemployment benefit",
        "Allocation chômage NASpI",
        "إعانة البطالة NASpI",
    ],
    [
        "Assegno unico",
        "Child allowance",
        "Allocation unique",
        "الإعانة الموحدة",
    ],
    [
        "CPIA",
        "Adult education centre",
        "Centre d'éducation des adultes",
        "مركز تعليم الكبار",
    ],
];

/// Senses of a glossary term, for the terms that come in more than one.
const GLOSSARY_DOMAINS: &[Quad] = &[
    ["questura", "police", "police", "الشرطة"],
    ["comune", "municipality", "commune", "البلدية"],
    ["sanità", "health", "santé", "الصحة"],
    ["scuola", "school", "école", "المدرسة"],
    ["lavoro", "work", "travail", "العمل"],
    ["casa", "housing", "logement", "السكن"],
    ["tribunale", "court", "tribunal", "المحكمة"],
    ["famiglia", "family", "famille", "الأسرة"],
    ["poste", "post office", "poste", "البريد"],
    ["consolato", "consulate", "consulat", "القنصلية"],
    ["INPS", "INPS", "INPS", "INPS"],
    ["università", "university", "université", "الجامعة"],
    ["banca", "bank", "banque", "البنك"],
    ["fisco", "tax", "fisc", "الضرائب"],
    ["minori", "minors", "mineurs", "القاصرون"],
    ["asilo", "asylum", "asile", "اللجوء"],
    ["prefettura", "prefecture", "préfecture", "المحافظة"],
    ["trasporti", "transport", "transports", "النقل"],
    ["volontariato", "volunteering", "bénévolat", "التطوع"],
    ["associazioni", "associations", "associations", "الجمعيات"],
];

const FREE_PAGES: &[Quad] = &[
    ["Chi siamo", "About us", "Qui sommes-nous", "من نحن"],
    ["Privacy", "Privacy", "Confidentialité", "الخصوصية"],
    ["Contatti", "Contacts", "Contacts", "اتصل بنا"],
    ["Accessibilità", "Accessibility", "Accessibilité", "إمكانية الوصول"],
    [
        "Come usare il sito",
        "How to use this site",
        "Comment utiliser ce site",
        "كيفية استخدام الموقع",
    ],
    ["Volontari", "Volunteers", "Bénévoles", "المتطوعون"],
    ["Note legali", "Legal notes", "Mentions légales", "ملاحظات قانونية"],
    ["Mappa del sito", "Site map", "Plan du site", "خريطة الموقع"],
    ["Numeri utili", "Useful numbers", "Numéros utiles", "أرقام مفيدة"],
    [
        "Domande frequenti",
        "Frequently asked questions",
        "Questions fréquentes",
        "الأسئلة الشائعة",
    ],
    [
        "Orari festivi",
        "Holiday hours",
        "Horaires des jours fériés",
        "مواعيد العطل",
    ],
    [
        "Partner del progetto",
        "Project partners",
        "Partenaires du projet",
        "شركاء المشروع",
    ],
];

const DOCUMENTS: &[Quad] = &[
    [
        "Passaporto valido e una fotocopia",
        "Valid passport and a photocopy",
        "Passeport valide et une photocopie",
        "جواز سفر صالح ونسخة مصورة",
    ],
    [
        "Quattro fotografie formato tessera",
        "Four passport-size photos",
        "Quatre photos d'identité",
        "أربع صور شخصية بمقاس جواز السفر",
    ],
    [
        "Permesso di soggiorno o ricevuta del rinnovo",
        "Residence permit or renewal receipt",
        "Titre de séjour ou récépissé de renouvellement",
        "تصريح الإقامة أو إيصال التجديد",
    ],
    ["Codice fiscale", "Tax code", "Code fiscal", "الرمز الضريبي"],
    [
        "Marca da bollo da 16 euro",
        "16-euro revenue stamp",
        "Timbre fiscal de 16 euros",
        "طابع مالي بقيمة 16 يورو",
    ],
    [
        "Contratto di lavoro e ultime buste paga",
        "Employment contract and latest payslips",
        "Contrat de travail et dernières fiches de paie",
        "عقد العمل وآخر قسائم الراتب",
    ],
    [
        "Contratto d'affitto registrato",
        "Registered rental contract",
        "Bail enregistré",
        "عقد إيجار مسجل",
    ],
    [
        "Certificato di idoneità alloggiativa",
        "Housing suitability certificate",
        "Certificat de conformité du logement",
        "شهادة صلاحية السكن",
    ],
    ["Tessera sanitaria", "Health card", "Carte sanitaire", "البطاقة الصحية"],
    [
        "Certificato di nascita tradotto e legalizzato",
        "Translated and legalised birth certificate",
        "Acte de naissance traduit et légalisé",
        "شهادة ميلاد مترجمة ومصدقة",
    ],
    [
        "Dichiarazione dei redditi dell'ultimo anno",
        "Last year's tax return",
        "Déclaration de revenus de l'année dernière",
        "الإقرار الضريبي للسنة الماضية",
    ],
    [
        "Pagella o certificato scolastico",
        "School report or certificate",
        "Bulletin ou certificat scolaire",
        "كشف الدرجات أو الشهادة المدرسية",
    ],
    ["Attestazione ISEE", "ISEE statement", "Attestation ISEE", "شهادة ISEE"],
    [
        "Autocertificazione di residenza",
        "Self-certification of residence",
        "Auto-certification de résidence",
        "إقرار ذاتي بالإقامة",
    ],
];

const COSTS: &[Quad] = &[
    ["Gratuito", "Free", "Gratuit", "مجاني"],
    [
        "Marca da bollo da 16 euro",
        "A 16-euro revenue stamp",
        "Un timbre fiscal de 16 euros",
        "طابع مالي بقيمة 16 يورو",
    ],
    [
        "16 euro di bollo più 30,46 euro per il documento elettronico",
        "16 euros of stamp duty plus 30.46 euros for the electronic document",
        "16 euros de timbre plus 30,46 euros pour le document électronique",
        "16 يورو رسم طابع بالإضافة إلى 30.46 يورو للوثيقة الإلكترونية",
    ],
    [
        "Circa 22 euro, secondo il Comune",
        "About 22 euros, depending on the comune",
        "Environ 22 euros, selon la commune",
        "نحو 22 يورو حسب البلدية",
    ],
    [
        "Gratuito per i minori, 10 euro per gli adulti",
        "Free for minors, 10 euros for adults",
        "Gratuit pour les mineurs, 10 euros pour les adultes",
        "مجاني للقاصرين و10 يورو للبالغين",
    ],
    [
        "Dipende dal reddito: chiedi allo sportello",
        "It depends on income: ask the help desk",
        "Selon les revenus : demandez au guichet",
        "حسب الدخل: اسأل المكتب",
    ],
];

const DURATIONS: &[Quad] = &[
    [
        "Di solito 60 giorni",
        "Usually 60 days",
        "En général 60 jours",
        "عادةً 60 يومًا",
    ],
    ["Circa 30 giorni", "About 30 days", "Environ 30 jours", "نحو 30 يومًا"],
    [
        "Subito, allo sportello",
        "At once, at the desk",
        "Immédiatement, au guichet",
        "فورًا في الشباك",
    ],
    [
        "Da 2 a 6 mesi",
        "From 2 to 6 months",
        "De 2 à 6 mois",
        "من شهرين إلى 6 أشهر",
    ],
    [
        "Circa una settimana",
        "About a week",
        "Environ une semaine",
        "نحو أسبوع",
    ],
];

const ELIGIBILITY: &[Quad] = &[
    [
        "Tutte le persone straniere residenti o domiciliate nel Comune.",
        "All foreign nationals living in the comune.",
        "Toutes les personnes étrangères résidant ou domiciliées dans la commune.",
        "جميع الأجانب المقيمين في البلدية.",
    ],
    [
        "Chi ha un permesso di soggiorno valido o in rinnovo.",
        "Anyone with a valid residence permit or one being renewed.",
        "Toute personne ayant un titre de séjour valide ou en renouvellement.",
        "كل من لديه تصريح إقامة صالح أو قيد التجديد.",
    ],
    [
        "Famiglie con figli minori.",
        "Families with children under 18.",
        "Les familles avec des enfants mineurs.",
        "الأسر التي لديها أطفال قاصرون.",
    ],
    [
        "Persone in cerca di lavoro iscritte al Centro per l'Impiego.",
        "Job seekers registered at the Job Centre.",
        "Les demandeurs d'emploi inscrits au Centre pour l'emploi.",
        "الباحثون عن عمل المسجلون في مركز التوظيف.",
    ],
];

const SOURCES: &[&str] = &[
    "https://www.interno.gov.it/it/temi/immigrazione-e-asilo",
    "https://www.poliziadistato.it/articolo/permesso-di-soggiorno",
    "https://integrazionemigranti.gov.it",
    "https://www.inps.it",
    "https://www.agenziaentrate.gov.it",
    "https://www.salute.gov.it",
    "https://www.istruzione.it",
];

const STREETS: &[&str] = &[
    "Via Roma",
    "Corso Garibaldi",
    "Via XX Settembre",
    "Via Mazzini",
    "Via Marconi",
    "Corso Umberto I",
    "Piazza della Repubblica",
    "Via Vittorio Veneto",
    "Via San Francesco",
    "Viale Kennedy",
    "Piazza Municipio",
    "Via del Castello",
];

const SPOKEN: &[&str] = &["en", "fr", "ar", "es", "ro", "uk", "sq", "zh"];

/// The text of one language: sentence parts, list items, headings.
struct Vocab {
    subjects: &'static [&'static str],
    verbs: &'static [&'static str],
    objects: &'static [&'static str],
    places: &'static [&'static str],
    times: &'static [&'static str],
    manners: &'static [&'static str],
    tips: &'static [&'static str],
    imperatives: &'static [&'static str],
    /// `{link}` is replaced by a Markdown link.
    link_sentences: &'static [&'static str],
    headings: &'static [&'static str],
    steps_heading: &'static str,
    documents_heading: &'static str,
    documents_intro: &'static str,
    table_header: [&'static str; 3],
    /// The comma between two complements.
    comma: &'static str,
}

const IT: Vocab = Vocab {
    subjects: &[
        "La persona straniera",
        "Chi chiede il permesso",
        "Il richiedente",
        "Ogni familiare maggiorenne",
        "L'operatore dello sportello",
        "Il mediatore culturale",
        "L'ufficio competente",
        "Il datore di lavoro",
        "Lo studente",
        "La famiglia",
        "Chi lavora in Italia",
        "Il genitore",
        "Il nuovo residente",
        "La volontaria dello sportello",
    ],
    verbs: &[
        "deve presentare",
        "può chiedere",
        "riceve",
        "consegna",
        "compila",
        "prepara",
        "controlla",
        "invia",
        "prenota",
        "ritira",
        "firma",
        "conserva",
        "porta",
        "aggiorna",
    ],
    objects: &[
        "la domanda",
        "il modulo",
        "una copia del passaporto",
        "la ricevuta",
        "il permesso di soggiorno",
        "il codice fiscale",
        "la tessera sanitaria",
        "il contratto di lavoro",
        "il certificato di residenza",
        "la marca da bollo",
        "le fotografie formato tessera",
        "il kit postale",
        "la dichiarazione di ospitalità",
        "il libretto delle vaccinazioni",
        "l'ultima busta paga",
        "il contratto d'affitto",
    ],
    places: &[
        "presso l'ufficio competente",
        "allo sportello del Comune",
        "in Questura",
        "all'ufficio postale",
        "al Centro per l'Impiego",
        "alla segreteria della scuola",
        "al distretto sanitario",
        "allo sportello immigrazione",
    ],
    times: &[
        "entro otto giorni",
        "prima della scadenza",
        "al momento della domanda",
        "durante il colloquio",
        "nei giorni di apertura",
        "quando cambia indirizzo",
        "almeno sessanta giorni prima",
        "entro la fine del mese",
    ],
    manners: &[
        "con l'aiuto del mediatore culturale",
        "su appuntamento",
        "in originale e in fotocopia",
        "senza pagare nulla",
        "con una delega firmata",
        "anche per i figli minori",
    ],
    tips: &[
        "Se non capisci una parola, chiedi allo sportello: l'aiuto è gratuito.",
        "Porta sempre l'originale e una fotocopia di ogni documento.",
        "Conserva la ricevuta fino a quando ricevi il documento definitivo.",
        "Gli orari possono cambiare d'estate e nei giorni festivi.",
        "Puoi farti accompagnare da una persona di fiducia o da un mediatore.",
        "Nessun ufficio pubblico ti chiede soldi per darti un appuntamento.",
        "Se il documento è in un'altra lingua, può servire una traduzione.",
        "Controlla che il tuo nome sia scritto come nel passaporto.",
    ],
    imperatives: &[
        "Prenota un appuntamento",
        "Prepara i documenti",
        "Compila il modulo",
        "Paga la marca da bollo",
        "Vai all'ufficio",
        "Consegna la domanda",
        "Conserva la ricevuta",
        "Controlla lo stato della pratica",
        "Ritira il documento",
        "Chiedi aiuto allo sportello",
        "Fai una fotocopia di tutto",
        "Firma la domanda",
    ],
    link_sentences: &[
        "Per sapere di più, leggi {link}.",
        "Puoi rivolgerti a {link}.",
        "Vedi anche {link}.",
        "Le informazioni aggiornate sono in {link}.",
        "Se hai dubbi, chiedi a {link}.",
        "Questa pagina è collegata a {link}.",
    ],
    headings: &[
        "Chi può chiedere",
        "Cosa sapere prima",
        "Dove andare",
        "Quanto costa",
        "Tempi di attesa",
        "Se la domanda viene rifiutata",
        "Consigli utili",
        "Per i minori",
        "Per le famiglie",
        "Dopo la consegna",
        "Domande frequenti",
        "Contatti utili",
        "Come arrivare",
        "Cosa portare con sé",
    ],
    steps_heading: "Passaggi",
    documents_heading: "Documenti necessari",
    documents_intro: "Porta con te questi documenti, in originale e in fotocopia:",
    table_header: ["Documento", "Dove", "Quando"],
    comma: ", ",
};

const EN: Vocab = Vocab {
    subjects: &[
        "The applicant",
        "A foreign resident",
        "Anyone applying for a permit",
        "Every adult family member",
        "The help desk worker",
        "The cultural mediator",
        "The competent office",
        "The employer",
        "The student",
        "The family",
        "Anyone working in Italy",
        "The parent",
        "The new resident",
        "The volunteer at the help desk",
    ],
    verbs: &[
        "must submit",
        "can request",
        "receives",
        "hands in",
        "fills in",
        "prepares",
        "checks",
        "sends",
        "books",
        "collects",
        "signs",
        "keeps",
        "brings",
        "updates",
    ],
    objects: &[
        "the application",
        "the form",
        "a copy of the passport",
        "the receipt",
        "the residence permit",
        "the tax code",
        "the health card",
        "the employment contract",
        "the residence certificate",
        "the revenue stamp",
        "passport-size photos",
        "the postal kit",
        "the hospitality declaration",
        "the vaccination record",
        "the latest payslip",
        "the rental contract",
    ],
    places: &[
        "at the competent office",
        "at the town hall desk",
        "at the Questura",
        "at the post office",
        "at the Job Centre",
        "at the school office",
        "at the health district",
        "at the immigration help desk",
    ],
    times: &[
        "within eight days",
        "before it expires",
        "when applying",
        "during the interview",
        "on opening days",
        "when changing address",
        "at least sixty days before",
        "by the end of the month",
    ],
    manners: &[
        "with the help of the cultural mediator",
        "by appointment",
        "in original and photocopy",
        "free of charge",
        "with a signed proxy",
        "for minor children too",
    ],
    tips: &[
        "If you do not understand a word, ask the help desk: help is free.",
        "Always bring the original and a photocopy of every document.",
        "Keep the receipt until you receive the final document.",
        "Opening hours may change in summer and on public holidays.",
        "You can bring a person you trust or a mediator with you.",
        "No public office asks for money to give you an appointment.",
        "If a document is in another language, you may need a translation.",
        "Check that your name is written as in your passport.",
    ],
    imperatives: &[
        "Book an appointment",
        "Prepare the documents",
        "Fill in the form",
        "Pay the revenue stamp",
        "Go to the office",
        "Hand in the application",
        "Keep the receipt",
        "Check the status of the application",
        "Collect the document",
        "Ask the help desk for help",
        "Photocopy everything",
        "Sign the application",
    ],
    link_sentences: &[
        "To learn more, read {link}.",
        "You can contact {link}.",
        "See also {link}.",
        "Up-to-date information is in {link}.",
        "If in doubt, ask {link}.",
        "This page is related to {link}.",
    ],
    headings: &[
        "Who can apply",
        "What to know first",
        "Where to go",
        "How much it costs",
        "Waiting times",
        "If the application is refused",
        "Useful tips",
        "For minors",
        "For families",
        "After you apply",
        "Frequently asked questions",
        "Useful contacts",
        "How to get there",
        "What to bring with you",
    ],
    steps_heading: "Steps",
    documents_heading: "Required documents",
    documents_intro: "Bring these documents, in original and photocopy:",
    table_header: ["Document", "Where", "When"],
    comma: ", ",
};

const FR: Vocab = Vocab {
    subjects: &[
        "La personne étrangère",
        "Le demandeur",
        "Qui demande un titre de séjour",
        "Chaque membre majeur de la famille",
        "L'agent du guichet",
        "Le médiateur culturel",
        "Le bureau compétent",
        "L'employeur",
        "L'étudiant",
        "La famille",
        "Qui travaille en Italie",
        "Le parent",
        "Le nouveau résident",
        "La bénévole du guichet",
    ],
    verbs: &[
        "doit présenter",
        "peut demander",
        "reçoit",
        "remet",
        "remplit",
        "prépare",
        "vérifie",
        "envoie",
        "réserve",
        "retire",
        "signe",
        "conserve",
        "apporte",
        "met à jour",
    ],
    objects: &[
        "la demande",
        "le formulaire",
        "une copie du passeport",
        "le récépissé",
        "le titre de séjour",
        "le code fiscal",
        "la carte sanitaire",
        "le contrat de travail",
        "le certificat de résidence",
        "le timbre fiscal",
        "des photos d'identité",
        "le kit postal",
        "la déclaration d'hébergement",
        "le carnet de vaccination",
        "la dernière fiche de paie",
        "le bail",
    ],
    places: &[
        "au bureau compétent",
        "au guichet de la commune",
        "à la Questura",
        "au bureau de poste",
        "au Centre pour l'emploi",
        "au secrétariat de l'école",
        "au district sanitaire",
        "au guichet immigration",
    ],
    times: &[
        "dans les huit jours",
        "avant l'expiration",
        "au moment de la demande",
        "pendant l'entretien",
        "aux jours d'ouverture",
        "en cas de changement d'adresse",
        "au moins soixante jours avant",
        "avant la fin du mois",
    ],
    manners: &[
        "avec l'aide du médiateur culturel",
        "sur rendez-vous",
        "en original et en photocopie",
        "sans rien payer",
        "avec une procuration signée",
        "aussi pour les enfants mineurs",
    ],
    tips: &[
        "Si vous ne comprenez pas un mot, demandez au guichet : l'aide est gratuite.",
        "Apportez toujours l'original et une photocopie de chaque document.",
        "Gardez le récépissé jusqu'à la réception du document définitif.",
        "Les horaires peuvent changer en été et les jours fériés.",
        "Vous pouvez venir avec une personne de confiance ou un médiateur.",
        "Aucun bureau public ne demande d'argent pour un rendez-vous.",
        "Si un document est dans une autre langue, une traduction peut être nécessaire.",
        "Vérifiez que votre nom est écrit comme dans votre passeport.",
    ],
    imperatives: &[
        "Prenez rendez-vous",
        "Préparez les documents",
        "Remplissez le formulaire",
        "Payez le timbre fiscal",
        "Allez au bureau",
        "Remettez la demande",
        "Gardez le récépissé",
        "Suivez l'état du dossier",
        "Retirez le document",
        "Demandez de l'aide au guichet",
        "Photocopiez tout",
        "Signez la demande",
    ],
    link_sentences: &[
        "Pour en savoir plus, lisez {link}.",
        "Vous pouvez vous adresser à {link}.",
        "Voir aussi {link}.",
        "Les informations à jour sont dans {link}.",
        "En cas de doute, demandez à {link}.",
        "Cette page est liée à {link}.",
    ],
    headings: &[
        "Qui peut demander",
        "À savoir avant",
        "Où aller",
        "Combien ça coûte",
        "Délais d'attente",
        "Si la demande est refusée",
        "Conseils utiles",
        "Pour les mineurs",
        "Pour les familles",
        "Après le dépôt",
        "Questions fréquentes",
        "Contacts utiles",
        "Comment s'y rendre",
        "Quoi apporter",
    ],
    steps_heading: "Étapes",
    documents_heading: "Documents nécessaires",
    documents_intro: "Apportez ces documents, en original et en photocopie :",
    table_header: ["Document", "Où", "Quand"],
    comma: ", ",
};

const AR: Vocab = Vocab {
    subjects: &[
        "الشخص الأجنبي",
        "مقدم الطلب",
        "من يطلب تصريح الإقامة",
        "كل فرد بالغ من الأسرة",
        "موظف المكتب",
        "الوسيط الثقافي",
        "المكتب المختص",
        "صاحب العمل",
        "الطالب",
        "رب الأسرة",
        "من يعمل في إيطاليا",
        "الوالد",
        "المقيم الجديد",
        "المتطوع في المكتب",
    ],
    verbs: &[
        "يجب أن يقدم",
        "يمكنه أن يطلب",
        "يستلم",
        "يسلّم",
        "يملأ",
        "يحضّر",
        "يراجع",
        "يرسل",
        "يحجز",
        "يسحب",
        "يوقّع",
        "يحفظ",
        "يحمل",
        "يحدّث",
    ],
    objects: &[
        "الطلب",
        "الاستمارة",
        "نسخة من جواز السفر",
        "الإيصال",
        "تصريح الإقامة",
        "الرمز الضريبي",
        "البطاقة الصحية",
        "عقد العمل",
        "شهادة الإقامة",
        "الطابع المالي",
        "صورًا شخصية",
        "الظرف البريدي",
        "إعلان الاستضافة",
        "دفتر التطعيمات",
        "آخر قسيمة راتب",
        "عقد الإيجار",
    ],
    places: &[
        "في المكتب المختص",
        "في شباك البلدية",
        "في مديرية الشرطة",
        "في مكتب البريد",
        "في مركز التوظيف",
        "في أمانة المدرسة",
        "في المنطقة الصحية",
        "في مكتب مساعدة المهاجرين",
    ],
    times: &[
        "خلال ثمانية أيام",
        "قبل انتهاء الصلاحية",
        "عند تقديم الطلب",
        "أثناء المقابلة",
        "في أيام الدوام",
        "عند تغيير العنوان",
        "قبل ستين يومًا على الأقل",
        "قبل نهاية الشهر",
    ],
    manners: &[
        "بمساعدة الوسيط الثقافي",
        "بموعد مسبق",
        "بالأصل ونسخة مصورة",
        "دون دفع أي مبلغ",
        "بتوكيل موقّع",
        "للأطفال القاصرين أيضًا",
    ],
    tips: &[
        "إذا لم تفهم كلمة، اسأل المكتب: المساعدة مجانية.",
        "أحضر دائمًا الأصل ونسخة مصورة من كل وثيقة.",
        "احتفظ بالإيصال حتى تستلم الوثيقة النهائية.",
        "قد تتغير المواعيد في الصيف وفي أيام العطل الرسمية.",
        "يمكنك أن تحضر مع شخص تثق به أو مع وسيط ثقافي.",
        "لا يطلب أي مكتب عام مالًا لإعطائك موعدًا.",
        "إذا كانت الوثيقة بلغة أخرى، قد تحتاج إلى ترجمة.",
        "تأكد من أن اسمك مكتوب كما في جواز سفرك.",
    ],
    imperatives: &[
        "احجز موعدًا",
        "حضّر الوثائق",
        "املأ الاستمارة",
        "ادفع الطابع المالي",
        "اذهب إلى المكتب",
        "سلّم الطلب",
        "احتفظ بالإيصال",
        "تابع حالة الملف",
        "استلم الوثيقة",
        "اطلب المساعدة من المكتب",
        "صوّر كل الوثائق",
        "وقّع الطلب",
    ],
    link_sentences: &[
        "لمعرفة المزيد، اقرأ {link}.",
        "يمكنك التوجه إلى {link}.",
        "انظر أيضًا {link}.",
        "المعلومات المحدثة موجودة في {link}.",
        "إذا كان لديك شك، اسأل {link}.",
        "هذه الصفحة مرتبطة بـ {link}.",
    ],
    headings: &[
        "من يمكنه التقديم",
        "ما يجب معرفته أولًا",
        "إلى أين تذهب",
        "كم يكلف",
        "مدة الانتظار",
        "إذا رُفض الطلب",
        "نصائح مفيدة",
        "للقاصرين",
        "للأسر",
        "بعد تقديم الطلب",
        "أسئلة شائعة",
        "جهات اتصال مفيدة",
        "كيف تصل",
        "ماذا تحضر معك",
    ],
    steps_heading: "الخطوات",
    documents_heading: "الوثائق المطلوبة",
    documents_intro: "أحضر هذه الوثائق بالأصل ونسخة مصورة:",
    table_header: ["الوثيقة", "أين", "متى"],
    comma: "، ",
};

const VOCABS: [&Vocab; 4] = [&IT, &EN, &FR, &AR];

// ---------------------------------------------------------------------------
// Small helpers.

/// A slug from a title: lowercase ASCII letters, digits and `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Inserts `base` (or `base-2`, `base-3`, …) into `taken`; returns the slug
/// and the number added (1 when none was needed).
fn unique_slug(taken: &mut HashSet<String>, base: &str) -> (String, usize) {
    let mut k = 1;
    let mut slug = base.to_owned();
    while !taken.insert(slug.clone()) {
        k += 1;
        slug = format!("{base}-{k}");
    }
    (slug, k)
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A date `days` days after 2025-01-01, as YYYY-MM-DD.
fn date(days: usize) -> String {
    const MONTHS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut year: u32 = 2025;
    let mut left = days;
    loop {
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let length = if leap { 366 } else { 365 };
        if left < length {
            for (m, &len) in MONTHS.iter().enumerate() {
                let len = if m == 1 && leap { 29 } else { len };
                if left < len {
                    return format!("{year}-{:02}-{:02}", m + 1, left + 1);
                }
                left -= len;
            }
        }
        left -= length;
        year += 1;
    }
}

/// The last day a generated date may fall on: 2026-11-25.
const LAST_DAY: usize = 365 + 328;

/// `updated` and `reviewed` of a source page: most in 2026, some older.
fn source_dates(rng: &mut Rng) -> (usize, usize) {
    let updated = if rng.chance(90) {
        rng.range(365, LAST_DAY - 20)
    } else {
        rng.range(0, 364)
    };
    let reviewed = (updated + rng.range(0, 30)).min(LAST_DAY);
    (updated, reviewed)
}

fn fill(template: &str, comune: &str) -> String {
    template.replace("{c}", comune)
}

// ---------------------------------------------------------------------------
// The plan: every page's section, slug, titles and translations.

fn counts(n: usize) -> [usize; 6] {
    let comuni = (n * 5 / 100).max(1);
    let offices = (n * 10 / 100).max(1);
    let services = (n * 15 / 100).max(1);
    let glossary = (n * 15 / 100).max(1);
    let pages = (n / 100).clamp(3, FREE_PAGES.len());
    let procedures = n.saturating_sub(comuni + offices + services + glossary + pages).max(1);
    [comuni, offices, services, procedures, glossary, pages]
}

fn translation_langs(rng: &mut Rng) -> [bool; 4] {
    let roll = rng.below(100);
    if roll < 72 {
        [true; 4]
    } else if roll < 80 {
        // Some pages lack one language.
        let missing = rng.range(1, 3);
        let mut langs = [true; 4];
        langs[missing] = false;
        langs
    } else {
        [true, false, false, false]
    }
}

fn plan(n: usize, rng: &mut Rng) -> Plan {
    let [n_comuni, n_offices, n_services, n_procedures, n_glossary, n_pages] = counts(n);
    let mut pages: Vec<Page> = Vec::with_capacity(n);
    let mut plan = Plan {
        pages: Vec::new(),
        comuni: Vec::new(),
        offices_by_comune: vec![Vec::new(); n_comuni],
        services_by_comune: vec![Vec::new(); n_comuni],
        offices: Vec::new(),
        services: Vec::new(),
        procedures: Vec::new(),
        glossary: Vec::new(),
    };

    // Comuni.
    let mut taken = HashSet::new();
    let mut comune_names = Vec::with_capacity(n_comuni);
    for i in 0..n_comuni {
        let root = COMUNE_ROOTS[i % COMUNE_ROOTS.len()];
        let suffix = COMUNE_SUFFIXES[(i / COMUNE_ROOTS.len()) % COMUNE_SUFFIXES.len()];
        let base = format!("{root}{suffix}");
        let (slug, k) = unique_slug(&mut taken, &slugify(&base));
        let name = if k > 1 { format!("{base} {k}") } else { base };
        comune_names.push(name.clone());
        plan.comuni.push(pages.len());
        let langs = translation_langs(rng);
        pages.push(Page {
            section: Section::Comuni,
            slug,
            titles: [name.clone(), name.clone(), name.clone(), format!("بلدية {name}")],
            langs,
            comune: i,
            topic: "casa",
        });
    }

    // Offices: each comune in turn gets its next kind of office.
    let mut taken = HashSet::new();
    for i in 0..n_offices {
        let comune = i % n_comuni;
        let kind = (i / n_comuni + comune * 3) % OFFICE_KINDS.len();
        let (titles, prefix, topic) = &OFFICE_KINDS[kind];
        let base_slug = format!("{prefix}-{}", pages[plan.comuni[comune]].slug);
        let (slug, k) = unique_slug(&mut taken, &base_slug);
        let mut titles = titles.map(|t| fill(t, &comune_names[comune]));
        if k > 1 {
            titles.iter_mut().for_each(|t| *t = format!("{t} {k}"));
        }
        plan.offices_by_comune[comune].push(pages.len());
        plan.offices.push(pages.len());
        let langs = translation_langs(rng);
        pages.push(Page {
            section: Section::Offices,
            slug,
            titles,
            langs,
            comune,
            topic,
        });
    }

    // Services.
    let mut taken = HashSet::new();
    for i in 0..n_services {
        let comune = i % n_comuni;
        let kind = (i / n_comuni + comune * 5) % SERVICE_KINDS.len();
        let (names, topic) = &SERVICE_KINDS[kind];
        let name = &comune_names[comune];
        let base_slug = slugify(&format!("{} {name}", names[0]));
        let (slug, k) = unique_slug(&mut taken, &base_slug);
        let mut titles = names.map(|t| format!("{t} – {name}"));
        if k > 1 {
            titles.iter_mut().for_each(|t| *t = format!("{t} {k}"));
        }
        plan.services_by_comune[comune].push(pages.len());
        plan.services.push(pages.len());
        let langs = translation_langs(rng);
        pages.push(Page {
            section: Section::Services,
            slug,
            titles,
            langs,
            comune,
            topic,
        });
    }

    // Procedures: a base, a qualifier and the comune they are written for.
    let mut taken = HashSet::new();
    let combos = PROCEDURE_BASES.len() * PROCEDURE_QUALIFIERS.len();
    for i in 0..n_procedures {
        let comune = i % n_comuni;
        let combo = (i / n_comuni + comune * 7) % combos;
        let (bases, topic) = &PROCEDURE_BASES[combo % PROCEDURE_BASES.len()];
        let qualifiers = &PROCEDURE_QUALIFIERS[combo / PROCEDURE_BASES.len()];
        let name = &comune_names[comune];
        let mut titles: [String; 4] = std::array::from_fn(|l| {
            if qualifiers[l].is_empty() {
                format!("{} – {name}", bases[l])
            } else {
                format!("{} {} – {name}", bases[l], qualifiers[l])
            }
        });
        let (slug, k) = unique_slug(&mut taken, &slugify(&titles[0]));
        if k > 1 {
            titles.iter_mut().for_each(|t| *t = format!("{t} {k}"));
        }
        plan.procedures.push(pages.len());
        let langs = translation_langs(rng);
        pages.push(Page {
            section: Section::Procedures,
            slug,
            titles,
            langs,
            comune,
            topic,
        });
    }

    // Glossary: terms, then terms in a given sense, then in a sense and a comune.
    let mut taken = HashSet::new();
    for i in 0..n_glossary {
        let term = &GLOSSARY_TERMS[i % GLOSSARY_TERMS.len()];
        let round = i / GLOSSARY_TERMS.len();
        let comune = i % n_comuni;
        let mut titles: [String; 4] = std::array::from_fn(|l| {
            if round == 0 {
                term[l].to_owned()
            } else {
                let domain = GLOSSARY_DOMAINS[(round - 1) % GLOSSARY_DOMAINS.len()][l];
                if round <= GLOSSARY_DOMAINS.len() {
                    format!("{} ({domain})", term[l])
                } else {
                    format!("{} ({domain}, {})", term[l], comune_names[comune])
                }
            }
        });
        let (slug, k) = unique_slug(&mut taken, &slugify(&titles[0]));
        if k > 1 {
            titles.iter_mut().for_each(|t| *t = format!("{t} {k}"));
        }
        plan.glossary.push(pages.len());
        let langs = translation_langs(rng);
        pages.push(Page {
            section: Section::Glossary,
            slug,
            titles,
            langs,
            comune,
            topic: TOPICS[i % TOPICS.len()],
        });
    }

    // Free pages.
    for (i, titles) in FREE_PAGES.iter().take(n_pages).enumerate() {
        pages.push(Page {
            section: Section::Pages,
            slug: slugify(titles[0]),
            titles: titles.map(str::to_owned),
            langs: if i < 3 { [true; 4] } else { translation_langs(rng) },
            comune: 0,
            topic: "documenti",
        });
    }

    plan.pages = pages;
    plan
}

// ---------------------------------------------------------------------------
// Bodies.

/// Where a link is written from.
#[derive(Clone, Copy)]
enum From {
    Home,
    Page(usize),
}

struct Body<'a> {
    rng: &'a mut Rng,
    plan: &'a Plan,
    from: From,
    lang: usize,
    /// Pages this one refers to in its front matter: linked more often.
    related: &'a [usize],
    out: String,
    words: usize,
    headings: Vec<&'static str>,
    table_done: bool,
}

impl Body<'_> {
    fn vocab(&self) -> &'static Vocab {
        VOCABS[self.lang]
    }

    fn push(&mut self, text: &str) {
        self.words += text.split_whitespace().count();
        self.out.push_str(text);
    }

    /// A Markdown link to another page, titled in this language when that
    /// page has it.
    fn link(&mut self) -> String {
        let plan = self.plan;
        let target = loop {
            let candidate = if !self.related.is_empty() && self.rng.chance(50) {
                *self.rng.pick(self.related)
            } else {
                self.rng.below(plan.pages.len())
            };
            if !matches!(self.from, From::Page(p) if p == candidate) {
                break candidate;
            }
            if plan.pages.len() == 1 {
                break candidate;
            }
        };
        let page = &plan.pages[target];
        let text = if page.langs[self.lang] {
            &page.titles[self.lang]
        } else {
            &page.titles[0]
        };
        let folder = page.section.folder();
        let mut href = match self.from {
            From::Home => format!("{folder}/{}.md", page.slug),
            From::Page(p) if plan.pages[p].section == page.section && self.rng.chance(40) => {
                format!("{}.md", page.slug)
            }
            From::Page(_) => format!("../{folder}/{}.md", page.slug),
        };
        if page.section == Section::Procedures && self.rng.chance(25) {
            href.push_str("#documenti");
        }
        format!("[{text}]({href})")
    }

    fn link_sentence(&mut self) -> String {
        let template = *self.rng.pick(self.vocab().link_sentences);
        let link = self.link();
        template.replace("{link}", &link)
    }

    fn complement(&mut self) -> &'static str {
        let v = self.vocab();
        match self.rng.below(3) {
            0 => self.rng.word(v.places),
            1 => self.rng.word(v.times),
            _ => self.rng.word(v.manners),
        }
    }

    fn sentence(&mut self) -> String {
        let v = self.vocab();
        let subject = *self.rng.pick(v.subjects);
        let verb = *self.rng.pick(v.verbs);
        let object = *self.rng.pick(v.objects);
        let complement = self.complement();
        if self.rng.chance(30) {
            let second = self.complement();
            if second != complement {
                return format!("{subject} {verb} {object} {complement}{}{second}.", v.comma);
            }
        }
        format!("{subject} {verb} {object} {complement}.")
    }

    fn paragraph(&mut self, min: usize, max: usize, link: bool) {
        let count = self.rng.range(min, max);
        let linked = if link { self.rng.below(count) } else { usize::MAX };
        let mut text = String::new();
        for i in 0..count {
            if i > 0 {
                text.push(' ');
            }
            let s = if i == linked || self.rng.chance(12) {
                self.link_sentence()
            } else if self.rng.chance(15) {
                (*self.rng.pick(self.vocab().tips)).to_owned()
            } else {
                self.sentence()
            };
            text.push_str(&s);
        }
        text.push_str("\n\n");
        self.push(&text);
    }

    fn heading(&mut self, text: &str, id: Option<&str>) {
        let line = match id {
            Some(id) => format!("## {text} {{#{id}}}\n\n"),
            None => format!("## {text}\n\n"),
        };
        self.push(&line);
    }

    fn next_heading(&mut self) -> bool {
        match self.headings.pop() {
            Some(h) => {
                self.heading(h, None);
                true
            }
            None => false,
        }
    }

    fn bullets(&mut self) {
        let count = self.rng.range(3, 6);
        let mut text = String::new();
        for _ in 0..count {
            let item = if self.rng.chance(25) {
                let link = self.link();
                format!("{link}: {}", self.complement())
            } else {
                let object = *self.rng.pick(self.vocab().objects);
                format!("{} {}", capitalize(object), self.complement())
            };
            text.push_str("- ");
            text.push_str(&item);
            text.push('\n');
        }
        text.push('\n');
        self.push(&text);
    }

    fn steps(&mut self) {
        let count = self.rng.range(4, 8);
        let mut text = String::new();
        for i in 1..=count {
            let imperative = *self.rng.pick(self.vocab().imperatives);
            let complement = self.complement();
            text.push_str(&format!("{i}. {imperative} {complement}."));
            if self.rng.chance(35) {
                text.push(' ');
                text.push_str(&self.link_sentence());
            }
            text.push('\n');
        }
        text.push('\n');
        self.push(&text);
    }

    fn table(&mut self) {
        let v = self.vocab();
        let [a, b, c] = v.table_header;
        let mut text = format!("| {a} | {b} | {c} |\n| --- | --- | --- |\n");
        for _ in 0..self.rng.range(3, 5) {
            let object = capitalize(self.rng.word(v.objects));
            let place = if self.rng.chance(25) {
                self.link()
            } else {
                capitalize(self.rng.word(v.places))
            };
            let time = capitalize(self.rng.word(v.times));
            text.push_str(&format!("| {object} | {place} | {time} |\n"));
        }
        text.push('\n');
        self.table_done = true;
        self.push(&text);
    }

    /// Headings, paragraphs, lists and now and then a table until `target`
    /// words are written.
    fn fill_to(&mut self, target: usize) {
        while self.words < target {
            if self.rng.chance(45) {
                self.next_heading();
            }
            match self.rng.below(100) {
                0..=59 => {
                    let link = self.rng.chance(50);
                    self.paragraph(3, 6, link)
                }
                60..=79 => self.bullets(),
                80..=87 => self.steps(),
                _ if !self.table_done && self.rng.chance(40) => self.table(),
                _ => self.paragraph(2, 4, false),
            }
        }
    }
}

/// The body of one page in one language.
fn body(rng: &mut Rng, plan: &Plan, from: From, lang: usize, related: &[usize], documents: &[usize]) -> String {
    let mut headings: Vec<&'static str> = VOCABS[lang].headings.to_vec();
    rng.shuffle(&mut headings);
    let target = rng.range(400, 900);
    let mut b = Body {
        rng,
        plan,
        from,
        lang,
        related,
        out: String::with_capacity(target * 8),
        words: 0,
        headings,
        table_done: false,
    };
    b.paragraph(3, 5, true);
    let section = match from {
        From::Page(p) => Some(plan.pages[p].section),
        From::Home => None,
    };
    match section {
        Some(Section::Procedures) => {
            let v = b.vocab();
            b.heading(v.steps_heading, None);
            b.steps();
            b.heading(v.documents_heading, Some("documenti"));
            let mut list = format!("{}\n\n", v.documents_intro);
            for &d in documents {
                list.push_str(&format!("- {}\n", DOCUMENTS[d][lang]));
            }
            list.push('\n');
            b.push(&list);
        }
        Some(Section::Services | Section::Offices) => {
            b.next_heading();
            b.bullets();
        }
        _ => {}
    }
    b.fill_to(target);
    let mut out = b.out;
    while out.ends_with('\n') {
        out.pop();
    }
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------
// Front matter.

fn hours(rng: &mut Rng) -> Option<String> {
    if rng.chance(15) {
        return None;
    }
    const DAYS: &[&str] = &["Mo-Fr", "Mo,We,Fr", "Mo-Th", "Mo-Sa", "Tu,Th", "Mo-We"];
    const MORNINGS: &[&str] = &[
        "08:30-12:30",
        "09:00-12:00",
        "09:00-13:00",
        "08:00-14:00",
        "08:20-13:35",
    ];
    const AFTERNOON_DAYS: &[&str] = &["Tu,Th", "We", "Mo", "Th", "Tu"];
    const AFTERNOONS: &[&str] = &["15:00-17:00", "14:30-17:30", "15:30-18:00", "16:00-18:00"];
    let mut rules = vec![format!("{} {}", rng.pick(DAYS), rng.pick(MORNINGS))];
    if rng.chance(30) {
        rules[0] = format!("{},{}", rules[0], rng.pick(AFTERNOONS));
    } else if rng.chance(50) {
        rules.push(format!("{} {}", rng.pick(AFTERNOON_DAYS), rng.pick(AFTERNOONS)));
    }
    if rng.chance(20) {
        rules.push(format!("Sa {}", rng.pick(&["09:00-12:00", "08:30-11:30"])));
    }
    if rng.chance(25) {
        rules.push("PH off".into());
    }
    Some(rules.join("; "))
}

/// Picks `count` distinct items, preferring `near`, then any of `all`.
fn refs(rng: &mut Rng, near: &[usize], all: &[usize], count: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut tries = 0;
    while chosen.len() < count && tries < count * 8 {
        tries += 1;
        let pool = if !near.is_empty() && rng.chance(70) { near } else { all };
        if pool.is_empty() {
            break;
        }
        let candidate = *rng.pick(pool);
        if !chosen.contains(&candidate) {
            chosen.push(candidate);
        }
    }
    chosen
}

fn slug_list(plan: &Plan, pages: &[usize]) -> String {
    let slugs: Vec<&str> = pages.iter().map(|&p| plan.pages[p].slug.as_str()).collect();
    format!("[{}]", slugs.join(", "))
}

fn comuni_scope(rng: &mut Rng, plan: &Plan, comune: usize) -> String {
    if rng.chance(55) || plan.comuni.len() == 1 {
        return "all".into();
    }
    let mut list = vec![plan.comuni[comune]];
    for _ in 0..rng.range(0, 2) {
        let other = *rng.pick(&plan.comuni);
        if !list.contains(&other) {
            list.push(other);
        }
    }
    slug_list(plan, &list)
}

fn topics(rng: &mut Rng, topic: &'static str) -> String {
    let mut list = vec![topic];
    if rng.chance(30) {
        let other = *rng.pick(&TOPICS);
        if other != topic {
            list.push(other);
        }
    }
    format!("[{}]", list.join(", "))
}

/// The facts and the source text of one page: its front matter lines (without
/// the `---`), the pages it refers to, and its documents (procedures).
fn source_front_matter(
    rng: &mut Rng,
    plan: &Plan,
    index: usize,
    updated: usize,
    reviewed: usize,
) -> (String, Vec<usize>, Vec<usize>) {
    let page = &plan.pages[index];
    let mut fm = String::new();
    let mut related = Vec::new();
    let mut documents = Vec::new();
    let comune_page = &plan.pages[plan.comuni[page.comune]];
    let dates = format!("updated: {}\nreviewed: {}\n", date(updated), date(reviewed));
    match page.section {
        Section::Comuni => {
            fm.push_str(&format!("name: {}\n", quoted(&page.titles[0])));
            if page.comune < 999 {
                fm.push_str(&format!("istat: \"{:06}\"\n", 94_001 + page.comune));
            }
            fm.push_str(&format!(
                "website: https://www.comune.{}.is.it\n",
                page.slug.replace('-', "")
            ));
            let lat = 41.45 + rng.below(400) as f64 / 1000.0;
            let lon = 14.00 + rng.below(500) as f64 / 1000.0;
            fm.push_str(&format!("geo: [{lat:.3}, {lon:.3}]\n"));
            fm.push_str(&dates);
            related.extend(plan.offices_by_comune[page.comune].iter().copied());
            related.extend(plan.services_by_comune[page.comune].iter().copied());
        }
        Section::Offices => {
            fm.push_str(&format!("name: {}\n", quoted(&page.titles[0])));
            fm.push_str(&format!("comune: {}\n", comune_page.slug));
            if rng.chance(97) {
                let address = format!(
                    "{} {}, 86{:03} {}",
                    rng.pick(STREETS),
                    rng.range(1, 120),
                    rng.range(0, 199),
                    comune_page.titles[0]
                );
                fm.push_str(&format!("address: {}\n", quoted(&address)));
            }
            let lat = 41.45 + rng.below(400) as f64 / 1000.0;
            let lon = 14.00 + rng.below(500) as f64 / 1000.0;
            fm.push_str(&format!("geo: [{lat:.3}, {lon:.3}]\n"));
            if rng.chance(85) {
                fm.push_str(&format!("phone: [\"+39 0865 {:06}\"]\n", rng.below(1_000_000)));
            }
            fm.push_str(&format!("email: {}@example.org\n", page.slug));
            if rng.chance(50) {
                fm.push_str(&format!("website: https://www.{}.example.org\n", page.slug));
            }
            if let Some(hours) = hours(rng) {
                fm.push_str(&format!("hours: {}\n", quoted(&hours)));
            }
            let mut spoken = vec!["it"];
            for &lang in SPOKEN {
                if rng.chance(20) {
                    spoken.push(lang);
                }
            }
            fm.push_str(&format!("languages_spoken: [{}]\n", spoken.join(", ")));
            fm.push_str(&format!("topics: {}\n", topics(rng, page.topic)));
            fm.push_str(&dates);
            related.push(plan.comuni[page.comune]);
            related.extend(refs(rng, &[], &plan.procedures, 3));
        }
        Section::Services => {
            let count = rng.range(1, 2);
            let offices = refs(rng, &plan.offices_by_comune[page.comune], &plan.offices, count);
            fm.push_str(&format!("name: {}\n", quoted(&page.titles[0])));
            fm.push_str(&format!("summary: {}\n", quoted(&summary(rng, 0))));
            fm.push_str(&format!("offices: {}\n", slug_list(plan, &offices)));
            fm.push_str(&format!("comuni: {}\n", comuni_scope(rng, plan, page.comune)));
            fm.push_str(&format!("topics: {}\n", topics(rng, page.topic)));
            fm.push_str(&format!("eligibility: {}\n", quoted(rng.pick(ELIGIBILITY)[0])));
            fm.push_str(&format!("cost: {}\n", quoted(COSTS[rng.below(2)][0])));
            fm.push_str(&dates);
            related.extend(offices);
            related.push(plan.comuni[page.comune]);
        }
        Section::Procedures => {
            let count = rng.range(1, 3);
            let offices = refs(rng, &plan.offices_by_comune[page.comune], &plan.offices, count);
            let count = rng.range(0, 2);
            let services = refs(rng, &plan.services_by_comune[page.comune], &plan.services, count);
            let mut docs: Vec<usize> = (0..DOCUMENTS.len()).collect();
            rng.shuffle(&mut docs);
            docs.truncate(rng.range(3, 6));
            fm.push_str(&format!("title: {}\n", quoted(&page.titles[0])));
            fm.push_str(&format!("summary: {}\n", quoted(&summary(rng, 0))));
            fm.push_str(&format!("topics: {}\n", topics(rng, page.topic)));
            fm.push_str(&format!("comuni: {}\n", comuni_scope(rng, plan, page.comune)));
            fm.push_str(&format!("offices: {}\n", slug_list(plan, &offices)));
            if !services.is_empty() {
                fm.push_str(&format!("services: {}\n", slug_list(plan, &services)));
            }
            fm.push_str("documents:\n");
            for &d in &docs {
                fm.push_str(&format!("  - {}\n", quoted(DOCUMENTS[d][0])));
            }
            fm.push_str(&format!("cost: {}\n", quoted(rng.pick(COSTS)[0])));
            fm.push_str(&format!("duration: {}\n", quoted(rng.pick(DURATIONS)[0])));
            fm.push_str(&dates);
            let mut sources = vec![*rng.pick(SOURCES)];
            if rng.chance(40) {
                let other = *rng.pick(SOURCES);
                if other != sources[0] {
                    sources.push(other);
                }
            }
            fm.push_str(&format!("sources: [{}]\n", sources.join(", ")));
            related.extend(offices);
            related.extend(services);
            related.extend(refs(rng, &[], &plan.glossary, 2));
            documents = docs;
        }
        Section::Glossary => {
            fm.push_str(&format!("term: {}\n", quoted(&page.titles[0])));
            fm.push_str(&dates);
            related.extend(refs(rng, &[], &plan.procedures, 2));
        }
        Section::Pages => {
            fm.push_str(&format!("title: {}\n", quoted(&page.titles[0])));
            fm.push_str(&dates);
            related.extend(refs(rng, &[], &plan.offices, 2));
        }
    }
    (fm, related, documents)
}

/// A one-sentence summary.
fn summary(rng: &mut Rng, lang: usize) -> String {
    let v = VOCABS[lang];
    format!(
        "{} {} {} {}.",
        rng.pick(v.subjects),
        rng.pick(v.verbs),
        rng.pick(v.objects),
        rng.pick(v.manners)
    )
}

/// The text fields of a translation (without `source_updated` and the rest).
fn translation_front_matter(rng: &mut Rng, page: &Page, lang: usize, documents: &[usize]) -> String {
    let title = quoted(&page.titles[lang]);
    let mut fm = String::new();
    match page.section {
        Section::Comuni | Section::Offices => fm.push_str(&format!("name: {title}\n")),
        Section::Services => {
            fm.push_str(&format!("name: {title}\n"));
            if rng.chance(90) {
                fm.push_str(&format!("summary: {}\n", quoted(&summary(rng, lang))));
            }
            if rng.chance(70) {
                fm.push_str(&format!("eligibility: {}\n", quoted(rng.pick(ELIGIBILITY)[lang])));
            }
            if rng.chance(70) {
                fm.push_str(&format!("cost: {}\n", quoted(COSTS[rng.below(2)][lang])));
            }
        }
        Section::Procedures => {
            fm.push_str(&format!("title: {title}\n"));
            if rng.chance(90) {
                fm.push_str(&format!("summary: {}\n", quoted(&summary(rng, lang))));
            }
            if rng.chance(90) {
                fm.push_str("documents:\n");
                for &d in documents {
                    fm.push_str(&format!("  - {}\n", quoted(DOCUMENTS[d][lang])));
                }
            }
            if rng.chance(85) {
                fm.push_str(&format!("cost: {}\n", quoted(rng.pick(COSTS)[lang])));
            }
            if rng.chance(85) {
                fm.push_str(&format!("duration: {}\n", quoted(rng.pick(DURATIONS)[lang])));
            }
        }
        Section::Glossary => fm.push_str(&format!("translation: {title}\n")),
        Section::Pages => fm.push_str(&format!("title: {title}\n")),
    }
    fm
}

/// `source_updated` (sometimes older than the source: an outdated
/// translation) and, for some, `translated_by: machine`.
fn translation_meta(rng: &mut Rng, updated: usize) -> String {
    let from = if rng.chance(8) && updated > 30 {
        updated - rng.range(10, 30)
    } else {
        updated
    };
    let mut meta = format!("source_updated: {}\n", date(from));
    if rng.chance(30) {
        meta.push_str("translated_by: machine\n");
    }
    meta
}

// ---------------------------------------------------------------------------
// Writing.

struct Writer {
    content: PathBuf,
    summary: Summary,
}

impl Writer {
    fn write(&mut self, relative: &str, front_matter: &str, body: &str, source: bool) -> io::Result<()> {
        let text = format!("---\n{front_matter}---\n{body}");
        self.summary.bytes += text.len() as u64;
        if source {
            self.summary.sources += 1;
        } else {
            self.summary.translations += 1;
        }
        fs::write(self.content.join(relative), text)
    }
}

const SITE_YAML: &str = "\
# A portal generated by examples/gen_site.rs for the build benchmark.
base_url: https://sportello-bench.example.org
source_language: it
languages: [it, en, fr, ar]
theme: default
topics: [documenti, salute, scuola, lavoro, casa, lingua, legale, famiglia]
review_after_days: 365
";

/// Writes the site into `options.out` (its `content/`, `i18n/` and
/// `site.yaml` are replaced; anything else there is left alone).
pub fn generate(options: &Options) -> io::Result<Summary> {
    if options.pages < 10 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "--pages must be at least 10",
        ));
    }
    let out = &options.out;
    let content = out.join("content");
    if content.exists() {
        fs::remove_dir_all(&content)?;
    }
    for section in Section::ALL {
        fs::create_dir_all(content.join(section.folder()))?;
    }
    fs::create_dir_all(out.join("i18n"))?;
    fs::write(out.join("site.yaml"), SITE_YAML)?;
    let repo_i18n = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    for lang in LANGS {
        let from = repo_i18n.join(format!("{lang}.yaml"));
        fs::copy(&from, out.join("i18n").join(format!("{lang}.yaml")))
            .map_err(|err| io::Error::new(err.kind(), format!("cannot copy {}: {err}", from.display())))?;
    }

    let mut rng = Rng::new(options.seed);
    let plan = plan(options.pages, &mut rng);
    let mut writer = Writer {
        content,
        summary: Summary {
            sources: 0,
            translations: 0,
            bytes: 0,
        },
    };

    // The home page, in every language.
    const HOME: Quad = [
        "Sportello Immigrazione",
        "Immigration Help Desk",
        "Guichet Immigration",
        "مكتب مساعدة المهاجرين",
    ];
    let home_updated = LAST_DAY - 5;
    let featured: Vec<usize> = refs(&mut rng, &[], &plan.procedures, 6);
    for (lang, code) in LANGS.iter().enumerate() {
        let mut fm = format!("title: {}\n", quoted(HOME[lang]));
        let name = if lang == 0 {
            fm.push_str(&format!("updated: {}\n", date(home_updated)));
            "_index.md".to_owned()
        } else {
            fm.push_str(&format!("source_updated: {}\n", date(home_updated)));
            format!("_index.{code}.md")
        };
        let text = body(&mut rng, &plan, From::Home, lang, &featured, &[]);
        writer.write(&name, &fm, &text, lang == 0)?;
    }

    for index in 0..plan.pages.len() {
        let page = &plan.pages[index];
        let (updated, reviewed) = source_dates(&mut rng);
        let (fm, related, documents) = source_front_matter(&mut rng, &plan, index, updated, reviewed);
        let text = body(&mut rng, &plan, From::Page(index), 0, &related, &documents);
        let folder = page.section.folder();
        writer.write(&format!("{folder}/{}.md", page.slug), &fm, &text, true)?;
        for (lang, code) in LANGS.iter().enumerate().skip(1) {
            if !page.langs[lang] {
                continue;
            }
            let mut fm = translation_front_matter(&mut rng, page, lang, &documents);
            fm.push_str(&translation_meta(&mut rng, updated));
            let text = body(&mut rng, &plan, From::Page(index), lang, &related, &documents);
            writer.write(&format!("{folder}/{}.{code}.md", page.slug), &fm, &text, false)?;
        }
    }
    Ok(writer.summary)
}

fn usage() -> ! {
    eprintln!("usage: cargo run --release --example gen_site -- --pages N --out DIR [--seed S]");
    std::process::exit(2);
}

fn main() {
    let mut pages = None;
    let mut out = None;
    let mut seed = 42;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--pages" => pages = Some(value.parse().unwrap_or_else(|_| usage())),
            "--out" => out = Some(PathBuf::from(value)),
            "--seed" => seed = value.parse().unwrap_or_else(|_| usage()),
            _ => usage(),
        }
    }
    let (Some(pages), Some(out)) = (pages, out) else {
        usage()
    };
    let started = std::time::Instant::now();
    match generate(&Options {
        pages,
        out: out.clone(),
        seed,
    }) {
        Ok(summary) => println!(
            "generated {} source pages and {} translations ({:.1} MB) into {} in {:.2} s",
            summary.sources,
            summary.translations,
            summary.bytes as f64 / 1e6,
            out.display(),
            started.elapsed().as_secs_f64()
        ),
        Err(err) => {
            eprintln!("gen_site: {err}");
            std::process::exit(1);
        }
    }
}
