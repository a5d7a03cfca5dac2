//! Statistics and the report: the medians of each tool's runs, their
//! ratios, the stages and the budgets.

use std::path::Path;

use crate::timing::{Run, TIME};

/// The stages sportello reports with `SPORTELLO_TIMINGS=1`.
const STAGES: [&str; 6] = ["load", "parse", "resolve", "render", "index", "write"];

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
pub struct Medians {
    wall: f64,
    cpu: Option<f64>,
    rss_mb: Option<f64>,
    html: f64,
    pages_per_s: f64,
    out_mb: f64,
    stages: Vec<Option<f64>>,
}

impl Medians {
    pub fn of(runs: &[Run]) -> Medians {
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

pub struct SizeResult {
    pub n: usize,
    pub sources: usize,
    pub translations: usize,
    pub markdown_mb: f64,
    pub check: String,
    pub sportello: Medians,
    pub hugo: Option<(Medians, usize)>,
    /// Wall time of a build over the output of the build before (after one
    /// such build untimed): sportello's and Hugo's.
    pub rebuild: (f64, Option<f64>),
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

/// One tool's medians at one size, as a row of the table.
fn print_row(n: usize, tool: &str, m: &Medians) {
    println!(
        "{:>6}  {:<15}{:>8.2}{}{}{:>12.0}{:>10.0}{:>11.1}",
        n,
        tool,
        m.wall,
        opt(m.cpu, 8, 2),
        opt(m.rss_mb, 13, 1),
        m.html,
        m.pages_per_s,
        m.out_mb
    );
}

pub fn print_report(results: &[SizeResult], runs: usize, bin: &Path, hugo_version: Option<&str>, have_time: bool) {
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
        print_row(r.n, "sportello", s);
        if let Some((h, _)) = &r.hugo {
            print_row(r.n, "hugo", h);
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
