//! Fetching in the browser: abortable, and every failure a value the page can explain,
//! never a panic. A reply over 2 MiB (`json::MAX_TEXT`; releases are 10-50 KB) is
//! damaged data, refused by its Content-Length or its length before it is parsed.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestInit, Response};

use newsroom_model::{IndexPage, Release, Route, PAGE_DATA_ELEMENT};

use super::{keep, LoadError, Loaded, PageContent, PageData, Remote};
use crate::json;

/// How long a page may wait in silence before it says it is loading: quicker answers
/// would only flash a message.
const QUIET_WAIT: Duration = Duration::from_millis(200);

/// Fetches the JSON, saying so after a quiet moment; keeps it once it has decoded.
pub(super) fn start<T: PageContent>(loaded: &Loaded<T>, path: String) {
    loaded.state.set(Remote::Waiting { long: false });
    let controller = AbortController::new().ok();
    let abort_signal = controller.as_ref().map(AbortController::signal);
    if let Some(controller) = controller {
        loaded.set_in_flight(controller);
    }

    let state = loaded.state;
    set_timeout(
        move || {
            if let Some(Remote::Waiting { long: false }) = state.try_get_untracked() {
                state.try_set(Remote::Waiting { long: true });
            }
        },
        QUIET_WAIT,
    );
    spawn_local(async move {
        let remote = match fetch_json(&path, abort_signal.as_ref()).await {
            Ok(json) => match json::read::<T>(&json) {
                Some(value) => {
                    let value = Arc::new(value);
                    keep(path, Arc::clone(&value));
                    Remote::Ready(value)
                }
                None => Remote::Failed(LoadError::Malformed),
            },
            Err(Aborted) => return,
            Err(Failed(error)) => Remote::Failed(error),
        };
        state.try_set(remote);
    });
}

/// Starts loading the data of `route` into what is kept, unless it is kept already or
/// the reader's browser asks to save data (`Save-Data`, from the reader's settings or a
/// data-saver mode). Failures are left to the page, which asks again if it is opened.
/// A second request for a file already on its way (pointing at a link, then pressing
/// it) waits for the first in the HTTP cache (Chromium's cache lock) instead of going to
/// the host.
pub fn prefetch(route: &Route) {
    let Some(path) = route.data_path() else { return };
    if saves_data() || super::is_kept(&path) {
        return;
    }
    let is_release = matches!(route, Route::Release { .. });
    spawn_local(async move {
        if let Ok(json) = fetch_json(&path, None).await {
            if is_release {
                keep_decoded::<Release>(path, &json);
            } else {
                keep_decoded::<IndexPage>(path, &json);
            }
        }
    });
}

fn keep_decoded<T: PageContent>(path: String, json: &JsValue) {
    if let Some(value) = json::read::<T>(json) {
        keep(path, Arc::new(value));
    }
}

/// `navigator.connection.saveData`, where the browser has it (Chromium); `false` elsewhere.
fn saves_data() -> bool {
    let get = |object: &JsValue, key: &str| js_sys::Reflect::get(object, &JsValue::from_str(key)).ok();
    get(&window(), "navigator")
        .and_then(|navigator| get(&navigator, "connection"))
        .and_then(|connection| get(&connection, "saveData"))
        .is_some_and(|save_data| save_data.is_truthy())
}

/// The data a pre-rendered page carries for `route`, if it carries that route's data
/// (its `data-path`) and it decodes; otherwise the page fetches its data, as after a
/// client-side move.
pub fn embedded_page_data(route: &Route) -> Option<PageData> {
    let path = route.data_path()?;
    let element = document().get_element_by_id(PAGE_DATA_ELEMENT)?;
    if element.get_attribute("data-path")? != path {
        return None;
    }
    let json = json::parse(&JsValue::from_str(&element.text_content()?))?;
    match route {
        Route::Release { .. } => json::read::<Release>(&json).map(|release| PageData::Release(Arc::new(release))),
        _ => json::read::<IndexPage>(&json).map(|index| PageData::List(Arc::new(index))),
    }
}

enum FetchOutcome {
    Aborted,
    Failed(LoadError),
}
use FetchOutcome::{Aborted, Failed};

async fn fetch_json(path: &str, abort_signal: Option<&AbortSignal>) -> Result<JsValue, FetchOutcome> {
    let init = RequestInit::new();
    init.set_signal(abort_signal);
    let response =
        JsFuture::from(window().fetch_with_str_and_init(path, &init)).await.map_err(|error| failure(&error))?;
    let response: Response = response.dyn_into().map_err(|_| Failed(LoadError::Network))?;
    if response.status() == 404 || response.status() == 410 {
        return Err(Failed(LoadError::NotFound));
    }
    if !response.ok() {
        return Err(Failed(LoadError::Server(response.status())));
    }
    // Static hosts answer a missing file with their HTML error or app page.
    let content_type = response.headers().get("content-type").ok().flatten().unwrap_or_default();
    if content_type.starts_with("text/html") {
        return Err(Failed(LoadError::NotFound));
    }
    let too_long = |length: &str| length.parse::<u32>().map_or(true, |length| length > json::MAX_TEXT);
    if response.headers().get("content-length").ok().flatten().is_some_and(|length| too_long(&length)) {
        return Err(Failed(LoadError::Malformed));
    }
    let reading = response.text().map_err(|_| Failed(LoadError::Malformed))?;
    let text = JsFuture::from(reading).await.map_err(|error| failure(&error))?;
    json::parse(&text).ok_or(Failed(LoadError::Malformed))
}

/// Reads a rejected promise's DOMException or Error by name.
fn failure(error: &JsValue) -> FetchOutcome {
    let name = js_sys::Reflect::get(error, &JsValue::from_str("name")).ok().and_then(|name| name.as_string());
    match name.as_deref() {
        Some("AbortError") => Aborted,
        Some("SyntaxError") => Failed(LoadError::Malformed),
        _ => Failed(LoadError::Network),
    }
}
