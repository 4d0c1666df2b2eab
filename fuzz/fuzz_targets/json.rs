//! Any JSON the app fetches: the browser's reader never panics, reads back what serde writes, and agrees with serde's derived reader within its nesting cap.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsroom_fuzz_checks::json(data));
