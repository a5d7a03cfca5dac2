//! The build benchmark: generates sites of N source pages (crates/gen-site),
//! builds each several times with the release `sportello` binary and prints the
//! median wall time, CPU time, peak memory, pages per second, output size, the
//! time of each stage and the figures per source page. When `hugo` is on PATH
//! (Debian: `apt-get install hugo`) it builds the same pages as a Hugo site in
//! the same run and prints Hugo's figures beside ours, with the ratios.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example bench -- [--sizes 1000,10000] [--runs 3] [--seed 42] [--keep] [--no-hugo]
//! ```
//!
//! CPU time and peak RSS come from `/usr/bin/time` (Debian package `time`);
//! without it only wall times are measured.

use std::collections::HashMap;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Instant, SystemTime};

use clap::{ArgAction, Parser};
use serde::Deserialize;
use sportello::content::front_matter;
use sportello_gen_site as gen_site;

const TIME: &str = "/usr/bin/time";
const STAGES: [&str; 6] = ["load", "parse", "resolve", "render", "index", "write"];
/// The day review flags are computed for, so that every run renders the same pages.
const TODAY: &str = "2026-12-01";

/// The build benchmark: sportello (and Hugo, when on PATH) on generated sites.
#[derive(Parser)]
#[command(name = "bench")]
struct Args {
    /// Sizes of the generated sites, in source pages, separated by commas.
    #[arg(long, value_delimiter = ',', value_parser = size, default_value = "1000,10000")]
    sizes: Vec<usize>,
    /// Builds of each tool into empty folders at each size; the median is reported.
    #[arg(long, default_value_t = 3, value_parser = at_least_one)]
    runs: usize,
    /// The seed of the generated sites.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Keep each size's sites and outputs (their folder is printed).
    #[arg(long)]
    keep: bool,
    /// Do not build with Hugo, even when it is on PATH.
    #[arg(long = "no-hugo", action = ArgAction::SetFalse)]
    hugo: bool,
    /// The sportello binary to measure.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/sportello"))]
    bin: PathBuf,
}

/// A size of `--sizes`, spaces around it allowed.
fn size(text: &str) -> Result<usize, String> {
    text.trim().parse().map_err(|err| format!("{err}"))
}

fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(err) => Err(format!("{err}")),
    }
}

// ---------------------------------------------------------------------------
// Measuring one build.

/// One build, measured.
struct Run {
    wall: f64,
    cpu: Option<f64>,
    rss_kb: Option<u64>,
    /// Stage timings in ms (sportello only, when it prints them).
    stages: Option<HashMap<String, f64>>,
    html: usize,
    bytes: u64,
}

struct Timed {
    wall: f64,
    cpu: Option<f64>,
    rss_kb: Option<u64>,
    stderr: String,
}

/// Builds of one size, each into an empty folder of its own.
struct TimedBuilds<'a> {
    n: usize,
    runs: usize,
    root: &'a Path,
    time_file: Option<&'a Path>,
}

/// A tool to time: how to run it, and the prefix of its output folders.
struct Tool<'a> {
    name: &'a str,
    program: &'a Path,
    prefix: &'a str,
    args_for: &'a dyn Fn(&Path) -> Vec<OsString>,
    envs: &'a [(&'a str, &'a str)],
}

