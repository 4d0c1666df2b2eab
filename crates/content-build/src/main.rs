//! `content-build CONTENT_DIR SITE_DIR [--public-url PATH] [--drafts] [--shell FILE]`
//! `content-build --watch CONTENT_DIR SITE_DIR --shell FILE [--drafts]`
//!
//! Reads the authors' Markdown releases and site settings from CONTENT_DIR and writes,
//! into SITE_DIR (where Trunk has built the app), a pre-rendered HTML page for every
//! route, the JSON the app reads, Atom feeds, the sitemap and robots.txt. Every
//! problem in every file is reported with file, line and column before it exits
//! non-zero, and then nothing is written. `--public-url` is the path the site is
//! deployed under (Trunk's, by default); `--drafts` includes drafts and embargoed
//! releases, for an author's local preview only. Trunk runs it after each build.
//!
//! `--shell FILE` keeps the page shell of this build in FILE, for `--watch`, which
//! builds again after every change in CONTENT_DIR, into the SITE_DIR `trunk serve`
//! serves, writing only what changed (see `watch`). `scripts/serve` runs both.

use newsroom_content_build::{content, error, output, watch};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

const USAGE: &str = "usage: content-build [--watch] CONTENT_DIR SITE_DIR [--public-url PATH] [--drafts] [--shell FILE]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut directories = Vec::new();
    let mut public_path = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_string());
    let mut drafts = false;
    let mut watching = false;
    let mut shell = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--drafts" => drafts = true,
            "--watch" => watching = true,
            "--shell" => match args.next() {
                Some(file) => shell = Some(PathBuf::from(file)),
                None => return usage(),
            },
            "--public-url" => match args.next() {
                Some(path) => public_path = path,
                None => return usage(),
            },
            _ if arg.starts_with("--") => return usage(),
            _ => directories.push(PathBuf::from(arg)),
        }
    }
    let [content_dir, site_dir] = directories.as_slice() else { return usage() };
    if watching {
        let Some(shell) = shell else { return usage() };
        let stopped = watch::watch(content_dir, site_dir, &shell, drafts).unwrap_err();
        eprintln!("content-build: {stopped}");
        return ExitCode::FAILURE;
    }
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs() as i64);
    let preview = if drafts { " (preview: drafts and embargoed releases included)" } else { "" };
    report(
        output::build(content_dir, site_dir, content::Options { drafts, now }, &public_path, shell.as_deref()),
        preview,
    )
}

fn report(outcome: Result<String, Vec<error::ContentError>>, note: &str) -> ExitCode {
    match outcome {
        Ok(summary) => {
            eprintln!("content-build: {summary}{note}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("content-build: {} problem(s) found; nothing was written", errors.len());
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}
