//! Any link or image address: an accepted link, re-parsed against the site, stays http(s), one mailto: address or this site; an accepted image is media/ or a listed https host.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsroom_fuzz_checks::link_rule(data));