impl TimedBuilds<'_> {
    /// `runs` builds by each tool, into `<root>/<prefix>-1`, `-2`, …, the
    /// tools taking turns (first run of each, then the second…), so that a
    /// machine getting faster or slower during the runs weighs on every
    /// tool alike. Returns the runs of each tool, in the order of `tools`.
    fn builds_into_empty_folders(&self, tools: &[Tool]) -> Vec<Vec<Run>> {
        let mut runs: Vec<Vec<Run>> = tools.iter().map(|_| Vec::new()).collect();
        for i in 1..=self.runs {
            for (tool, runs) in tools.iter().zip(&mut runs) {
                runs.push(self.build(tool, i));
            }
        }
        runs
    }

    fn build(&self, tool: &Tool, i: usize) -> Run {
        let out = self.root.join(format!("{}-{i}", tool.prefix));
        let timed =
            run_timed(tool.program, &(tool.args_for)(&out), tool.envs, self.time_file).unwrap_or_else(|err| fail(&err));
        let (html, bytes) = tally(&out);
        eprintln!(
            "N={}: {} run {i}/{}: {:.2} s, {html} HTML pages",
            self.n, tool.name, self.runs, timed.wall
        );
        Run {
            wall: timed.wall,
            cpu: timed.cpu,
            rss_kb: timed.rss_kb,
            stages: parse_stages(&timed.stderr),
            html,
            bytes,
        }
    }
}

/// The wall time of the third of three builds into the same folder, as a
/// volunteer's rebuilds are: by then sportello has the output it replaced
/// (`.public.previous`) to write into, and Hugo its own output.
fn rebuild_wall(program: &Path, args: &[OsString], envs: &[(&str, &str)]) -> f64 {
    for _ in 0..2 {
        run_timed(program, args, envs, None).unwrap_or_else(|err| fail(&err));
    }
    run_timed(program, args, envs, None)
        .unwrap_or_else(|err| fail(&err))
        .wall
}

/// Runs `program args`, under `/usr/bin/time` when `time_file` is given.
fn run_timed(
    program: &Path,
    args: &[OsString],
    envs: &[(&str, &str)],
    time_file: Option<&Path>,
) -> Result<Timed, String> {
    let mut command = match time_file {
        Some(file) => {
            let mut c = Command::new(TIME);
            c.args(["-f", "%e %U %S %M", "-o"]).arg(file).arg(program);
            c
        }
        None => Command::new(program),
    };
    command.args(args).envs(envs.iter().copied()).stdin(Stdio::null());
    let started = Instant::now();
    let output = command
        .output()
        .map_err(|err| format!("cannot run {}: {err}", program.display()))?;
    let wall = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        let tail: Vec<&str> = stderr.lines().rev().take(40).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "{} {} failed ({}):\n{}\n{}",
            program.display(),
            args.iter().map(|a| a.to_string_lossy()).collect::<Vec<_>>().join(" "),
            output.status,
            String::from_utf8_lossy(&output.stdout).trim(),
            tail.join("\n")
        ));
    }
    let (mut cpu, mut rss_kb) = (None, None);
    if let Some(file) = time_file {
        let text = fs::read_to_string(file).map_err(|err| format!("cannot read {}: {err}", file.display()))?;
        // The last line is ours; a line before it may say how the command exited.
        let fields: Vec<&str> = text.lines().last().unwrap_or("").split_whitespace().collect();
        if let [_, user, sys, max_rss] = fields.as_slice() {
            cpu = user
                .parse::<f64>()
                .ok()
                .zip(sys.parse::<f64>().ok())
                .map(|(u, s)| u + s);
            rss_kb = max_rss.parse().ok();
        }
    }
    Ok(Timed {
        wall,
        cpu,
        rss_kb,
        stderr,
    })
}

/// `timings: load=… parse=… …` from sportello's stderr.
fn parse_stages(stderr: &str) -> Option<HashMap<String, f64>> {
    let line = stderr.lines().find_map(|l| l.trim().strip_prefix("timings:"))?;
    let stages: HashMap<String, f64> = line
        .split_whitespace()
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            let value = value.trim_end_matches("ms").parse().ok()?;
            Some((key.to_owned(), value))
        })
        .collect();
    (!stages.is_empty()).then_some(stages)
}

/// HTML files and bytes under `dir`.
fn tally(dir: &Path) -> (usize, u64) {
    let mut html = 0;
    let mut bytes = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                bytes += meta.len();
                if entry.path().extension().is_some_and(|e| e == "html") {
                    html += 1;
                }
            }
        }
    }
    (html, bytes)
}

