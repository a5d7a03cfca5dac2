//! The command line: arguments in, exit code out.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use mimalloc::MiMalloc;
use sportello::diagnostics::Diagnostics;

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
    /// Write nothing; list errors and warnings; exit 1 on errors, 0 otherwise.
    Check {
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// text for people, json for scripts.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
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
        /// The section (comuni, offices, services, procedures, glossary, pages), or <section>/<slug> with --translate.
        section: String,
        /// The new page's file name, without .md.
        slug: Option<String>,
    },
    /// Start a new portal in DIR: site.yaml, i18n files, one example page a section.
    Init { dir: PathBuf },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    without_huge_pages();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let today = sportello::build::today().to_string();
    match cli.command {
        Command::Build { site, out } => {
            let out = out.unwrap_or_else(|| site.join("public"));
            let report = sportello::build(&site, &out);
            print_diagnostics(&report.diagnostics);
            let t = &report.timings;
            if std::env::var_os("SPORTELLO_TIMINGS").is_some() {
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
                let total = t.load + t.parse + t.resolve + t.render + t.index + t.write;
                println!(
                    "built {} pages ({} files, {:.1} MB) into {} in {} ms",
                    report.pages,
                    report.files,
                    report.bytes as f64 / 1_000_000.0,
                    out.display(),
                    total.as_millis()
                );
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!(
                    "build failed: {} error(s); {} was left as it was",
                    report.diagnostics.error_count(),
                    out.display()
                );
                Ok(ExitCode::FAILURE)
            }
        }
        Command::Check { site, format, strict } => {
            let checked = sportello::check(&site);
            let status = checked
                .site
                .as_ref()
                .zip(checked.strings.as_ref())
                .map(|(s, _)| sportello::status::TranslationStatus::of(s));
            if format == Format::Json {
                let json = serde_json::json!({
                    "errors": checked.diagnostics.error_count(),
                    "warnings": checked.diagnostics.warning_count(),
                    "diagnostics": checked.diagnostics.iter().collect::<Vec<_>>(),
                    "translations": status,
                });
                println!("{}", serde_json::to_string_pretty(&json)?);
            } else {
                print_diagnostics(&checked.diagnostics);
                if let Some(status) = &status {
                    print!("{}", status.summary());
                }
                println!(
                    "{} error(s), {} warning(s)",
                    checked.diagnostics.error_count(),
                    checked.diagnostics.warning_count()
                );
            }
            let failed = checked.diagnostics.has_errors() || (strict && checked.diagnostics.warning_count() > 0);
            Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Serve { site, port, bind } => {
            sportello::serve::run(&site, &bind, port)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            translate,
            site,
            section,
            slug,
        } => {
            let path = match (translate, slug) {
                (Some(lang), None) => sportello::scaffold::new_translation(&site, &lang, &section, &today)?,
                (None, Some(slug)) => sportello::scaffold::new_page(&site, &section, &slug, &today)?,
                (Some(_), Some(_)) => anyhow::bail!("with --translate, name the page as <section>/<slug>, for example: sportello new --translate en procedures/codice-fiscale"),
                (None, None) => anyhow::bail!("name the new page: sportello new <section> <slug>, for example: sportello new procedures rinnovo-permesso"),
            };
            println!("created {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { dir } => {
            let written = sportello::scaffold::init(&dir, &today)?;
            println!(
                "started a new portal in {} ({} files). Next: sportello build --site {}",
                dir.display(),
                written.len(),
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_diagnostics(diagnostics: &Diagnostics) {
    for diagnostic in diagnostics.iter() {
        eprintln!("{diagnostic}");
    }
}
