//! Write: the rendered files go into a folder beside the output, which then
//! takes the output's place, so a failed build never leaves a half-written
//! site and the previous one stays until the new one is complete.
//!
//! The output a build replaces is kept beside it (`.public.previous`), and
//! the next build writes into that folder: a file whose content has not
//! changed is left as it is, others are rewritten, and files the new build
//! does not make are removed before the swap. Creating and deleting tens of
//! thousands of files is what a large rebuild spends most of its time on, on
//! some disks; this way it creates and deletes only what changed.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diagnostics::{Code, Diagnostic};

/// A file of the published site, relative to the output folder.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where the stages hand each file as soon as it is made, so that a build
/// never holds the whole site in memory.
pub type Sink<'a> = &'a (dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync);

/// What a build wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    pub files: usize,
    /// HTML pages among the files.
    pub pages: usize,
    pub bytes: u64,
}

impl Written {
    /// Counts one file.
    pub fn count(&mut self, path: &str, size: usize) {
        self.files += 1;
        self.pages += usize::from(path.ends_with(".html"));
        self.bytes += size as u64;
    }
}

/// Why the output folder could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{0} holds a portal's sources (site.yaml or content/): refusing to replace it with the generated site; choose another --out folder")]
    WouldReplaceSources(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

impl OutputError {
    /// The problem as a volunteer reads it, about the output folder `out`.
    pub fn diagnostic(&self, out: &Path) -> Diagnostic {
        match self {
            OutputError::WouldReplaceSources(folder) => {
                Diagnostic::new(Code::OutputRefused, out, 0).arg("folder", folder.display().to_string())
            }
            OutputError::Io { path, source } => {
                Diagnostic::new(Code::OutputWriteFailed, out, 0).arg("detail", format!("{}: {source}", path.display()))
            }
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Refuses an output folder that would swallow a site's sources.
pub fn check_output_folder(out: &Path, site: &Path) -> Result<(), OutputError> {
    let out_abs = absolute(out);
    let site_abs = absolute(site);
    if site_abs.starts_with(&out_abs)
        || out_abs.starts_with(site_abs.join("content"))
        || out.join("site.yaml").exists()
        || out.join("content").is_dir()
    {
        return Err(OutputError::WouldReplaceSources(out.to_path_buf()));
    }
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    })
}

/// The folder beside the output that files are written into as they are
/// made: the previous output when there is one, else a fresh folder.
/// `finish` puts it in the output's place. Dropped unfinished (a build that
/// failed), it goes back to being the previous output, or is removed, and
/// the output stays as it was.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    /// The previous output's folder, where the replaced output goes.
    previous: PathBuf,
    /// Written into the previous output: the files of this build, so that
    /// the others can be removed.
    recycled: Option<Mutex<HashSet<String>>>,
    finished: bool,
}

impl Staging {
    pub fn begin(out: &Path) -> Result<Self, OutputError> {
        let (name, parent) = name_and_parent(out);
        let parent = parent.as_path();
        std::fs::create_dir_all(parent).map_err(io_err(parent))?;
        let dir = parent.join(format!(".{name}.new-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(io_err(&dir))?;
        }
        let previous = parent.join(format!(".{name}.previous"));
        // A rename claims the previous output: of two builds at once, one
        // gets it and the other starts afresh.
        let recycled = match std::fs::rename(&previous, &dir) {
            Ok(()) => Some(Mutex::new(HashSet::new())),
            Err(_) => {
                std::fs::create_dir_all(&dir).map_err(io_err(&dir))?;
                None
            }
        };
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            previous,
            recycled,
            finished: false,
        })
    }

    /// Writes one file, unless the folder holds it already with the same
    /// content; safe to call from many threads at once.
    pub fn put(&self, file: &OutputFile) -> Result<(), OutputError> {
        let path = self.dir.join(&file.path);
        if let Some(kept) = &self.recycled {
            kept.lock().unwrap_or_else(|e| e.into_inner()).insert(file.path.clone());
            if std::fs::read(&path).is_ok_and(|old| old == file.bytes) {
                return Ok(());
            }
        }
        if let Err(err) = std::fs::write(&path, &file.bytes) {
            if err.kind() != io::ErrorKind::NotFound {
                return Err(OutputError::Io { path, source: err });
            }
            let parent = path.parent().unwrap_or(&self.dir);
            std::fs::create_dir_all(parent).map_err(io_err(parent))?;
            std::fs::write(&path, &file.bytes).map_err(io_err(&path))?;
        }
        Ok(())
    }

    /// Removes what an earlier build left that this one did not make, then
    /// puts the folder in the place of the output.
    pub fn finish(mut self) -> Result<(), OutputError> {
        if let Some(kept) = self.recycled.take() {
            let kept = kept.into_inner().unwrap_or_else(|e| e.into_inner());
            remove_all_but(&self.dir, &kept)?;
        }
        swap_in(&self.dir, &self.out, &self.previous)?;
        self.finished = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        // A failed build: the folder it wrote into is the next one's start.
        if self.previous.exists() || std::fs::rename(&self.dir, &self.previous).is_err() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Removes every file under `dir` whose path (relative, '/'-separated) is
/// not in `kept`, and the folders left empty.
fn remove_all_but(dir: &Path, kept: &HashSet<String>) -> Result<(), OutputError> {
    prune(dir, "", kept).map(|_| ())
}

/// Removes from `dir` (at `relative` below the output) every file not in
/// `kept` and every folder left empty, folders side by side in parallel.
/// Returns whether anything is left in `dir`.
fn prune(dir: &Path, relative: &str, kept: &HashSet<String>) -> Result<bool, OutputError> {
    let entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)
        .and_then(|entries| entries.collect::<io::Result<_>>())
        .map_err(io_err(dir))?;
    let left = entries
        .par_iter()
        .map(|entry| {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let relative = if relative.is_empty() {
                name.into_owned()
            } else {
                format!("{relative}/{name}")
            };
            if entry.file_type().map_err(io_err(&path))?.is_dir() {
                let left = prune(&path, &relative, kept)?;
                if !left {
                    std::fs::remove_dir(&path).map_err(io_err(&path))?;
                }
                Ok(left)
            } else if kept.contains(&relative) {
                Ok(true)
            } else {
                std::fs::remove_file(&path).map_err(io_err(&path))?;
                Ok(false)
            }
        })
        .collect::<Result<Vec<bool>, OutputError>>()?;
    Ok(left.contains(&true))
}

/// Writes `files` into `out`, replacing it whole. Returns the bytes written.
pub fn write_site(out: &Path, files: &[OutputFile]) -> Result<u64, OutputError> {
    let staging = Staging::begin(out)?;
    files.par_iter().try_for_each(|file| staging.put(file))?;
    staging.finish()?;
    Ok(files.iter().map(|f| f.bytes.len() as u64).sum())
}

/// Writes `files` over the existing ones in `out`, for a server's private
/// folder that is updated a few files at a time.
pub fn write_in_place(out: &Path, files: &[OutputFile]) -> Result<u64, OutputError> {
    files
        .par_iter()
        .map(|file| {
            let path = out.join(&file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(io_err(parent))?;
            }
            if std::fs::read(&path).map(|old| old == file.bytes).unwrap_or(false) {
                return Ok(0);
            }
            std::fs::write(&path, &file.bytes).map_err(io_err(&path))?;
            Ok(file.bytes.len() as u64)
        })
        .sum()
}

/// Puts `staging` in the place of `out`, and `out` in the place of the
/// previous output. Should another build have left a previous output
/// meanwhile, the old folder is renamed out of the way rather than deleted:
/// deleting many files is slow on some disks (ext4 with online discard
/// takes seconds per thousand), so the next build sweeps it while it works
/// (`sweep_old_outputs`).
fn swap_in(staging: &Path, out: &Path, previous: &Path) -> Result<(), OutputError> {
    if out.exists() {
        let old = if previous.exists() {
            old_output_name(out)
        } else {
            previous.to_path_buf()
        };
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(io_err(&old))?;
        }
        std::fs::rename(out, &old).map_err(io_err(out))?;
        if let Err(source) = std::fs::rename(staging, out) {
            let _ = std::fs::rename(&old, out);
            return Err(OutputError::Io {
                path: out.to_path_buf(),
                source,
            });
        }
    } else {
        std::fs::rename(staging, out).map_err(io_err(out))?;
    }
    Ok(())
}

