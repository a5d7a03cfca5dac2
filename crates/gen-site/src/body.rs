//! The Markdown body of a page in one language: paragraphs, headings,
//! numbered steps, bullet lists, now and then a table, and links to other
//! pages of the plan, until a word count drawn for the page is reached.

use crate::plan::{Plan, Section};
use crate::rng::Rng;
use crate::words::{words, Vocab};

/// The page a body is written for, where its links start from.
#[derive(Clone, Copy)]
pub(crate) enum Origin {
    Home,
    Page(usize),
}

/// The body of one page in one language. `related` are the pages its front
/// matter refers to (linked more often), `documents` the documents of a
/// procedure (indices into `facts.yaml`'s `documents`).
pub(crate) fn body(
    rng: &mut Rng,
    plan: &Plan,
    from: Origin,
    lang: usize,
    related: &[usize],
    documents: &[usize],
) -> String {
    let vocab = &words().vocabs[lang];
    let mut headings: Vec<&'static str> = vocab.headings.iter().map(String::as_str).collect();
    rng.shuffle(&mut headings);
    let target = rng.range(400, 900);
    let mut b = Body {
        rng,
        plan,
        from,
        lang,
        vocab,
        related,
        out: String::with_capacity(target * 8),
        words: 0,
        headings,
        table_done: false,
    };
    b.paragraph(3, 5, true);
    let section = match from {
        Origin::Page(p) => Some(plan.pages[p].section),
        Origin::Home => None,
    };
    match section {
        Some(Section::Procedures) => {
            b.heading(&vocab.steps_heading, None);
            b.steps();
            b.heading(&vocab.documents_heading, Some("documenti"));
            let mut list = format!("{}\n\n", vocab.documents_intro);
            for &d in documents {
                list.push_str(&format!("- {}\n", &words().facts.documents[d][lang]));
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

/// A body being written.
struct Body<'a> {
    rng: &'a mut Rng,
    plan: &'a Plan,
    from: Origin,
    lang: usize,
    vocab: &'static Vocab,
    /// Pages this one refers to in its front matter: linked more often.
    related: &'a [usize],
    out: String,
    words: usize,
    /// The headings not used yet.
    headings: Vec<&'static str>,
    table_done: bool,
}

impl Body<'_> {
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
            if !matches!(self.from, Origin::Page(p) if p == candidate) {
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
            Origin::Home => format!("{folder}/{}.md", page.slug),
            Origin::Page(p) if plan.pages[p].section == page.section && self.rng.chance(40) => {
                format!("{}.md", page.slug)
            }
            Origin::Page(_) => format!("../{folder}/{}.md", page.slug),
        };
        if page.section == Section::Procedures && self.rng.chance(25) {
            href.push_str("#documenti");
        }
        format!("[{text}]({href})")
    }

    fn link_sentence(&mut self) -> String {
        let template = self.rng.word(&self.vocab.link_sentences);
        let link = self.link();
        template.replace("{link}", &link)
    }

    /// A place, a time or a manner.
    fn complement(&mut self) -> &'static str {
        let v = self.vocab;
        match self.rng.below(3) {
            0 => self.rng.word(&v.places),
            1 => self.rng.word(&v.times),
            _ => self.rng.word(&v.manners),
        }
    }

    fn sentence(&mut self) -> String {
        let v = self.vocab;
        let subject = self.rng.word(&v.subjects);
        let verb = self.rng.word(&v.verbs);
        let object = self.rng.word(&v.objects);
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
                self.rng.word(&self.vocab.tips).to_owned()
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

    /// The next unused heading, if any is left.
    fn next_heading(&mut self) {
        if let Some(h) = self.headings.pop() {
            self.heading(h, None);
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
                let object = self.rng.word(&self.vocab.objects);
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
            let imperative = self.rng.word(&self.vocab.imperatives);
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
        let v = self.vocab;
        let [a, b, c] = &v.table_header;
        let mut text = format!("| {a} | {b} | {c} |\n| --- | --- | --- |\n");
        for _ in 0..self.rng.range(3, 5) {
            let object = capitalize(self.rng.word(&v.objects));
            let place = if self.rng.chance(25) {
                self.link()
            } else {
                capitalize(self.rng.word(&v.places))
            };
            let time = capitalize(self.rng.word(&v.times));
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

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
