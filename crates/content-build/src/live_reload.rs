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
//!
//! Trunk's client reloads after Trunk's own builds only, and those rebuild the WASM too:
//! 3.2 s from saving a release to seeing it with 15 releases. Content is built by the
//! watcher (`watch`, started by `scripts/serve`) instead, which writes `RELOAD_FILE`
//! last after each build, with the time the last build that changed a file finished.
//! So beside Trunk's client the pages get a second one, which asks for that file every
//! 100 ms (a few bytes from the local server) and reloads the page when a build finished after the page began to load:
//! a time rather than "the number changed", so a build that finishes while the page
//! loads (the WASM of `trunk serve` is large) is not missed. The watcher and the browser
//! share a clock: `trunk serve` listens on 127.0.0.1. Asking is all it does: no
//! WebSocket server of our own, no port, nothing for the policy to allow beyond
//! `connect-src 'self'`; the policy hashes it with the other inline scripts.

/// Written by the watcher after each build, relative to the site folder; only the
/// watcher writes it, so a deployed site has none.
pub const RELOAD_FILE: &str = ".well-known/newsroom/content-build";

/// What `RELOAD_FILE` holds: a build's number and when the last build that changed a
/// file finished writing, in milliseconds since 1970 (0 for none). `trunk serve`
/// answers a missing file with its shell, which the first word tells apart.
pub fn reload_file_contents(build: u64, finished_ms: u128) -> String {
    format!("content-build {build} {finished_ms}\n")
}

/// The watcher's reload client: reloads when a build finished after the page began to load.
fn content_reload_client() -> String {
    format!(
        "<script>(() => {{ const poll = () => fetch('{RELOAD_FILE}', {{ cache: 'no-store' }}).then((answer) => (answer.ok ? answer.text() : '')).then((text) => {{ const [word, , finished] = text.split(' '); if (word === 'content-build' && Number(finished) > performance.timeOrigin) location.reload(); else setTimeout(poll, 100); }}, () => setTimeout(poll, 100)); poll(); }})();</script>"
    )
}

/// Every `<script>…</script>` element in `body`, placeholders filled, and, where Trunk's
/// live-reload client is among them, the watcher's.
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
    let content_client = content_reload_client();
    if scripts.contains(".well-known/trunk/ws") && !scripts.contains(&content_client) {
        scripts.push_str(&content_client);
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
    fn beside_trunks_client_the_watchers_client_is_added_once() {
        let body = "<body><script>const url = base + '.well-known/trunk/ws';</script></body>";
        let scripts = scripts_in(body);
        assert!(scripts.ends_with(&content_reload_client()), "{scripts}");
        assert_eq!(scripts_in(&scripts), scripts, "a kept shell read again gets no second copy");
        assert!(
            content_reload_client().contains(RELOAD_FILE) && reload_file_contents(7, 1).starts_with("content-build 7 ")
        );
    }

    #[test]
    fn a_body_without_scripts_adds_nothing() {
        assert_eq!(scripts_in("<body>\n<noscript><p>This newsroom needs JavaScript.</p></noscript>\n</body>"), "");
    }
}
