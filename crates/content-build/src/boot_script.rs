//! The app's boot script: it checks the integrity of the two files that run, and it
//! starts them only once the page has loaded and painted.
//!
//! Integrity: the JS glue and the WebAssembly are about 99 KB brotli of code with the
//! page's full authority. Trunk's `integrity` on its wasm `preload` link checks nothing:
//! Chromium ignores it (it says so in the console, crbug.com/981419), and wasm-bindgen's
//! `init` asks for the file with a plain `fetch(url)`. So the boot script hands `init` a
//! `fetch(url, { integrity })`, which every browser checks, and an import map gives the
//! glue its hash (Chromium, Firefox and Safari check it for dynamic imports too). A file
//! altered on the host then does not run at all, and the pre-rendered page stays as it
//! is, its links plain page loads.
//!
//! Timing: every page is pre-rendered, so the reader needs none of the code to see it.
//! Trunk preloads both files from the head, and on a slow link the 112 KB of WASM
//! competed with the stylesheet that the first paint waits for; and the app, started
//! within a frame of that paint, took the page over before Chromium had recorded it as
//! the largest contentful paint, so that moved to after the WASM had run (Lighthouse,
//! slow 4G: 1,733 ms against 901 ms for the same page without scripts). So there is no
//! preload, and the script imports the glue only once the page has loaded and the
//! browser has recorded its first paint: the largest-contentful-paint entry where the
//! browser has one (Chromium, Firefox; once it is recorded, the app's identical page
//! is no larger and makes no new entry), the first-paint entry elsewhere (Safari). A
//! `load` event alone is not enough: it often comes before the first paint (Lighthouse
//! saw it 40-60 ms before, and the app took over before the paint was recorded in two
//! runs of four). Where neither entry exists, or the page was opened in the background
//! (a hidden page records no paint), two frames after `load` stand in for it, and 5 s
//! after `load` the app starts regardless. Clicks before then load pages the plain way.
//!
//! Runs after `integrity::refresh`, whose hashes it copies, and before the policy takes
//! the hashes of the inline scripts, which this writes.

use std::path::Path;

use crate::error::{ContentError, Position};
use crate::head_links;

/// Waits for the `load` event and the first paint's entry, as described above.
const AFTER_FIRST_PAINT: &str = "await new Promise((ready) => {
  const afterLoad = (then) => document.readyState === 'complete' ? then() : addEventListener('load', then, { once: true });
  afterLoad(() => setTimeout(ready, 5000));
  const paint = PerformanceObserver.supportedEntryTypes.find((type) => type === 'largest-contentful-paint' || type === 'paint');
  if (!paint || document.visibilityState !== 'visible') return afterLoad(() => requestAnimationFrame(() => requestAnimationFrame(ready)));
  new PerformanceObserver((_, observer) => { observer.disconnect(); afterLoad(ready); }).observe({ type: paint, buffered: true });
});";

