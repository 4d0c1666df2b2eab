//! `content-build CONTENT_DIR SITE_DIR`: reads the authors' Markdown releases and site
//! settings from CONTENT_DIR and writes the JSON the app reads under SITE_DIR/data/.
//! Every problem in every file is reported, with file, line and column, before it
//! exits non-zero; nothing is written unless the whole content is valid.

mod error;
mod front_matter;
mod markdown;
mod output;
mod release_source;
mod site_source;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content_dir, site_dir] = args.as_slice() else {
        eprintln!("usage: content-build CONTENT_DIR SITE_DIR");
        return ExitCode::from(2);
    };
    let (content_dir, site_dir) = (PathBuf::from(content_dir), PathBuf::from(site_dir));
    match output::build(&content_dir, &site_dir) {
        Ok(summary) => {
            eprintln!("content-build: {summary}");
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
