//! The image benchmark: the same generated portal built without photos,
//! with one page in ten carrying a photo of about 2 MB and an empty image
//! cache (every photo decoded, resized and encoded), and with the cache of
//! the previous build (nothing resized). Each build goes into an empty
//! folder; the median of the runs is printed, with the share the photos
//! add to the build without them.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example bench_photos -- [--pages 1000] [--every 10] [--runs 3]
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use clap::Parser;
use sportello_gen_site as gen_site;

/// Builds of a generated portal without photos, with a cold image cache and
/// with a warm one.
#[derive(Parser)]
#[command(name = "bench_photos")]
struct Args {
    /// Source pages of the generated portal (4 languages).
    #[arg(long, default_value_t = 1000)]
    pages: usize,
    /// One page in this many has a photo.
    #[arg(long, default_value_t = 10)]
    every: usize,
    /// Builds of each kind; the median is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// The sportello binary to measure.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/sportello"))]
    bin: PathBuf,
}

/// The day review flags are computed for, so that every run renders the same pages.
const TODAY: &str = "2026-12-01";

fn main() {
    let args = Args::parse();
    assert!(
        args.bin.is_file(),
        "build the release binary first: cargo build --release"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let generate = |name: &str, photos_every| {
        let site = dir.path().join(name);
        let summary = gen_site::generate(&gen_site::Options {
            pages: args.pages,
            out: site.clone(),
            seed: 42,
            photos_every,
        })
        .expect("generate");
        (site, summary)
    };
    let (plain, _) = generate("plain", None);
    let (photos, summary) = generate("photos", Some(args.every));
    eprintln!(
        "{} source pages; {} photos of {:.1} MB on average",
        summary.sources,
        summary.photos,
        summary.photo_bytes as f64 / summary.photos.max(1) as f64 / 1e6
    );

    let mut run = 0;
    let mut build = |site: &Path| -> f64 {
        run += 1;
        let out = dir.path().join(format!("public-{run}"));
        let started = Instant::now();
        let status = Command::new(&args.bin)
            .args(["build", "--site"])
            .arg(site)
            .arg("--out")
            .arg(&out)
            .env("SPORTELLO_TODAY", TODAY)
            .output()
            .expect("run sportello");
        let wall = started.elapsed().as_secs_f64();
        assert!(
            status.status.success(),
            "build of {} failed:\n{}",
            site.display(),
            String::from_utf8_lossy(&status.stderr)
        );
        wall
    };
    let cache = photos.join(".sportello-cache");
    let (mut without, mut cold, mut warm) = (Vec::new(), Vec::new(), Vec::new());
    // The kinds take turns, so that a machine slowing down weighs on all.
    for _ in 0..args.runs {
        without.push(build(&plain));
        if cache.exists() {
            std::fs::remove_dir_all(&cache).expect("empty the image cache");
        }
        cold.push(build(&photos));
        warm.push(build(&photos));
    }
    let (without, cold, warm) = (median(without), median(cold), median(warm));
    println!(
        "| build ({} pages, a photo on 1 in {}) | wall time, median of {} | vs. no photos |",
        args.pages, args.every, args.runs
    );
    println!("|---|---:|---:|");
    println!("| no photos | {without:.2} s | |");
    println!(
        "| photos, empty cache | {cold:.2} s | {:+.0}% |",
        (cold / without - 1.0) * 100.0
    );
    println!(
        "| photos, cache of the last build | {warm:.2} s | {:+.1}% |",
        (warm / without - 1.0) * 100.0
    );
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