fn remove(dir: &Path) {
    if dir.exists() {
        let _ = fs::remove_dir_all(dir);
    }
}

// ---------------------------------------------------------------------------
// The Hugo site.

/// The fields of a generated page that its Hugo copy keeps.
#[derive(Deserialize)]
struct PageFields {
    title: Option<String>,
    name: Option<String>,
    translation: Option<String>,
    term: Option<String>,
    topics: Option<Vec<String>>,
    updated: Option<String>,
}

impl PageFields {
    /// The page's title, whichever field its section gives it in.
    fn title(self) -> Option<String> {
        self.title.or(self.name).or(self.translation).or(self.term)
    }
}

/// A generated page's front matter, split as sportello splits it, and its body.
fn read_page(path: &Path) -> io::Result<(PageFields, String)> {
    let text = fs::read_to_string(path)?;
    let invalid =
        |message: String| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {message}", path.display()));
    let split = front_matter::split(&text).map_err(|err| invalid(format!("line {}: {}", err.line, err.code.id())))?;
    let fields = serde_norway::from_str(split.yaml).map_err(|err| invalid(err.to_string()))?;
    Ok((fields, split.body.to_owned()))
}

fn yaml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

const HUGO_CONFIG: &str = r#"baseURL = "https://sportello-bench.example.org/"
title = "Sportello"
defaultContentLanguage = "it"
defaultContentLanguageInSubdir = true
enableRobotsTXT = false

[taxonomies]
topic = "topics"

[languages.it]
languageName = "Italiano"
weight = 1
[languages.it.params]
dir = "ltr"

[languages.en]
languageName = "English"
weight = 2
[languages.en.params]
dir = "ltr"

[languages.fr]
languageName = "Français"
weight = 3
[languages.fr.params]
dir = "ltr"

[languages.ar]
languageName = "العربية"
weight = 4
[languages.ar.params]
dir = "rtl"
"#;

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ .Language.Lang }}" dir="{{ .Site.Params.dir | default "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></p>
{{ .Content }}
{{ with .Params.topics }}<ul>{{ range . }}<li><a href="{{ (printf "/topics/%s/" (urlize .)) | relLangURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
"#;

/// Converts the generated site's pages into a Hugo site in `dir`: the same
/// pages and bodies, `content/<section>/<slug>.<lang>.md` with title, date
/// and the source's topics. Returns the number of content files.
fn write_hugo_site(site: &Path, dir: &Path) -> io::Result<usize> {
    remove(dir);
    let layouts = dir.join("layouts/_default");
    fs::create_dir_all(&layouts)?;
    fs::write(dir.join("config.toml"), HUGO_CONFIG)?;
    fs::write(layouts.join("baseof.html"), HUGO_BASEOF)?;
    fs::write(layouts.join("single.html"), HUGO_SINGLE)?;
    fs::write(layouts.join("list.html"), HUGO_LIST)?;

    // (folder relative to content/, slug, lang, path), sources first.
    let mut files: Vec<(String, String, String, PathBuf)> = Vec::new();
    let content = site.join("content");
    let mut folders = vec![String::new()];
    for entry in fs::read_dir(&content)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            folders.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    for folder in &folders {
        for entry in fs::read_dir(content.join(folder))? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".md") else { continue };
            let (slug, lang) = match stem.rsplit_once('.') {
                Some((slug, lang)) if lang.len() == 2 => (slug.to_owned(), lang.to_owned()),
                _ => (stem.to_owned(), gen_site::LANGS[0].to_owned()),
            };
            files.push((folder.clone(), slug, lang, entry.path()));
        }
    }
    files.sort_by(|a, b| {
        let source = |lang: &str| lang != gen_site::LANGS[0];
        (source(&a.2), &a.0, &a.1, &a.2).cmp(&(source(&b.2), &b.0, &b.1, &b.2))
    });

    let mut topics: HashMap<(String, String), Vec<String>> = HashMap::new();
    let mut dates: HashMap<(String, String), String> = HashMap::new();
    for folder in &folders {
        fs::create_dir_all(dir.join("content").join(folder))?;
    }
    for (folder, slug, lang, path) in &files {
        let (mut fields, body) = read_page(path)?;
        let key = (folder.clone(), slug.clone());
        if lang == gen_site::LANGS[0] {
            if let Some(list) = fields.topics.take() {
                topics.insert(key.clone(), list);
            }
            if let Some(updated) = fields.updated.take() {
                dates.insert(key.clone(), updated);
            }
        }
        let title = fields.title().unwrap_or_else(|| slug.clone());
        let date = dates.get(&key).cloned().unwrap_or_else(|| "2026-01-01".into());
        let mut out = format!("---\ntitle: {}\ndate: {date}\n", yaml_string(&title));
        if let Some(list) = topics.get(&key) {
            out.push_str(&format!("topics: [{}]\n", list.join(", ")));
        }
        out.push_str("---\n");
        out.push_str(&body);
        fs::write(dir.join("content").join(folder).join(format!("{slug}.{lang}.md")), out)?;
    }
    Ok(files.len())
}

