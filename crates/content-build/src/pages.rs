//! The HTML pages of the built site, made from Trunk's `index.html` (which links the
//! app's hashed JS, WASM and CSS) once the content's JSON is written.

use std::fs;
use std::path::Path;

use crate::error::{ContentError, Position};

/// The `id` the app reads the embedded site settings from (see `src/site_data.rs`).
const SITE_DATA_ELEMENT: &str = "site-data";

/// Embeds the site settings in `index.html`, so the app's header, footer and banner
/// need no request, and writes `404.html`: static hosts answer unknown paths with it,
/// and it is the app, so deep links and reloads open the right page.
pub fn write_pages(site_dir: &Path) -> Result<String, ContentError> {
    let read = |path: &Path| fs::read_to_string(path).map_err(|error| ContentError::new(path, Position::START, format!("cannot read: {error}")));
    let shell_path = site_dir.join("index.html");
    let shell = read(&shell_path)?;
    let site_json = read(&site_dir.join("data/site.json"))?;
    let page = embed_json(&shell, SITE_DATA_ELEMENT, &site_json).ok_or_else(|| ContentError::new(&shell_path, Position::START, "index.html has no </head>"))?;
    for name in ["index.html", "404.html"] {
        let path = site_dir.join(name);
        fs::write(&path, &page).map_err(|error| ContentError::new(&path, Position::START, format!("cannot write: {error}")))?;
    }
    Ok(format!("site data embedded in index.html and 404.html in {}", site_dir.display()))
}

/// Puts `json` in a `<script type="application/json">` at the end of the head. `<` is
/// escaped, so no text in the content can close the script element early.
fn embed_json(html: &str, id: &str, json: &str) -> Option<String> {
    let opening = format!("<script type=\"application/json\" id=\"{id}\">");
    let without_old = match html.find(&opening) {
        Some(start) => {
            let end = start + html[start..].find("</script>")? + "</script>".len();
            format!("{}{}", &html[..start], &html[end..])
        }
        None => html.to_string(),
    };
    let head_end = without_old.find("</head>")?;
    let script = format!("{opening}{}</script>", json.replace('<', "\\u003c"));
    Some(format!("{}{script}{}", &without_old[..head_end], &without_old[head_end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_goes_at_the_end_of_the_head_and_cannot_close_the_script() {
        let html = embed_json("<html><head><title>t</title></head><body></body></html>", "d", r#"{"name":"</script><script>alert(1)</script>"}"#).unwrap();
        assert_eq!(html, r#"<html><head><title>t</title><script type="application/json" id="d">{"name":"\u003c/script>\u003cscript>alert(1)\u003c/script>"}</script></head><body></body></html>"#);
    }

    #[test]
    fn embedding_twice_replaces_the_first() {
        let once = embed_json("<head></head>", "d", "1").unwrap();
        assert_eq!(embed_json(&once, "d", "2").unwrap(), r#"<head><script type="application/json" id="d">2</script></head>"#);
    }
}
