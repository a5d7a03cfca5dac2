//! The command line: arguments in, exit code out.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use mimalloc::MiMalloc;
use sportello::content::LangCode;
use sportello::diagnostics::{Code, Diagnostic, Diagnostics};
use sportello::messages::{Messages, ToolLanguage};
use sportello::scaffold::ScaffoldError;
use sportello::status::{ReportOptions, TranslationStatus};

/// A build allocates many small strings on every core at once: mimalloc
/// serves that far better than the system allocator.
#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

/// Transparent huge pages make the kernel compact memory while a build
/// allocates, which costs more than it saves: a build of 1,000 pages spends
/// a tenth of its time there and uses a fifth more memory. Only this process
/// is concerned.
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and changes
    // nothing but this process's memory policy; a failure leaves it as it was.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[derive(Parser)]
#[command(
    name = "sportello",
    version,
    about = "Build a multilingual help-desk portal from Markdown guides"
)]
struct Cli {
    /// The language sportello speaks to you (it, en); by default site.yaml's
    /// `tool_language`, then your system's language.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into DIR (default public/); exit 1 on any error, all errors listed.
    Build {
        /// The portal's folder (with site.yaml).
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// Where to write the site.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write nothing; list errors, warnings and the translation status; exit 1 on errors.
    Check {
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// text for people, json for scripts.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
        /// List every page of every list, and the unchecked interface strings.
        #[arg(long)]
        verbose: bool,
        /// The translation status of this language only.
        #[arg(long, value_name = "LANG")]
        lang_status: Option<String>,
    },
    /// Build, serve on 127.0.0.1, rebuild and reload on every save.
    Serve {
        #[arg(long, default_value = ".")]
        site: PathBuf,
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The address to listen on; only 127.0.0.1 unless you say otherwise.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
    },
    /// Start a new page from a template: `new procedures rinnovo-permesso`,
    /// or a translation: `new --translate en procedures/rinnovo-permesso`.
    New {
        /// Make a translation into this language of the page given as <section>/<slug>.
        #[arg(long, value_name = "LANG")]
        translate: Option<String>,
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// The section (comuni, offices, services, procedures, glossary, news, pages), or <section>/<slug> with --translate.
        section: String,
        /// The new page's file name, without .md.
        slug: Option<String>,
    },
    /// Start a new portal in DIR that builds at once.
    Init {
        dir: PathBuf,
        /// The portal's languages, the source first: --languages it,bn,ro
        #[arg(long, value_delimiter = ',', default_value = "it,en,fr,ar,uk")]
        languages: Vec<String>,
    },
    /// Add a language to a portal: site.yaml, and an i18n file only if the theme does not speak it.
    AddLanguage {
        /// The language's two-letter code, for example ps.
        lang: String,
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    without_huge_pages();
    let cli = Cli::parse();
    if let Some(lang) = &cli.lang {
        match ToolLanguage::from_code(lang) {
            Some(lang) => ToolLanguage::set_command_line(lang),
            None => {
                let d = Diagnostic::new(Code::UnknownToolLanguage, "--lang", 0)
                    .arg("lang", lang.as_str())
                    .arg(
                        "languages",
                        ToolLanguage::all()
                            .map(ToolLanguage::code)
                            .collect::<Vec<_>>()
                            .join(", "),
                    );
                eprintln!("{d}");
                return ExitCode::FAILURE;
            }
        }
    }
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{err:#}");
            ExitCode::FAILURE
        }
    }
}

/// The messages for the portal in `site`: `--lang`, else its
/// `tool_language`, else the environment's language.
fn messages_for(site: &Path) -> &'static Messages {
    let tool_language = sportello::config::load_site_config(site)
        .ok()
        .and_then(|config| config.tool_language);
    Messages::of(ToolLanguage::for_site(tool_language.as_deref()))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let today = sportello::build::today().to_string();
    match cli.command {
        Command::Build { site, out } => {
            let messages = messages_for(&site);
            let out = out.unwrap_or_else(|| site.join("public"));
            let report = sportello::build(&site, &out);
            print_diagnostics(&report.diagnostics, messages);
            let t = &report.timings;
            if std::env::var_os("SPORTELLO_TIMINGS").is_some() {
                // not for volunteers: stage timings for the benchmark
                eprintln!(
                    "timings: load={} parse={} resolve={} render={} index={} write={}",
                    t.load.as_millis(),
                    t.parse.as_millis(),
                    t.resolve.as_millis(),
                    t.render.as_millis(),
                    t.index.as_millis(),
                    t.write.as_millis()
                );
            }
            if report.succeeded() {
                let megabytes = format!("{:.1}", report.bytes as f64 / 1_000_000.0);
                let line = messages.text(
                    "build-done",
                    &[
                        ("pages", report.pages.into()),
                        ("files", report.files.into()),
                        ("megabytes", megabytes.into()),
                        ("folder", out.display().to_string().into()),
                        ("ms", (t.total().as_millis() as usize).into()),
                    ],
                );
                println!("{line}");
                Ok(ExitCode::SUCCESS)
            } else {
                let line = messages.text(
                    "build-failed",
                    &[
                        ("errors", report.diagnostics.error_count().into()),
                        ("folder", out.display().to_string().into()),
                    ],
                );
                eprintln!("{line}");
                Ok(ExitCode::FAILURE)
            }
        }
        Command::Check {
            site,
            format,
            strict,
            verbose,
            lang_status,
        } => {
            let messages = messages_for(&site);
            let checked = sportello::check(&site);
            let status = checked.site.as_ref().map(TranslationStatus::of);
            let only = match lang_status {
                Some(code) => {
                    let known: Vec<String> = status
                        .as_ref()
                        .map(|s| s.languages.iter().map(ToString::to_string).collect())
                        .unwrap_or_default();
                    match LangCode::parse(&code).ok().filter(|c| known.contains(&c.to_string())) {
                        Some(lang) => Some(lang),
                        None => {
                            let line = messages.text(
                                "unknown-status-language",
                                &[("lang", code.into()), ("languages", known.join(", ").into())],
                            );
                            eprintln!("{line}");
                            return Ok(ExitCode::FAILURE);
                        }
                    }
                }
                None => None,
            };
            let counts = [
                ("errors", checked.diagnostics.error_count().into()),
                ("warnings", checked.diagnostics.warning_count().into()),
            ];
            if format == Format::Json {
                let unreviewed: serde_json::Map<String, serde_json::Value> = match (&status, &checked.strings) {
                    (Some(status), Some(strings)) => status
                        .languages
                        .iter()
                        .map(|lang| (lang.to_string(), serde_json::json!(strings.unreviewed(lang))))
                        .collect(),
                    _ => Default::default(),
                };
                let json = serde_json::json!({
                    "errors": checked.diagnostics.error_count(),
                    "warnings": checked.diagnostics.warning_count(),
                    "diagnostics": checked.diagnostics.iter().map(|d| d.to_json(messages)).collect::<Vec<_>>(),
                    "translations": status,
                    "unreviewed_interface_strings": unreviewed,
                });
                println!("{}", serde_json::to_string_pretty(&json)?);
            } else {
                print_diagnostics(&checked.diagnostics, messages);
                if let Some(status) = &status {
                    let options = ReportOptions { verbose, only };
                    print!("{}", status.report(checked.strings.as_ref(), messages, &options));
                }
                println!("{}", messages.text("check-summary", &counts));
            }
            let failed = checked.diagnostics.has_errors() || (strict && checked.diagnostics.warning_count() > 0);
            Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Serve { site, port, bind } => {
            let messages = messages_for(&site);
            sportello::serve::run(&site, &bind, port, messages)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            translate,
            site,
            section,
            slug,
        } => {
            let messages = messages_for(&site);
            let made = match (translate, slug) {
                (Some(lang), None) => sportello::scaffold::new_translation(&site, &lang, &section, &today, messages),
                (None, Some(slug)) => sportello::scaffold::new_page(&site, &section, &slug, &today, messages),
                (Some(_), Some(_)) => Err(ScaffoldError::SlugWithTranslate),
                (None, None) => Err(ScaffoldError::NameThePage),
            };
            match made {
                Ok(path) => {
                    println!(
                        "{}",
                        messages.text("new-created", &[("path", path.display().to_string().into())])
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(err) => {
                    eprintln!("{}", err.message(messages));
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::Init { dir, languages } => {
            let messages = Messages::of(ToolLanguage::for_site(None));
            match sportello::scaffold::init(&dir, &languages, &today, messages) {
                Ok(written) => {
                    let line = messages.text(
                        "init-done",
                        &[
                            ("folder", dir.display().to_string().into()),
                            ("files", written.len().into()),
                        ],
                    );
                    println!("{line}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(err) => {
                    eprintln!("{}", err.message(messages));
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::AddLanguage { lang, site } => {
            let messages = messages_for(&site);
            match sportello::scaffold::add_language(&site, &lang) {
                Ok(file) => {
                    let line = messages.text(
                        "add-language-done",
                        &[
                            ("lang", lang.into()),
                            ("folder", site.display().to_string().into()),
                            (
                                "file",
                                file.map_or_else(|| "none".to_owned(), |f| f.display().to_string())
                                    .into(),
                            ),
                        ],
                    );
                    println!("{line}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(err) => {
                    eprintln!("{}", err.message(messages));
                    Ok(ExitCode::FAILURE)
                }
            }
        }
    }
}

fn print_diagnostics(diagnostics: &Diagnostics, messages: &Messages) {
    for diagnostic in diagnostics.iter() {
        eprintln!("{}", diagnostic.render(messages));
    }
}
