//! Other processes of sportello: whether one still runs, so that the
//! folders a killed build or server left behind can be told from those of
//! one at work.

/// Whether a process with this id runs. Where that cannot be told, it is
/// taken to run, and its folder is kept.
pub fn is_running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let found = unsafe { libc::kill(pid, 0) } == 0;
        found || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}
