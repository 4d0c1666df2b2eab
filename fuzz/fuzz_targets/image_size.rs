//! Any bytes, named as any image type, are measured without panicking.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsroom_fuzz_checks::image_size(data));
