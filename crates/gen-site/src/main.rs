//! `gen-site`: writes a generated sportello site of N source pages.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use sportello_gen_site::{generate, Options};

/// Writes a deterministic sportello site (it, en, fr, ar) of N source pages
/// into a folder, for benchmarks and tests.
#[derive(Parser)]
#[command(name = "gen-site")]
struct Args {
    /// Source pages besides the home page (at least 10).
    #[arg(long)]
    pages: usize,
    /// The site's folder; its content/, i18n/ and site.yaml are replaced.
    #[arg(long)]
    out: PathBuf,
    /// The same seed and number of pages give the same bytes.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// One page in N gets a photo of about 2 MB beside it, shown in its body.
    #[arg(long, value_name = "N")]
    photos_every: Option<usize>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let started = Instant::now();
    let options = Options {
        pages: args.pages,
        out: args.out,
        seed: args.seed,
        photos_every: args.photos_every,
    };
    match generate(&options) {
        Ok(summary) => {
            println!(
                "generated {} source pages and {} translations ({:.1} MB), {} photos ({:.1} MB) into {} in {:.2} s",
                summary.sources,
                summary.translations,
                summary.bytes as f64 / 1e6,
                summary.photos,
                summary.photo_bytes as f64 / 1e6,
                options.out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("gen-site: {err}");
            ExitCode::FAILURE
        }
    }
}
