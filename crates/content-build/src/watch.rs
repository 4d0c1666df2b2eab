//! `content-build --watch`: the content build beside `trunk serve` (see `scripts/serve`),
//! so that an author's saved release shows in the open tab within a second or two.
//!
//! Why not Trunk's own watcher: every change it sees rebuilds everything, the WASM
//! included, and its build runs the whole content build again: 3.2 s from save to
//! screen with 15 releases. Trunk now watches the app's code only; this watches
//! `content/` and, after each save, builds again from what it kept of the last build:
//! - release files whose bytes did not change are not parsed again (`content::Kept`);
//! - pages whose JSON did not change are not drawn again (`built_site::Drawn`);
//! - files whose bytes did not change are not written again (`output::Written`).
//!
//! The cross-file checks, the JSON, feeds and sitemap are made whole each time, so the
//! result is the build from scratch (a test checks it). At 10,000 releases a saved
//! release is rebuilt in 0.59-0.75 s (8 pages drawn, 14 files written) where the
//! watcher's first build takes 2.7 s and `trunk build` would run all of it and the WASM
//! build; docs/benchmarks.md has the time from save to screen.
//!
//! It draws pages with the shell Trunk's hook kept (`--shell`, written by `output::build`
//! after each of Trunk's builds) and starts again from it whenever Trunk rebuilds. After
//! writing, it writes `live_reload::RELOAD_FILE`, which the open page watches. A build
//! with mistakes prints them, `file:line:column` each, and writes nothing: the last good
//! site stays served.

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode, Watcher};

use crate::address::SiteAddress;
use crate::built_site::Drawn;
use crate::content::{self, Kept, Options};
use crate::error::ContentError;
use crate::live_reload::{reload_file_contents, RELOAD_FILE};
use crate::output::{self, Written};

/// How long to wait after a change for the next one: an editor's save is often several
/// events (a temporary file, a rename), which should make one build, not three.
const SETTLE: Duration = Duration::from_millis(30);

/// Where Trunk 0.21 stages a build inside the site folder before it replaces the site.
const TRUNK_STAGING: &str = ".stage";

/// What one build left: kept between builds, dropped whenever Trunk rebuilds the app.
#[derive(Default)]
pub struct Session {
    kept: Kept,
    drawn: Drawn,
    written: Written,
    builds: u64,
    /// When the last build that changed a file finished (milliseconds since 1970): what
    /// the reload file says, so a build that changed nothing reloads no page.
    changed_at: u128,
}

impl Session {
    /// Builds `content_dir` into `site_dir` with the shell kept in `shell_file`, writing
    /// only what changed. Returns what it did, or every mistake found (nothing written).
    pub fn build(
        &mut self,
        content_dir: &Path,
        site_dir: &Path,
        shell_file: &Path,
        drafts: bool,
    ) -> Result<String, Vec<ContentError>> {
        let started = Instant::now();
        let (shell, public_path) = output::kept_shell(shell_file).map_err(|error| vec![error])?;
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs() as i64);
        let options = Options { drafts, now };
        let content = content::read_again(content_dir, options, &mut self.kept)?;
        let releases = content.releases.len();
        let address = SiteAddress::new(&content.origin, &public_path);
        let written = output::site_files(content, shell, &address, (content_dir, site_dir), options, &mut self.drawn)
            .and_then(|files| {
                let pages = files.iter().filter(|file| file.path.ends_with(".html")).count();
                let (wrote, removed) =
                    output::write_changed(site_dir, &files, self.drawn.page_files(), &mut self.written)
                        .map_err(|error| vec![error])?;
                self.builds += 1;
                if wrote + removed > 0 {
                    self.changed_at = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_millis());
                }
                let reload = reload_file_contents(self.builds, self.changed_at);
                output::replace(&site_dir.join(RELOAD_FILE), reload.as_bytes()).map_err(|error| vec![error])?;
                Ok((pages, wrote, removed))
            });
        let (pages, wrote, removed) = written.inspect_err(|_| {
            // What is on disk is no longer known: the next build draws and compares all.
            (self.drawn, self.written) = (Drawn::default(), Written::default());
        })?;
        Ok(format!(
            "{releases} releases, {pages} pages drawn, {wrote} files written, {removed} removed in {} ms",
            started.elapsed().as_millis()
        ))
    }
}

