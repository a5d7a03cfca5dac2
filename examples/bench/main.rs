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

mod hugo_site;
mod report;
mod timing;

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime};

use clap::{ArgAction, Parser};
use sportello_gen_site as gen_site;

use hugo_site::write_hugo_site;
use report::{print_report, Medians, SizeResult};
use timing::{files_under, rebuild_wall, TimedBuilds, Tool, TIME};

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

fn newest_mtime(dir: &Path) -> Option<SystemTime> {
    files_under(dir)
        .filter_map(|file| file.metadata().ok()?.modified().ok())
        .max()
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