// ---------------------------------------------------------------------------
// Statistics and the report.

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

/// The medians of a tool's runs at one size.
struct Medians {
    wall: f64,
    cpu: Option<f64>,
    rss_mb: Option<f64>,
    html: f64,
    pages_per_s: f64,
    out_mb: f64,
    stages: Vec<Option<f64>>,
}

impl Medians {
    fn of(runs: &[Run]) -> Medians {
        let all = |f: &dyn Fn(&Run) -> Option<f64>| -> Option<f64> {
            let values: Vec<f64> = runs.iter().filter_map(f).collect();
            if values.len() == runs.len() {
                median(values)
            } else {
                None
            }
        };
        Medians {
            wall: all(&|r| Some(r.wall)).unwrap_or(f64::NAN),
            cpu: all(&|r| r.cpu),
            rss_mb: all(&|r| r.rss_kb.map(|kb| kb as f64 / 1024.0)),
            html: all(&|r| Some(r.html as f64)).unwrap_or(0.0),
            pages_per_s: all(&|r| Some(r.html as f64 / r.wall)).unwrap_or(0.0),
            out_mb: all(&|r| Some(r.bytes as f64 / 1e6)).unwrap_or(0.0),
            stages: STAGES
                .iter()
                .map(|s| all(&|r| r.stages.as_ref()?.get(*s).copied()))
                .collect(),
        }
    }
}

struct SizeResult {
    n: usize,
    sources: usize,
    translations: usize,
    markdown_mb: f64,
    check: String,
    sportello: Medians,
    hugo: Option<(Medians, usize)>,
    /// Wall time of a build over the output of the build before (after one
    /// such build untimed): sportello's and Hugo's.
    rebuild: (f64, Option<f64>),
}

fn opt(value: Option<f64>, width: usize, precision: usize) -> String {
    match value {
        Some(v) => format!("{v:>width$.precision$}"),
        None => format!("{:>width$}", "n/a"),
    }
}

fn ratio(hugo: Option<f64>, ours: Option<f64>) -> String {
    match (hugo, ours) {
        (Some(h), Some(o)) if o > 0.0 => format!("{:.2}x", h / o),
        _ => "n/a".into(),
    }
}

