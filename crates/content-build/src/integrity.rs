//! Trunk writes subresource-integrity hashes of the files it made, but a release build
//! minifies the JS glue afterwards (`scripts/post-build`), and a browser refuses a file
//! whose hash does not match. So the hashes are taken again, from the files as they
//! will be served.

use base64::Engine;
use sha2::{Digest, Sha384};
use std::fs;
use std::path::Path;

use crate::error::{ContentError, Position};
use crate::head_links;

/// Every `integrity` in `head` made to match the file its tag's `href` names.
pub fn refresh(head: &mut String, site_dir: &Path, public_path: &str) -> Result<(), ContentError> {
    let mut refreshed = Vec::new();
    for link in head_links::links(head) {
        let Some(old) = link.attribute("integrity") else { continue };
        let path = link.file(site_dir, public_path);
        let contents = fs::read(&path).map_err(|error| {
            ContentError::new(&path, Position::START, format!("cannot read this file to check its integrity: {error}"))
        })?;
        refreshed.push((link.start..link.end, link.tag.replace(old, &sri(&contents))));
    }
    for (range, tag) in refreshed.into_iter().rev() {
        head.replace_range(range, &tag);
    }
    Ok(())
}

/// The `integrity` value of a file's contents: SHA-384, as Trunk writes it.
pub fn sri(contents: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(contents)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_taken_again_from_the_files() {
        let folder = tempfile::tempdir().unwrap();
        let site = folder.path();
        fs::write(site.join("app-1.js"), "export{};").unwrap();
        fs::write(site.join("app-1_bg.wasm"), "wasm").unwrap();
        let mut head = r#"<link rel="modulepreload" href="/news/app-1.js" crossorigin="anonymous" integrity="sha384-stale"><link rel="preload" href="/news/app-1_bg.wasm" integrity="sha384-old" as="fetch">"#.to_string();

        refresh(&mut head, site, "/news/").unwrap();

        // `printf 'export{};' | openssl dgst -sha384 -binary | base64`
        assert!(head.contains(r#"href="/news/app-1.js" crossorigin="anonymous" integrity="sha384-wKTHeBuNTcEucf3+DmD7d7I7aWFY5e9Xpc44Z/o6e2Zqg1E6kf/Qd5lrK80o3rj3">"#), "{head}");
        assert!(!head.contains("sha384-old") && !head.contains("sha384-stale"));
    }
}
