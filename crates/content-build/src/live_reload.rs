//! `trunk serve` appends its live-reload client to the body of its `index.html` (Trunk
//! 0.21.14, `autoreload.js`, 4 KB: a WebSocket to `<base>.well-known/trunk/ws` that
//! reloads the page after each rebuild). The pages take their body from the app, so the
//! client is carried into each of them here, and saving a release reloads whichever page
//! is open. `trunk build` appends nothing, so nothing is carried.
//!
//! Trunk's server fills two placeholders of the client into every HTML response, from
//! the request's `Host`, which would change the script after the policy hashed it and
//! have the browser block it. They are filled here instead, with what the page knows:
//! its own host (what Trunk writes for a request without `Host`) and the path of its
//! `<base>`, the public URL, where Trunk serves the socket unless `--ws-base` says
//! otherwise. The server then finds nothing to fill.

/// Every `<script>…</script>` element in `body`, placeholders filled.
pub fn scripts_in(body: &str) -> String {
    let mut scripts = String::new();
    let mut from = 0;
    while let Some(offset) = body[from..].find("<script") {
        let start = from + offset;
        let Some(length) = body[start..].find("</script>") else { break };
        let end = start + length + "</script>".len();
        scripts.push_str(&body[start..end]);
        from = end;
    }
    // Trunk's minifier may have turned the quotes into backticks.
    for quote in ['\'', '`'] {
        scripts = scripts
            .replace(&format!("{quote}{{{{__TRUNK_ADDRESS__}}}}{quote}"), "window.location.host")
            .replace(&format!("{quote}{{{{__TRUNK_WS_BASE__}}}}{quote}"), "new URL(document.baseURI).pathname");
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_live_reload_client_is_kept_with_its_placeholders_filled_by_the_page() {
        let body = "<body>\n<noscript><p>x</p></noscript>\n<script>\"use strict\";\n(function () {\n    const address = '{{__TRUNK_ADDRESS__}}';\n    const base = '{{__TRUNK_WS_BASE__}}';\n    let protocol = '';\n})()</script></body>";
        assert_eq!(
            scripts_in(body),
            "<script>\"use strict\";\n(function () {\n    const address = window.location.host;\n    const base = new URL(document.baseURI).pathname;\n    let protocol = '';\n})()</script>"
        );
    }

    #[test]
    fn a_body_without_scripts_adds_nothing() {
        assert_eq!(scripts_in("<body>\n<noscript><p>This newsroom needs JavaScript.</p></noscript>\n</body>"), "");
    }
}
