//! The Content-Security-Policy every page runs under. If an attacker gets markup into a
//! page (a compromised author account, a careless paste), the browser still runs no
//! script but the site's own files and the few inline scripts this build wrote, loads
//! nothing from another host (images only from the site's `image_hosts`), and sends
//! nothing anywhere. `default-src 'none'`, then only what the app uses:
//!
//! - scripts: the site's own files, the SHA-256 of each inline script the pages carry
//!   (Trunk's boot script and its import map: 2 in a release build, 3 under
//!   `trunk serve`, whose live-reload client is one more), and `'wasm-unsafe-eval'`,
//!   which compiling WebAssembly needs; never `'unsafe-inline'` or `'unsafe-eval'`.
//!   JSON data blocks (`application/json`, `application/ld+json`) never run, so they
//!   need no hash.
//! - styles, JSON, the wasm, the favicon: the site's own files (`'self'`). The app sets
//!   no inline style.
//! - search: Pagefind runs on the page's own thread, so no worker may start
//!   (`worker-src 'none'`); the header's search box is a form that leads to the site's
//!   search page (`form-action 'self'`), and no form sends anything anywhere else.
//! - `frame-ancestors 'none'` only in the header: a `<meta>` policy cannot carry it.
//!
//! Trusted Types (`require-trusted-types-for 'script'`) is not in it: Leptos builds each
//! static part of a view by setting `innerHTML` on a `<template>`
//! (`tachys::renderer::dom::Dom::create_element_from_html`), which Trusted Types blocks,
//! so the app would not start; `trusted-types 'none'` leaves it no policy to pass that.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::error::{ContentError, Position};

/// The policy of files under `media/`: a browser opening one (an SVG sent round as a
/// link) runs nothing in it and gives it no origin, whatever the file contains.
pub const MEDIA_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

#[derive(Debug, PartialEq)]
pub struct Policy {
    /// `'sha256-…'` sources, one per distinct inline script.
    script_hashes: Vec<String>,
    /// `https://host` sources images may come from besides the site itself.
    image_sources: Vec<String>,
}