/// Replaces Trunk's boot script and its two preload links in `head` (its `index.html`
/// at `shell_path`) with the import map and the boot script described above. A head
/// without a `modulepreload` link has no app and is left alone.
pub fn check_what_runs(head: &mut String, shell_path: &Path) -> Result<(), ContentError> {
    let unexpected = |what: &str| {
        ContentError::new(
            shell_path,
            Position::START,
            format!("Trunk's boot script is not in the shape the content build knows: {what}"),
        )
    };
    let links = head_links::links(head);
    let Some(glue) = links.iter().find(|link| link.attribute("rel") == Some("modulepreload")) else { return Ok(()) };
    let wasm = links
        .iter()
        .find(|link| {
            link.attribute("rel") == Some("preload")
                && link.attribute("href").is_some_and(|href| href.ends_with(".wasm"))
        })
        .ok_or_else(|| unexpected("no preload link for the .wasm file"))?;
    let (Some(glue_href), Some(glue_integrity)) = (glue.attribute("href"), glue.attribute("integrity")) else {
        return Err(unexpected("the modulepreload link has no href or integrity"));
    };
    let (Some(wasm_href), Some(wasm_integrity)) = (wasm.attribute("href"), wasm.attribute("integrity")) else {
        return Err(unexpected("the wasm preload link has no href or integrity"));
    };
    // The values go into JS string literals in single quotes: the public URL is the
    // deployer's, so a quote, a backslash or a tag in it is refused rather than escaped.
    for value in [glue_href, glue_integrity, wasm_href, wasm_integrity] {
        if value.chars().any(|c| matches!(c, '\'' | '"' | '\\' | '<' | '>' | '`') || c.is_control()) {
            return Err(unexpected(&format!("`{value}` has a character a script literal would have to escape")));
        }
    }

    let script_start =
        head.find("<script type=\"module\">").ok_or_else(|| unexpected("no <script type=\"module\">"))?;
    let script_end = script_start
        + head[script_start..].find("</script>").ok_or_else(|| unexpected("the boot script is not closed"))?
        + "</script>".len();
    let trunk_script = &head[script_start..script_end];
    if !trunk_script.contains(&format!("from '{glue_href}'")) {
        return Err(unexpected(&format!("the boot script does not import `{glue_href}`")));
    }
    if !trunk_script.contains(&format!("'{wasm_href}'")) {
        return Err(unexpected(&format!("the boot script does not name `{wasm_href}`")));
    }

    let import_map =
        serde_json::json!({ "integrity": { glue_href: glue_integrity } }).to_string().replace('<', "\\u003c");
    let boot = format!(
        "<script type=\"importmap\">{import_map}</script><script type=\"module\">\n{AFTER_FIRST_PAINT}\nconst bindings = await import('{glue_href}');\nawait bindings.default({{ module_or_path: fetch('{wasm_href}', {{ integrity: '{wasm_integrity}' }}) }});\nwindow.wasmBindings = bindings;\n</script>"
    );
    let mut edits = vec![
        (glue.start..glue.end, String::new()),
        (wasm.start..wasm.end, String::new()),
        (script_start..script_end, boot),
    ];
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    for (range, replacement) in edits {
        head.replace_range(range, &replacement);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Trunk 0.21.14 writes for the app, after `integrity::refresh`.
    const TRUNK_HEAD: &str = "<link rel=\"stylesheet\" href=\"/news/styles/site-1.css\">\n<script type=\"module\">\nimport init, * as bindings from '/news/app-1.js';\nconst wasm = await init({ module_or_path: '/news/app-1_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n\n</script>\n<link rel=\"modulepreload\" href=\"/news/app-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-glue\"><link rel=\"preload\" href=\"/news/app-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-wasm\" as=\"fetch\" type=\"application/wasm\">";

    #[test]
    fn the_app_starts_after_the_first_paint_with_both_files_checked_and_nothing_preloaded() {
        let mut head = TRUNK_HEAD.to_string();
        check_what_runs(&mut head, Path::new("index.html")).unwrap();
        let expected = format!(
            "<link rel=\"stylesheet\" href=\"/news/styles/site-1.css\">\n<script type=\"importmap\">{{\"integrity\":{{\"/news/app-1.js\":\"sha384-glue\"}}}}</script><script type=\"module\">\n{AFTER_FIRST_PAINT}\nconst bindings = await import('/news/app-1.js');\nawait bindings.default({{ module_or_path: fetch('/news/app-1_bg.wasm', {{ integrity: 'sha384-wasm' }}) }});\nwindow.wasmBindings = bindings;\n</script>\n"
        );
        assert_eq!(head, expected);
    }

    #[test]
    fn a_head_without_the_app_is_left_alone() {
        let mut head =
            "<link rel=\"stylesheet\" href=\"/a.css\"><script type=\"module\">import '/b.js';</script>".to_string();
        check_what_runs(&mut head, Path::new("index.html")).unwrap();
        assert_eq!(head, "<link rel=\"stylesheet\" href=\"/a.css\"><script type=\"module\">import '/b.js';</script>");
    }

    #[test]
    fn a_boot_script_of_another_shape_is_an_error_not_an_unchecked_app() {
        let mut head = TRUNK_HEAD.replace(
            "module_or_path: '/news/app-1_bg.wasm'",
            "module_or_path: new URL('app-1_bg.wasm', import.meta.url)",
        );
        let error = check_what_runs(&mut head, Path::new("dist/index.html")).unwrap_err();
        assert!(error.message.contains("does not name `/news/app-1_bg.wasm`"), "{error}");
        let mut head = TRUNK_HEAD.replace(" integrity=\"sha384-wasm\"", "");
        assert!(check_what_runs(&mut head, Path::new("dist/index.html"))
            .unwrap_err()
            .message
            .contains("no href or integrity"));
    }

    #[test]
    fn a_public_url_that_would_end_its_script_literal_is_an_error() {
        let mut head = TRUNK_HEAD.replace("/news/", "/news'+alert(1)+'/");
        let error = check_what_runs(&mut head, Path::new("dist/index.html")).unwrap_err();
        assert!(error.message.contains("a script literal would have to escape"), "{error}");
    }
}
