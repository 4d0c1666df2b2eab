//! Any site.toml is read or refused without panicking; accepted settings make a link rule and round-trip through JSON.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsroom_fuzz_checks::site(data));
