//! Any address bar: a route is either not found or reads back from its own path.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsroom_fuzz_checks::route(data));