fn old_output_name(out: &Path) -> PathBuf {
    let (name, parent) = name_and_parent(out);
    parent.join(format!(".{name}.old-{}", std::process::id()))
}

/// The output folder's name and the folder it is in.
fn name_and_parent(out: &Path) -> (String, PathBuf) {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    (name, parent)
}

/// Deletes, on a thread of its own, the folders earlier builds moved out of
/// the way (`.public.old-*` beside `out`) and those builds that were killed
/// were writing into (`.public.new-<pid>` of a process no longer running).
/// Join it before the process ends.
pub fn sweep_old_outputs(out: &Path) -> std::thread::JoinHandle<()> {
    let (name, parent) = name_and_parent(out);
    let old = format!(".{name}.old-");
    let staging = format!(".{name}.new-");
    std::thread::spawn(move || {
        let Ok(entries) = std::fs::read_dir(&parent) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let file_name = entry.file_name();
            let file_name = file_name.to_string_lossy();
            // The staging folder of a build that was killed (Ctrl+C, a
            // closed terminal, a machine switched off) before it finished.
            let abandoned = file_name
                .strip_prefix(&staging)
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| pid != std::process::id() && !crate::process::is_running(pid));
            if file_name.starts_with(&old) || abandoned {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn files_under(dir: &Path) -> Vec<String> {
        let mut found: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn replaces_the_output_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("old")).unwrap();
        std::fs::write(out.join("old/stale.html"), "x").unwrap();
        write_site(&out, &[file("it/index.html", "hi")]).unwrap();
        assert_eq!(files_under(&out), ["it", "it/index.html"]);
        sweep_old_outputs(&out).join().unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".public.previous", "public"], "no staging folder left behind");
    }

    #[test]
    fn a_rebuild_writes_into_the_previous_output_and_drops_what_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a/index.html", "A1"), file("b/index.html", "B1")]).unwrap();
        write_site(&out, &[file("a/index.html", "A2"), file("c/index.html", "C2")]).unwrap();
        let previous = dir.path().join(".public.previous");
        assert_eq!(files_under(&previous), ["a", "a/index.html", "b", "b/index.html"]);
        write_site(&out, &[file("a/index.html", "A1"), file("d/x/index.html", "D3")]).unwrap();
        assert_eq!(files_under(&out), ["a", "a/index.html", "d", "d/x", "d/x/index.html"]);
        assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "A1");
        assert_eq!(std::fs::read_to_string(out.join("d/x/index.html")).unwrap(), "D3");
        assert_eq!(files_under(&previous), ["a", "a/index.html", "c", "c/index.html"]);
    }

    #[test]
    fn a_failed_build_leaves_the_output_and_keeps_its_folder_for_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a/index.html", "A1")]).unwrap();
        write_site(&out, &[file("a/index.html", "A2")]).unwrap();
        {
            let staging = Staging::begin(&out).unwrap();
            staging.put(&file("a/index.html", "half")).unwrap();
            // Dropped unfinished: the build failed.
        }
        assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "A2");
        assert!(dir.path().join(".public.previous").is_dir());
        write_site(&out, &[file("b/index.html", "B")]).unwrap();
        assert_eq!(files_under(&out), ["b", "b/index.html"]);
    }

    #[test]
    fn refuses_to_replace_sources() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), "x").unwrap();
        assert!(check_output_folder(dir.path(), dir.path()).is_err());
        assert!(check_output_folder(&dir.path().join("content/x"), dir.path()).is_err());
        assert!(check_output_folder(&dir.path().join("public"), dir.path()).is_ok());
    }
}
