//! Measuring one build: its wall time, and under `/usr/bin/time` its CPU
//! time and peak memory; builds of one size, each into a folder of its own.

use std::collections::HashMap;
use std::ffi::OsString;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::fail;

/// Measures CPU time and peak memory (Debian package `time`).
pub const TIME: &str = "/usr/bin/time";

/// One build, measured.
pub struct Run {
    pub wall: f64,
    pub cpu: Option<f64>,
    pub rss_kb: Option<u64>,
    /// Stage timings in ms (sportello only, when it prints them).
    pub stages: Option<HashMap<String, f64>>,
    pub html: usize,
    pub bytes: u64,
}

struct Timed {
    wall: f64,
    cpu: Option<f64>,
    rss_kb: Option<u64>,
    stderr: String,
}

/// Builds of one size, each into an empty folder of its own.
pub struct TimedBuilds<'a> {
    pub n: usize,
    pub runs: usize,
    pub root: &'a Path,
    pub time_file: Option<&'a Path>,
}

/// A tool to time: how to run it, and the prefix of its output folders.
pub struct Tool<'a> {
    pub name: &'a str,
    pub program: &'a Path,
    pub prefix: &'a str,
    pub args_for: &'a dyn Fn(&Path) -> Vec<OsString>,
    pub envs: &'a [(&'a str, &'a str)],
}

impl TimedBuilds<'_> {
    /// `runs` builds by each tool, into `<root>/<prefix>-1`, `-2`, …, the
    /// tools taking turns (first run of each, then the second…), so that a
    /// machine getting faster or slower during the runs weighs on every
    /// tool alike. Returns the runs of each tool, in the order of `tools`.
    pub fn builds_into_empty_folders(&self, tools: &[Tool]) -> Vec<Vec<Run>> {
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
pub fn rebuild_wall(program: &Path, args: &[OsString], envs: &[(&str, &str)]) -> f64 {
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
    let (mut html, mut bytes) = (0, 0);
    for file in files_under(dir) {
        bytes += file.metadata().map_or(0, |meta| meta.len());
        if file.path().extension().is_some_and(|e| e == "html") {
            html += 1;
        }
    }
    (html, bytes)
}

/// The files under `dir`, at any depth; what cannot be read is skipped.
pub fn files_under(dir: &Path) -> impl Iterator<Item = walkdir::DirEntry> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
}

pub fn remove(dir: &Path) {
    if dir.exists() {
        let _ = fs::remove_dir_all(dir);
    }
}