impl Policy {
    /// The policy of pages whose inline scripts are all in `html` (the shell every page
    /// shares), with images from `image_hosts` too. `settings` is where those are set.
    pub fn new(html: &str, image_hosts: &[String], settings: &Path) -> Result<Policy, ContentError> {
        let mut script_hashes = Vec::new();
        for script in executable_inline_scripts(html) {
            let hash = format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(as_parsed(script).as_bytes()))
            );
            if !script_hashes.contains(&hash) {
                script_hashes.push(hash);
            }
        }
        let mut image_sources = Vec::new();
        for host in image_hosts {
            if !is_host_name(host) {
                return Err(ContentError::new(settings, Position::START, format!("image_hosts: `{host}` is not a host name (such as `images.example.org`), so the page's Content-Security-Policy cannot allow it")));
            }
            image_sources.push(format!("https://{}", host.to_ascii_lowercase()));
        }
        Ok(Policy { script_hashes, image_sources })
    }

    /// For `<meta http-equiv="Content-Security-Policy">`, which every host delivers.
    pub fn for_meta(&self) -> String {
        self.directives().join("; ")
    }

    /// For the `Content-Security-Policy` header, on hosts that can send one.
    pub fn for_header(&self) -> String {
        let mut directives = self.directives();
        directives.push("frame-ancestors 'none'".to_string());
        directives.join("; ")
    }

    fn directives(&self) -> Vec<String> {
        let sources = |first: &[&str], more: &[String], last: &[&str]| {
            first
                .iter()
                .map(|source| source.to_string())
                .chain(more.iter().cloned())
                .chain(last.iter().map(|source| source.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        vec![
            "default-src 'none'".to_string(),
            format!("script-src {}", sources(&["'self'"], &self.script_hashes, &["'wasm-unsafe-eval'"])),
            "style-src 'self'".to_string(),
            format!("img-src {}", sources(&["'self'"], &self.image_sources, &[])),
            "connect-src 'self'".to_string(),
            "object-src 'none'".to_string(),
            "base-uri 'self'".to_string(),
            "worker-src 'none'".to_string(),
            "form-action 'self'".to_string(),
        ]
    }
}

/// The text of each `<script>` in `html` that a browser would run: every inline script
/// but JSON data blocks. Counting an unknown type in costs a hash; leaving one out
/// would only block it.
pub fn executable_inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(offset) = html[from..].find("<script") {
        let open_start = from + offset;
        let Some(open_length) = html[open_start..].find('>') else { break };
        let text_start = open_start + open_length + 1;
        let Some(text_length) = html[text_start..].find("</script") else { break };
        let open_tag = &html[open_start..text_start];
        let data_block = matches!(
            attribute(open_tag, "type").map(|kind| kind.trim().to_ascii_lowercase()).as_deref(),
            Some("application/json" | "application/ld+json")
        );
        if attribute(open_tag, "src").is_none() && !data_block {
            scripts.push(&html[text_start..text_start + text_length]);
        }
        from = text_start + text_length;
    }
    scripts
}

/// A double-quoted attribute of a start tag, as this build and Trunk write them.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// The script's text as the browser hashes it: the HTML parser has turned each line
/// break into `\n`.
fn as_parsed(script: &str) -> String {
    script.replace("\r\n", "\n").replace('\r', "\n")
}

/// `images.example.org` or `cdn.example.org:8443`: letters, digits, hyphens and dots,
/// a port at most. Anything else (a space, `;`, `'`, `*`, a path) could change the policy.
fn is_host_name(host: &str) -> bool {
    let (name, port) = host.split_once(':').unwrap_or((host, "1"));
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
    };
    name.len() <= 253
        && name.split('.').all(label_ok)
        && !port.is_empty()
        && port.len() <= 5
        && port.bytes().all(|byte| byte.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<meta charset=\"utf-8\"><script type=\"importmap\">{\"integrity\":{}}</script><script type=\"module\">\nimport init from '/app.js';\n</script><script src=\"/other.js\"></script><script type=\"application/json\" id=\"site-data\">{}</script><script type=\"application/ld+json\">{}</script>";

    fn hash(text: &str) -> String {
        format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
    }

    #[test]
    fn every_inline_script_that_runs_is_hashed_and_nothing_else() {
        assert_eq!(executable_inline_scripts(SHELL), ["{\"integrity\":{}}", "\nimport init from '/app.js';\n"]);
        let policy = Policy::new(SHELL, &[], Path::new("site.toml")).unwrap();
        assert_eq!(
            policy.for_meta(),
            format!(
                "default-src 'none'; script-src 'self' {} {} 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; worker-src 'none'; form-action 'self'",
                hash("{\"integrity\":{}}"),
                hash("\nimport init from '/app.js';\n")
            )
        );
    }

    #[test]
    fn a_known_script_hashes_as_openssl_does() {
        // `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`
        let policy = Policy::new("<script>alert(1)</script>", &[], Path::new("site.toml")).unwrap();
        assert!(
            policy.for_meta().contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{}",
            policy.for_meta()
        );
    }

    #[test]
    fn line_breaks_are_hashed_as_the_browser_sees_them() {
        let crlf = Policy::new("<script>a();\r\nb();\r</script>", &[], Path::new("site.toml")).unwrap();
        let lf = Policy::new("<script>a();\nb();\n</script>", &[], Path::new("site.toml")).unwrap();
        assert_eq!(crlf, lf);
    }

    #[test]
    fn only_the_header_forbids_framing_which_a_meta_policy_cannot() {
        let policy = Policy::new("", &[], Path::new("site.toml")).unwrap();
        assert!(!policy.for_meta().contains("frame-ancestors"));
        assert_eq!(policy.for_header(), format!("{}; frame-ancestors 'none'", policy.for_meta()));
        assert!(!policy.for_header().contains("'unsafe-inline'") && !policy.for_header().contains("'unsafe-eval'"));
    }

    #[test]
    fn images_may_come_from_the_configured_hosts_over_https_only() {
        let hosts = ["Images.Example.org".to_string(), "cdn.example.net:8443".to_string()];
        let policy = Policy::new("", &hosts, Path::new("site.toml")).unwrap();
        assert!(
            policy.for_meta().contains("; img-src 'self' https://images.example.org https://cdn.example.net:8443;"),
            "{}",
            policy.for_meta()
        );
    }

    #[test]
    fn an_image_host_that_would_change_the_policy_is_an_error() {
        for host in [
            "evil.example; script-src *",
            "*",
            "'unsafe-inline'",
            "a.example/path",
            "",
            "a..example",
            "-a.example",
            "a.example:",
            "a.example:80x",
            "http://a.example",
        ] {
            let error = Policy::new("", &[host.to_string()], Path::new("content/site.toml")).unwrap_err();
            assert!(error.to_string().starts_with("content/site.toml:1:1: error: image_hosts:"), "{host}: {error}");
        }
    }

    #[test]
    fn the_same_script_twice_is_hashed_once() {
        let policy = Policy::new("<script>a()</script><script>a()</script>", &[], Path::new("site.toml")).unwrap();
        assert_eq!(policy.script_hashes.len(), 1);
    }
}