fn print_report(results: &[SizeResult], runs: usize, bin: &Path, hugo_version: Option<&str>, have_time: bool) {
    let cpus = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!();
    println!("sportello build benchmark: median of {runs} run(s) per size, {cpus} CPU(s)");
    println!("  sportello: {}", bin.display());
    println!(
        "  hugo: {}",
        hugo_version.unwrap_or("not on PATH (apt-get install hugo): not compared")
    );
    if !have_time {
        println!("  {TIME} not found (apt-get install time): wall time only");
    }
    for r in results {
        println!(
            "  N={}: {} source pages + {} translations, {:.1} MB of Markdown; check: {}",
            r.n, r.sources, r.translations, r.markdown_mb, r.check
        );
        if let Some((_, files)) = &r.hugo {
            println!(
                "  N={}: the Hugo site has the same {files} content files (no fallback pages, no search index)",
                r.n
            );
        }
    }
    println!();
    println!(
        "{:>6}  {:<15}{:>8}{:>8}{:>13}{:>12}{:>10}{:>11}",
        "N", "tool", "wall s", "cpu s", "peak RSS MB", "HTML pages", "pages/s", "output MB"
    );
    for r in results {
        let s = &r.sportello;
        println!(
            "{:>6}  {:<15}{:>8.2}{}{}{:>12.0}{:>10.0}{:>11.1}",
            r.n,
            "sportello",
            s.wall,
            opt(s.cpu, 8, 2),
            opt(s.rss_mb, 13, 1),
            s.html,
            s.pages_per_s,
            s.out_mb
        );
        if let Some((h, _)) = &r.hugo {
            println!(
                "{:>6}  {:<15}{:>8.2}{}{}{:>12.0}{:>10.0}{:>11.1}",
                r.n,
                "hugo",
                h.wall,
                opt(h.cpu, 8, 2),
                opt(h.rss_mb, 13, 1),
                h.html,
                h.pages_per_s,
                h.out_mb
            );
            println!(
                "{:>6}  {:<15}{:>8}{:>8}{:>13}",
                r.n,
                "hugo/sportello",
                ratio(Some(h.wall), Some(s.wall)),
                ratio(h.cpu, s.cpu),
                ratio(h.rss_mb, s.rss_mb)
            );
        }
    }

    println!();
    println!("rebuild: the third of three builds into the same folder, as when a volunteer rebuilds");
    for r in results {
        let (ours, theirs) = r.rebuild;
        match theirs {
            Some(h) => println!(
                "{:>6}  sportello {ours:.2} s, hugo {h:.2} s, hugo/sportello {}",
                r.n,
                ratio(Some(h), Some(ours))
            ),
            None => println!("{:>6}  sportello {ours:.2} s", r.n),
        }
    }

    println!();
    println!("sportello stages (median ms, from SPORTELLO_TIMINGS=1)");
    print!("{:>6}", "N");
    for stage in STAGES {
        print!("{stage:>9}");
    }
    println!();
    for r in results {
        print!("{:>6}", r.n);
        for value in &r.sportello.stages {
            print!("{}", opt(*value, 9, 0));
        }
        println!();
    }
    if results.iter().all(|r| r.sportello.stages.iter().all(Option::is_none)) {
        println!("  (the binary printed no `timings:` line)");
    }

    println!();
    println!("per source page (a rise from one size to the next is superlinear growth)");
    println!(
        "{:>6}  {:<15}{:>9}{:>16}{:>13}{:>13}",
        "N", "tool", "ms/page", "output KB/page", "RSS KB/page", "cpu ms/page"
    );
    for r in results {
        let n = r.n as f64;
        let row = |tool: &str, m: &Medians| {
            println!(
                "{:>6}  {:<15}{:>9.3}{:>16.1}{}{}",
                r.n,
                tool,
                m.wall * 1000.0 / n,
                m.out_mb * 1000.0 / n,
                opt(m.rss_mb.map(|mb| mb * 1024.0 / n), 13, 1),
                opt(m.cpu.map(|c| c * 1000.0 / n), 13, 3)
            )
        };
        row("sportello", &r.sportello);
        if let Some((h, _)) = &r.hugo {
            row("hugo", h);
        }
    }

    println!();
    println!("budgets (issue 6 sets the 1 s budget at N=1000 and the Hugo ratios at N=10000)");
    for r in results {
        let s = &r.sportello;
        if r.n <= 1000 {
            let ok = s.wall < 1.0;
            println!(
                "  N={}: wall {:.2} s < 1 s: {}",
                r.n,
                s.wall,
                if ok { "ok" } else { "OVER" }
            );
        }
        if let Some((h, _)) = &r.hugo {
            let ok = s.wall <= h.wall / 5.0;
            println!(
                "  N={}: wall {:.2} s <= hugo/5 = {:.2} s: {}",
                r.n,
                s.wall,
                h.wall / 5.0,
                if ok { "ok" } else { "OVER" }
            );
            if let (Some(ours), Some(theirs)) = (s.rss_mb, h.rss_mb) {
                let ok = ours <= theirs / 4.0;
                println!(
                    "  N={}: peak RSS {:.0} MB <= hugo/4 = {:.0} MB: {}",
                    r.n,
                    ours,
                    theirs / 4.0,
                    if ok { "ok" } else { "OVER" }
                );
            }
        }
    }
    if let Some(r) = results.iter().max_by_key(|r| r.n) {
        if r.sportello.wall > 0.0 {
            let per_minute = 60.0 / r.sportello.wall * r.n as f64;
            println!(
                "  at the N={} rate, one build of a minute covers about {:.0} source pages ({:.0} HTML pages)",
                r.n,
                per_minute,
                60.0 * r.sportello.pages_per_s
            );
        }
    }
}

