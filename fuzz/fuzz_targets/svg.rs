//! Any SVG: what the allow-list accepts has no script, event handler, DOCTYPE, entity or outside reference by an independent scan.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsroom_fuzz_checks::svg(data));
