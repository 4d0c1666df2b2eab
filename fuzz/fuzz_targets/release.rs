//! Any release file (front matter and body, after the character check) is read or refused without panicking, at positions inside the file.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsroom_fuzz_checks::release(data));