// ---------------------------------------------------------------------------

fn newest_mtime(dir: &Path) -> Option<SystemTime> {
    let mut newest = None;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                stack.push(entry.path());
            } else if let Ok(modified) = meta.modified() {
                newest = newest.max(Some(modified));
            }
        }
    }
    newest
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

fn fail(message: &str) -> ! {
    eprintln!("bench: {message}");
    std::process::exit(1);
}

fn main() {
    let args = Args::parse();
    let root_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !args.bin.is_file() {
        fail(&format!(
            "{} does not exist: build it first with `cargo build --release`",
            args.bin.display()
        ));
    }
    let built = fs::metadata(&args.bin).and_then(|m| m.modified()).ok();
    let sources = ["src", "themes", "crates"]
        .iter()
        .filter_map(|d| newest_mtime(&root_dir.join(d)))
        .max();
    if let (Some(built), Some(sources)) = (built, sources) {
        if sources > built {
            eprintln!(
                "bench: warning: {} is older than src/, themes/ or crates/: run `cargo build --release` to measure the current code",
                args.bin.display()
            );
        }
    }
    let have_time = Path::new(TIME).is_file();
    let hugo = if args.hugo { find_in_path("hugo") } else { None };
    let hugo_version = hugo.as_ref().and_then(|h| {
        let out = Command::new(h).arg("version").output().ok()?;
        Some(String::from_utf8_lossy(&out.stdout).lines().next()?.trim().to_owned())
    });

    let mut results = Vec::new();
    for &n in &args.sizes {
        let tmp = tempfile::Builder::new()
            .prefix(&format!("sportello-bench-{n}-"))
            .tempdir_in(std::env::temp_dir())
            .unwrap_or_else(|err| fail(&format!("cannot make a temporary folder: {err}")));
        let root = tmp.path().to_path_buf();
        let site = root.join("site");
        let time_file = root.join("time.txt");
        let time_file = have_time.then_some(time_file.as_path());

        let started = Instant::now();
        let summary = gen_site::generate(&gen_site::Options {
            pages: n,
            out: site.clone(),
            seed: args.seed,
            photos_every: None,
        })
        .unwrap_or_else(|err| fail(&format!("cannot generate the site: {err}")));
        eprintln!(
            "N={n}: generated {} source pages and {} translations ({:.1} MB) in {:.1} s",
            summary.sources,
            summary.translations,
            summary.bytes as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );

        let envs = [("SPORTELLO_TIMINGS", "1"), ("SPORTELLO_TODAY", TODAY)];
        // `check` once, to report what sportello finds in the generated content.
        let check = Command::new(&args.bin)
            .arg("check")
            .arg("--site")
            .arg(&site)
            .envs(envs)
            .output()
            .unwrap_or_else(|err| fail(&format!("cannot run {}: {err}", args.bin.display())));
        let check_text = format!(
            "{}{}",
            String::from_utf8_lossy(&check.stdout),
            String::from_utf8_lossy(&check.stderr)
        );
        let check_line = check_text
            .lines()
            .rev()
            .find(|l| l.contains("error(s)"))
            .unwrap_or("no summary line")
            .trim()
            .to_owned();
        if !check.status.success() {
            let errors: Vec<&str> = check_text.lines().filter(|l| l.contains("error")).take(20).collect();
            eprintln!("N={n}: sportello check failed:\n{}", errors.join("\n"));
        }

        // Each run builds into a folder of its own, and every run's output is
        // kept until all runs of this size are done. Deleting tens of
        // thousands of files just before a run slows the next one down on
        // some disks (ext4 without a journal skips inodes deleted in the last
        // minute when it allocates), whichever tool runs next.
        let build_args = |out: &Path| -> Vec<OsString> {
            vec![
                "build".into(),
                "--site".into(),
                site.clone().into(),
                "--out".into(),
                out.into(),
            ]
        };
        let timed_builds = TimedBuilds {
            n,
            runs: args.runs,
            root: &root,
            time_file,
        };
        let sportello = Tool {
            name: "sportello",
            program: &args.bin,
            prefix: "public",
            args_for: &build_args,
            envs: &envs,
        };
        let hugo_dir = root.join("hugo");
        let hugo_files = hugo.as_ref().map(|_| {
            write_hugo_site(&site, &hugo_dir).unwrap_or_else(|err| fail(&format!("cannot write the Hugo site: {err}")))
        });
        let hugo_args = |out: &Path| -> Vec<OsString> {
            vec![
                "--quiet".into(),
                "--source".into(),
                hugo_dir.clone().into(),
                "--destination".into(),
                out.into(),
                "--cacheDir".into(),
                root.join("hugo-cache").into(),
            ]
        };
        let hugo_tool = hugo.as_deref().map(|program| Tool {
            name: "hugo",
            program,
            prefix: "hugo-public",
            args_for: &hugo_args,
            envs: &[],
        });
        let mut tools = vec![sportello];
        tools.extend(hugo_tool);
        let mut runs = timed_builds.builds_into_empty_folders(&tools).into_iter();
        let ours = runs.next().unwrap_or_default();
        let theirs = runs
            .next()
            .zip(hugo_files)
            .map(|(runs, files)| (Medians::of(&runs), files));

        let our_rebuild = rebuild_wall(&args.bin, &build_args(&root.join("public-rebuild")), &envs);
        eprintln!("N={n}: sportello rebuild: {our_rebuild:.2} s");
        let hugo_rebuild_wall = hugo.as_deref().map(|hugo| {
            let wall = rebuild_wall(hugo, &hugo_args(&root.join("hugo-public-rebuild")), &[]);
            eprintln!("N={n}: hugo rebuild: {wall:.2} s");
            wall
        });

        results.push(SizeResult {
            n,
            sources: summary.sources,
            translations: summary.translations,
            markdown_mb: summary.bytes as f64 / 1e6,
            check: check_line,
            sportello: Medians::of(&ours),
            hugo: theirs,
            rebuild: (our_rebuild, hugo_rebuild_wall),
        });
        if args.keep {
            let kept = tmp.keep();
            eprintln!("N={n}: kept {}", kept.display());
        }
    }
    print_report(&results, args.runs, &args.bin, hugo_version.as_deref(), have_time);
}
