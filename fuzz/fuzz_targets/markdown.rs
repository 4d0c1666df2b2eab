//! Any Markdown converts without panicking; accepted blocks pass the link rule again, stay within the nesting caps and round-trip through JSON.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsroom_fuzz_checks::markdown(data));
