//! Every checked-in corpus file and every fixed crash in `fuzz/corpus/TARGET/` goes
//! through the same check as its fuzz target, on stable Rust in the ordinary test run:
//! a crash once found stays fixed. All failures of a target are reported together.

use std::fs;
use std::panic;
use std::path::PathBuf;

/// Runs `check` on every file of `fuzz/corpus/target/` and fails with the names of
/// those it panics on.
fn replay(target: &str, check: fn(&[u8])) {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has no seeds", folder.display());
    let failed: Vec<String> = files
        .iter()
        .filter(|file| {
            let data = fs::read(file).unwrap();
            panic::catch_unwind(|| check(&data)).is_err()
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "the {target} check fails on {} of {} corpus files: {failed:#?}",
        failed.len(),
        files.len()
    );
}

#[test]
fn every_route_seed_reads_back_from_its_own_path() {
    replay("route", newsroom_fuzz_checks::route);
}

#[test]
fn every_markdown_seed_converts_to_blocks_that_pass_the_link_rule_caps_and_json() {
    replay("markdown", newsroom_fuzz_checks::markdown);
}

#[test]
fn every_release_seed_is_read_or_refused_at_positions_inside_the_file() {
    replay("release", newsroom_fuzz_checks::release);
}

#[test]
fn every_site_seed_is_read_or_refused_at_positions_inside_the_file() {
    replay("site", newsroom_fuzz_checks::site);
}

#[test]
fn every_link_rule_seed_accepted_stays_on_the_web_mail_or_this_site() {
    replay("link_rule", newsroom_fuzz_checks::link_rule);
}

#[test]
fn every_svg_seed_the_allow_list_accepts_passes_the_independent_scan() {
    replay("svg", newsroom_fuzz_checks::svg);
}

#[test]
fn every_image_size_seed_is_measured_without_panicking() {
    replay("image_size", newsroom_fuzz_checks::image_size);
}

#[test]
fn every_json_seed_is_read_by_the_browsers_reader_as_serde_writes_and_reads_it() {
    replay("json", newsroom_fuzz_checks::json);
}
