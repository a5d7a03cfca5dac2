//! Write: the rendered files go into a fresh folder beside the output, which
//! then takes the output's place, so a failed build never leaves a half-
//! written site and the previous one stays until the new one is complete.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::OutputFile;

/// Why the output folder could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{0} holds a portal's sources (site.yaml or content/): refusing to replace it with the generated site; choose another --out folder")]
    WouldReplaceSources(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
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

/// A fresh folder beside the output that files are written into as they
/// are made; `finish` puts it in the output's place. Dropped unfinished (a
/// build that failed), it is removed and the output stays as it was.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
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
        std::fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            finished: false,
        })
    }

    /// Writes one file; safe to call from many threads at once.
    pub fn put(&self, file: &OutputFile) -> Result<(), OutputError> {
        let path = self.dir.join(&file.path);
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

    /// Puts the new folder in the place of the output.
    pub fn finish(mut self) -> Result<(), OutputError> {
        swap_in(&self.dir, &self.out)?;
        self.finished = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
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

/// Puts `staging` in the place of `out`. The old folder is renamed out of
/// the way, not deleted: deleting many files is slow on some disks (ext4
/// with online discard takes seconds per thousand), so the next build sweeps
/// it while it works (`sweep_old_outputs`).
fn swap_in(staging: &Path, out: &Path) -> Result<(), OutputError> {
    if out.exists() {
        let old = old_output_name(out);
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
/// the way (`.public.old-*` beside `out`). Join it before the process ends.
pub fn sweep_old_outputs(out: &Path) -> std::thread::JoinHandle<()> {
    let (name, parent) = name_and_parent(out);
    let prefix = format!(".{name}.old-");
    std::thread::spawn(move || {
        let Ok(entries) = std::fs::read_dir(&parent) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_output_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("old")).unwrap();
        std::fs::write(out.join("old/stale.html"), "x").unwrap();
        let files = vec![OutputFile {
            path: "it/index.html".into(),
            bytes: b"hi".to_vec(),
        }];
        write_site(&out, &files).unwrap();
        assert!(out.join("it/index.html").exists());
        assert!(!out.join("old").exists());
        sweep_old_outputs(&out).join().unwrap();
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging or old folder left behind once swept");
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
