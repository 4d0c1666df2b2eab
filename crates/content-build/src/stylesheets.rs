//! One stylesheet for the site instead of Trunk's one per component. Each component
//! keeps its own file in `style/`, but sixteen small render-blocking requests cost a
//! reader on a slow network or an HTTP/1.1 host more than their bytes: one file is
//! 2.8 KB brotli against 4.5 KB in sixteen. The order is the order `index.html` links
//! them in, so that file stays the one place that decides the cascade. Its link carries
//! the file's `integrity`, so a browser applies no stylesheet altered on the host (CSS
//! can hide text, or read attribute values out through `url()` requests).

use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{ContentError, Position};
use crate::head_links;
use crate::integrity::sri;
use crate::site_file::SiteFile;

/// Where the bundle goes, below the site folder; its name changes with its contents, so
/// hosts may cache it for ever.
pub const FOLDER: &str = "styles";

pub struct Bundle {
    pub file: SiteFile,
    /// Trunk's per-component files, which no page links to any more.
    pub replaced: Vec<PathBuf>,
}

/// Replaces the stylesheet links in `head` with one link to their contents joined.
/// `None` when the head links no stylesheet.
pub fn bundle(head: &mut String, site_dir: &Path, public_path: &str) -> Result<Option<Bundle>, ContentError> {
    let links: Vec<(usize, usize, PathBuf)> = head_links::links(head)
        .iter()
        .filter(|link| link.attribute("rel") == Some("stylesheet"))
        .map(|link| (link.start, link.end, link.file(site_dir, public_path)))
        .collect();
    let Some(&(first_start, ..)) = links.first() else { return Ok(None) };
    let mut css = String::new();
    for (_, _, path) in &links {
        let text = fs::read_to_string(path).map_err(|error| {
            ContentError::new(path, Position::START, format!("cannot read this stylesheet: {error}"))
        })?;
        css.push_str(&text);
        css.push('\n');
    }
    let name = format!("{FOLDER}/site-{}.css", &hex(&Sha256::digest(css.as_bytes()))[..16]);
    let integrity = sri(css.as_bytes());
    for (start, end, _) in links.iter().rev() {
        let replacement = if *start == first_start {
            format!(r#"<link rel="stylesheet" href="{public_path}{name}" integrity="{integrity}">"#)
        } else {
            String::new()
        };
        head.replace_range(start..end, &replacement);
    }
    let replaced = links.into_iter().map(|(_, _, path)| path).collect();
    Ok(Some(Bundle { file: SiteFile::new(&name, css.into_bytes()), replaced }))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_linked_stylesheets_become_one_file_in_their_order() {
        let folder = tempfile::tempdir().unwrap();
        let site = folder.path();
        fs::write(site.join("base-1.css"), "body { margin: 0 }").unwrap();
        fs::write(site.join("print-2.css"), "@media print { nav { display: none } }").unwrap();
        let mut head = r#"<meta charset="utf-8"><link rel="stylesheet" href="/news/base-1.css" integrity="sha384-a"/><link rel="stylesheet" href="/news/print-2.css" integrity="sha384-b"/><script type="module"></script>"#.to_string();

        let bundle = bundle(&mut head, site, "/news/").unwrap().unwrap();

        let css = String::from_utf8(bundle.file.contents).unwrap();
        assert_eq!(css, "body { margin: 0 }\n@media print { nav { display: none } }\n");
        assert!(bundle.file.path.starts_with("styles/site-") && bundle.file.path.ends_with(".css"));
        // `printf 'body { margin: 0 }\n@media print { nav { display: none } }\n' | openssl dgst -sha384 -binary | base64`
        let integrity = "sha384-h9KxNKZSuCNCCJ7QVWfION9T8Y+KDwl/XUUCHpL7bDT6lAjIo1P0KWwDnCADgn98";
        assert_eq!(
            head,
            format!(
                r#"<meta charset="utf-8"><link rel="stylesheet" href="/news/{}" integrity="{integrity}"><script type="module"></script>"#,
                bundle.file.path
            )
        );
        assert_eq!(bundle.replaced, vec![site.join("base-1.css"), site.join("print-2.css")]);
    }

    #[test]
    fn a_head_without_stylesheets_is_left_alone() {
        let mut head = "<title>x</title>".to_string();
        assert!(bundle(&mut head, Path::new("/nowhere"), "/").unwrap().is_none());
        assert_eq!(head, "<title>x</title>");
    }
}
