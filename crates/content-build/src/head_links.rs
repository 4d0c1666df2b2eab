//! The `<link>` tags of the head Trunk writes, and the files of the site they name.
//! Trunk's output is regular (`<link rel="…" href="…" …>`, attributes in double quotes),
//! so a scan is enough; an HTML parser would be a dependency for one known shape.

use std::path::{Path, PathBuf};

pub struct HeadLink<'a> {
    /// Byte range of the whole tag in the head.
    pub start: usize,
    pub end: usize,
    pub tag: &'a str,
}

impl HeadLink<'_> {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        let start = self.tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(&self.tag[start..start + self.tag[start..].find('"')?])
    }

    /// The file in the site folder that `href` names (Trunk writes it with the public path).
    pub fn file(&self, site_dir: &Path, public_path: &str) -> PathBuf {
        let href = self.attribute("href").unwrap_or_default();
        site_dir.join(href.strip_prefix(public_path).unwrap_or(href))
    }
}

/// Every `<link …>` in `head`, in order.
pub fn links(head: &str) -> Vec<HeadLink<'_>> {
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(offset) = head[from..].find("<link ") {
        let start = from + offset;
        let Some(length) = head[start..].find('>') else { break };
        let end = start + length + 1;
        links.push(HeadLink { start, end, tag: &head[start..end] });
        from = end;
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_with_their_attributes_and_files() {
        let head = r#"<meta charset="utf-8"><link rel="stylesheet" href="/news/base-1.css" integrity="sha384-a"/><base href="/news/"><link rel="icon" href="/news/favicon.svg">"#;
        let links = links(head);
        assert_eq!(links.len(), 2);
        assert_eq!(&head[links[0].start..links[0].end], links[0].tag);
        assert_eq!(links[0].attribute("rel"), Some("stylesheet"));
        assert_eq!(links[0].attribute("integrity"), Some("sha384-a"));
        assert_eq!(links[1].attribute("integrity"), None);
        assert_eq!(links[1].file(Path::new("/site"), "/news/"), Path::new("/site/favicon.svg"));
    }
}
