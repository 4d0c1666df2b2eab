//! Loading the JSON the content build wrote, as page state: waiting (quietly, then
//! saying so), ready, or failed in a way the page can explain.

mod http;

use std::rc::Rc;

use leptos::prelude::*;
use web_sys::AbortController;

use crate::json::FromJson;
pub use http::keep_page_data;

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer: offline, DNS, a dropped connection.
    Network,
    /// The host has no such file (or answered with an HTML page instead of JSON).
    NotFound,
    /// The host answered with an error status.
    Server(u16),
    /// The file is there but is not the JSON the app expects.
    Malformed,
}

pub enum Remote<T> {
    Waiting { long: bool },
    Ready(Rc<T>),
    Failed(LoadError),
}

impl<T> Clone for Remote<T> {
    fn clone(&self) -> Self {
        match self {
            Remote::Waiting { long } => Remote::Waiting { long: *long },
            Remote::Ready(value) => Remote::Ready(Rc::clone(value)),
            Remote::Failed(error) => Remote::Failed(error.clone()),
        }
    }
}

/// One JSON file being loaded for a page; dropped with the page, which aborts it.
pub struct Loaded<T: 'static> {
    pub state: RwSignal<Remote<T>, LocalStorage>,
    path: StoredValue<String, LocalStorage>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Loaded<T> {}

/// Starts loading `path` (relative to where the site is deployed) for the current owner.
pub fn load<T: FromJson + 'static>(path: String) -> Loaded<T> {
    let loaded = Loaded {
        state: RwSignal::new_local(Remote::Waiting { long: false }),
        path: StoredValue::new_local(path),
        in_flight: StoredValue::new_local(None),
    };
    loaded.start();
    on_cleanup(move || loaded.abort());
    loaded
}

impl<T: FromJson + 'static> Loaded<T> {
    pub fn retry(&self) {
        self.start();
    }

    /// Outside the browser the page's data was handed over before rendering.
    #[cfg(feature = "ssr")]
    fn start(&self) {
        let path = self.path.get_value();
        self.state
            .set(crate::prerender::page_data::<T>(&path).map_or(Remote::Failed(LoadError::NotFound), Remote::Ready));
    }

    #[cfg(not(feature = "ssr"))]
    fn start(&self) {
        self.abort();
        http::start(self);
    }
}

impl<T: 'static> Loaded<T> {
    fn abort(&self) {
        if let Some(Some(controller)) = self.in_flight.try_update_value(Option::take) {
            controller.abort();
        }
    }
}
