//! Makes the browser check the integrity of the two files that run: the JS glue and the
//! WebAssembly (together about 98 KB brotli of code with the page's full authority).
//! Trunk's `integrity` on the wasm `preload` link checks nothing: Chromium ignores it
//! (it says so in the console, crbug.com/981419), and wasm-bindgen's `init` asks for the
//! file with a plain `fetch(url)`. So Trunk's boot script is rewritten here to hand `init` a
//! `fetch(url, { integrity })`, which every browser checks, and an import map gives the
//! glue its hash (Chromium, Firefox and Safari check it), beside the `modulepreload`
//! link that also carries it. A file altered on the host then does not run at all, and
//! the pre-rendered page stays as it is, its links plain page loads.
//!
//! Runs after `integrity::refresh`, whose hashes it copies, and before the policy takes
//! the hashes of the inline scripts, which this changes.

use std::path::Path;

use crate::error::{ContentError, Position};
use crate::head_links;

/// Rewrites Trunk's boot script in `head` (its `index.html` at `shell_path`). A head
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
    let import_map =
        serde_json::json!({ "integrity": { glue_href: glue_integrity } }).to_string().replace('<', "\\u003c");
    let wasm_literal = format!("'{wasm_href}'");
    let checked_fetch = format!("fetch('{wasm_href}', {{ integrity: '{wasm_integrity}' }})");

    let script_start =
        head.find("<script type=\"module\">").ok_or_else(|| unexpected("no <script type=\"module\">"))?;
    let script_end = script_start
        + head[script_start..].find("</script>").ok_or_else(|| unexpected("the boot script is not closed"))?;
    if !head[script_start..script_end].contains(&format!("from '{glue_href}'")) {
        return Err(unexpected(&format!("the boot script does not import `{glue_href}`")));
    }
    let wasm_at = script_start
        + head[script_start..script_end]
            .find(&wasm_literal)
            .ok_or_else(|| unexpected(&format!("the boot script does not name `{wasm_href}`")))?;
    head.replace_range(wasm_at..wasm_at + wasm_literal.len(), &checked_fetch);
    head.insert_str(script_start, &format!(r#"<script type="importmap">{import_map}</script>"#));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Trunk 0.21.14 writes for the app, after `integrity::refresh`.
    const TRUNK_HEAD: &str = "<link rel=\"stylesheet\" href=\"/news/styles/site-1.css\">\n<script type=\"module\">\nimport init, * as bindings from '/news/app-1.js';\nconst wasm = await init({ module_or_path: '/news/app-1_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n\n</script>\n<link rel=\"modulepreload\" href=\"/news/app-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-glue\"><link rel=\"preload\" href=\"/news/app-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-wasm\" as=\"fetch\" type=\"application/wasm\">";

    #[test]
    fn the_wasm_is_fetched_with_its_integrity_and_the_glue_has_it_in_an_import_map() {
        let mut head = TRUNK_HEAD.to_string();
        check_what_runs(&mut head, Path::new("index.html")).unwrap();
        let expected = TRUNK_HEAD
            .replace("<script type=\"module\">", "<script type=\"importmap\">{\"integrity\":{\"/news/app-1.js\":\"sha384-glue\"}}</script><script type=\"module\">")
            .replace("module_or_path: '/news/app-1_bg.wasm'", "module_or_path: fetch('/news/app-1_bg.wasm', { integrity: 'sha384-wasm' })");
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
}