/// Watches `content_dir` and `shell_file` until the process ends, building into
/// `site_dir` after each change and printing what happened. Returns only if the
/// folders cannot be watched.
pub fn watch(content_dir: &Path, site_dir: &Path, shell_file: &Path, drafts: bool) -> Result<(), String> {
    let absolute = |path: &Path| path.canonicalize().map_err(|error| format!("{}: {error}", path.display()));
    let content_dir = &absolute(content_dir)?;
    let shell_folder = shell_file.parent().filter(|folder| !folder.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let shell_file = &absolute(shell_folder)?.join(shell_file.file_name().unwrap_or_default());
    let shell_folder = shell_file.parent().unwrap_or(Path::new("/"));
    let (changes, changed) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(changes).map_err(|error| format!("cannot watch: {error}"))?;
    for (folder, mode) in
        [(content_dir.as_path(), RecursiveMode::Recursive), (shell_folder, RecursiveMode::NonRecursive)]
    {
        watcher.watch(folder, mode).map_err(|error| format!("cannot watch {}: {error}", folder.display()))?;
    }
    eprintln!("content-build: watching {} (Ctrl-C to stop)", content_dir.display());
    let mut session = Session::default();
    let mut waiting_for_trunk = !shell_file.exists();
    if waiting_for_trunk {
        eprintln!("content-build: waiting for Trunk's first build");
    } else {
        report(session.build(content_dir, site_dir, shell_file, drafts));
    }
    loop {
        let mut shell_changed = false;
        let mut content_changed = false;
        let mut next = changed.recv().ok();
        while let Some(event) = next {
            if let Ok(event) = event {
                if counts(&event.kind) {
                    shell_changed |= event.paths.iter().any(|path| path == shell_file);
                    content_changed |= event.paths.iter().any(|path| path.starts_with(content_dir));
                }
            }
            next = changed.recv_timeout(SETTLE).ok();
        }
        if shell_changed {
            // Trunk has built the app and the whole site again: start from its output,
            // once it is in place. Trunk's hook wrote the shell in its staging folder,
            // which Trunk then moves into the site folder, after emptying it: writing
            // there meanwhile could make that move fail.
            let started = Instant::now();
            while site_dir.join(TRUNK_STAGING).exists() && started.elapsed() < Duration::from_secs(60) {
                std::thread::sleep(SETTLE);
            }
            session = Session { builds: session.builds, changed_at: session.changed_at, ..Session::default() };
            waiting_for_trunk = !shell_file.exists();
        }
        if (shell_changed || content_changed) && !waiting_for_trunk {
            report(session.build(content_dir, site_dir, shell_file, drafts));
        }
    }
}

/// Changes worth a build: not the watcher's own reading of files (opening, reading).
fn counts(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

fn report(outcome: Result<String, Vec<ContentError>>) {
    match outcome {
        Ok(summary) => eprintln!("content-build: {summary}"),
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!(
                "content-build: {} problem(s) found; nothing was written, the last good build is still served",
                errors.len()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output;
    use std::fs;
    use std::path::PathBuf;

    const SHELL: &str = "<!DOCTYPE html><html><head><title>x</title></head><body><script>const url = base + '.well-known/trunk/ws';</script></body></html>";

    struct Site {
        _dir: tempfile::TempDir,
        content: PathBuf,
        site: PathBuf,
        shell: PathBuf,
    }

    /// Content of three releases built once as Trunk's hook builds it, keeping the shell.
    fn built_site() -> Site {
        let dir = tempfile::Builder::new().prefix("content-build-watch-").tempdir().unwrap();
        let (content, site, shell) =
            (dir.path().join("content"), dir.path().join("site"), dir.path().join("shell.html"));
        fs::create_dir_all(content.join("releases")).unwrap();
        fs::create_dir_all(&site).unwrap();
        fs::write(site.join("index.html"), SHELL).unwrap();
        fs::write(
            content.join("site.toml"),
            "name = \"N\"\norigin = \"https://news.example.org\"\ntagline = \"T\"\nlanguage = \"en\"\nabout = \"About.\"\n[contact]\nname = \"Press\"\n",
        )
        .unwrap();
        for day in 1..=3 {
            release(&content, &format!("r{day}"), &format!("Title {day}"), day);
        }
        let options = Options { drafts: false, now: 1_795_000_000 };
        output::build(&content, &site, options, "/", Some(&shell)).unwrap();
        Site { _dir: dir, content, site, shell }
    }

    fn release(content: &Path, slug: &str, title: &str, day: u32) {
        let text = format!("+++\ntitle = \"{title}\"\ndate = 2026-10-0{day}T09:00:00Z\ndateline = \"Geneva\"\nsummary = \"S\"\n+++\nBody of {slug}.\n");
        fs::write(content.join(format!("releases/{slug}.md")), text).unwrap();
    }

    fn page(site: &Site, path: &str) -> String {
        fs::read_to_string(site.site.join(path)).unwrap_or_default()
    }

    fn build(session: &mut Session, site: &Site) -> Result<String, Vec<ContentError>> {
        session.build(&site.content, &site.site, &site.shell, false)
    }

    #[test]
    fn a_saved_release_rewrites_only_the_files_it_changes() {
        let site = built_site();
        let mut session = Session::default();
        build(&mut session, &site).unwrap();
        // A file the watcher has no reason to write again keeps whatever is on disk.
        let untouched = site.site.join("releases/r1/index.html");
        fs::write(&untouched, "not written again").unwrap();
        release(&site.content, "r3", "A new title", 3);
        let summary = build(&mut session, &site).unwrap();
        assert!(page(&site, "releases/r3/index.html").contains("A new title"));
        assert!(page(&site, "index.html").contains("A new title"), "the home page lists it");
        assert!(page(&site, "releases/r2/index.html").contains("A new title"), "its neighbour links to it");
        assert_eq!(page(&site, "releases/r1/index.html"), "not written again");
        assert!(page(&site, RELOAD_FILE).starts_with("content-build 2 "));
        assert!(summary.contains("3 releases"), "{summary}");
    }

    #[test]
    fn a_bad_edit_writes_nothing_and_names_its_line_and_column() {
        let site = built_site();
        let mut session = Session::default();
        build(&mut session, &site).unwrap();
        let before = page(&site, "releases/r2/index.html");
        fs::write(site.content.join("releases/r2.md"), "+++\ntitle = \"Half\"\ndate = \"yesterday\"\n+++\n").unwrap();
        let errors = build(&mut session, &site).unwrap_err();
        assert_eq!((errors[0].file.file_name().unwrap(), errors[0].line, errors[0].column), ("r2.md".as_ref(), 3, 8));
        assert_eq!(page(&site, "releases/r2/index.html"), before, "the last good page stays served");
        assert!(page(&site, RELOAD_FILE).starts_with("content-build 1 "), "the open page does not reload");
        release(&site.content, "r2", "Fixed", 2);
        build(&mut session, &site).unwrap();
        assert!(page(&site, "releases/r2/index.html").contains("Fixed"));
    }

    #[test]
    fn rebuilding_after_edits_and_a_deletion_gives_the_site_a_build_from_scratch_gives() {
        let site = built_site();
        let mut session = Session::default();
        build(&mut session, &site).unwrap();
        release(&site.content, "r1", "Renamed", 1);
        build(&mut session, &site).unwrap();
        fs::remove_file(site.content.join("releases/r2.md")).unwrap();
        release(&site.content, "r4", "Added", 4);
        build(&mut session, &site).unwrap();
        assert!(!site.site.join("releases/r2").exists() && !site.site.join("data/releases/r2.json").exists());

        let fresh = built_site();
        fs::copy(site.content.join("releases/r1.md"), fresh.content.join("releases/r1.md")).unwrap();
        fs::remove_file(fresh.content.join("releases/r2.md")).unwrap();
        fs::copy(site.content.join("releases/r4.md"), fresh.content.join("releases/r4.md")).unwrap();
        build(&mut Session::default(), &fresh).unwrap();
        let (incremental, scratch) = (files_of(&site.site), files_of(&fresh.site));
        let paths = |files: &[(PathBuf, String)]| files.iter().map(|(path, _)| path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&incremental), paths(&scratch));
        for ((path, text), (_, expected)) in incremental.iter().zip(&scratch) {
            assert!(text == expected, "{} differs from a build from scratch", path.display());
        }
    }

    /// Every file below `dir` with its text, by path relative to `dir`.
    fn files_of(dir: &Path) -> Vec<(PathBuf, String)> {
        let mut files = Vec::new();
        let mut folders = vec![dir.to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if !path.ends_with(RELOAD_FILE) {
                    let text = fs::read_to_string(&path).unwrap();
                    files.push((path.strip_prefix(dir).unwrap().to_path_buf(), text));
                }
            }
        }
        files.sort();
        files
    }
}
