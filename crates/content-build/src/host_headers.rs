//! `_headers`: the response headers the site should be served with, in the format
//! Netlify and Cloudflare Pages read from the published folder; `scripts/nginx-headers`
//! turns the same file into an nginx include, which the browser tests are served with.
//! A header can do what the `<meta>` policy every page carries cannot: forbid framing
//! (`frame-ancestors`, `X-Frame-Options`, against clickjacking a donation link), cover
//! files that are not HTML, and sandbox `media/`, where an SVG opened on its own would
//! otherwise run its scripts with the site's origin.

use crate::policy::{Policy, MEDIA_POLICY};
use crate::site_file::SiteFile;

pub const FILE: &str = "_headers";

/// Browser features a newsroom never uses, denied to the site and anything it embeds, so
/// an injected script cannot ask for them either. Only names Chromium knows: it reports
/// an unknown one in the console of every page (`bluetooth`, for one, in Chromium 156).
const DENIED_FEATURES: &[&str] = &[
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-create",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
];

/// Every path under `public_path` gets the page policy and the other headers; `media/`
/// comes last and gets the sandbox policy instead of the page's (Netlify, and nginx
/// through `scripts/nginx-headers`). Cloudflare Pages sends both policies there, which a
/// browser both enforces: still the sandbox, only stricter.
pub fn file(policy: &Policy, public_path: &str) -> SiteFile {
    let permissions = DENIED_FEATURES.iter().map(|feature| format!("{feature}=()")).collect::<Vec<_>>().join(", ");
    let text = format!(
        "# Response headers for Netlify and Cloudflare Pages, and for nginx through\n\
         # scripts/nginx-headers. Written by the content build with each build: edit\n\
         # crates/content-build/src/host_headers.rs and policy.rs instead.\n\
         {public_path}*\n\
         \x20 Content-Security-Policy: {}\n\
         \x20 Referrer-Policy: no-referrer\n\
         \x20 X-Content-Type-Options: nosniff\n\
         \x20 Permissions-Policy: {permissions}\n\
         \x20 Cross-Origin-Opener-Policy: same-origin\n\
         \x20 X-Frame-Options: DENY\n\
         \n\
         {public_path}media/*\n\
         \x20 Content-Security-Policy: {MEDIA_POLICY}\n",
        policy.for_header(),
    );
    SiteFile::new(FILE, text.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn rules(public_path: &str) -> Vec<(String, Vec<String>)> {
        let policy = Policy::new("<script>a()</script>", &[], Path::new("site.toml")).unwrap();
        let text = String::from_utf8(file(&policy, public_path).contents).unwrap();
        let mut rules: Vec<(String, Vec<String>)> = Vec::new();
        for line in text.lines().filter(|line| !line.starts_with('#') && !line.is_empty()) {
            match line.strip_prefix("  ") {
                Some(header) => rules.last_mut().unwrap().1.push(header.to_string()),
                None => rules.push((line.to_string(), Vec::new())),
            }
        }
        rules
    }

    #[test]
    fn every_page_gets_the_full_policy_and_media_a_sandbox() {
        let rules = rules("/");
        assert_eq!(rules.iter().map(|(path, _)| path.as_str()).collect::<Vec<_>>(), ["/*", "/media/*"]);
        let page_policy = &rules[0].1[0];
        assert!(
            page_policy.starts_with("Content-Security-Policy: default-src 'none'; script-src 'self' 'sha256-")
                && page_policy.ends_with("; frame-ancestors 'none'"),
            "{page_policy}"
        );
        for header in [
            "Referrer-Policy: no-referrer",
            "X-Content-Type-Options: nosniff",
            "Cross-Origin-Opener-Policy: same-origin",
            "X-Frame-Options: DENY",
        ] {
            assert!(rules[0].1.contains(&header.to_string()), "{header}");
        }
        assert!(rules[0].1.iter().any(|header| header.starts_with("Permissions-Policy: accelerometer=(), ")
            && header.contains(" camera=(), ")
            && header.contains(" geolocation=(), ")));
        assert_eq!(rules[1].1, ["Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; sandbox"]);
    }

    #[test]
    fn under_a_sub_path_the_rules_are_under_it_too() {
        assert_eq!(
            rules("/newsroom/").iter().map(|(path, _)| path.as_str()).collect::<Vec<_>>(),
            ["/newsroom/*", "/newsroom/media/*"]
        );
    }
}
