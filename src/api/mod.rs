//! Loading the JSON the content build wrote, as page state: waiting (quietly, then
//! saying so), ready, or failed in a way the page can explain. This module also owns
//! the handover of a page's data: `seed` gives the app, before it renders, what the
//! page is made from (in the browser the JSON a pre-rendered page carries, in
//! pre-rendering what the content build made it from), so the first render needs no
//! request and draws exactly what was pre-rendered.
//!
//! Decoded data is kept by path, typed (`PageData`): going back to a page shows it at
//! once, without a request or a second decoding. Only data that decoded is kept, so
//! after a damaged reply Retry asks the host again. A list, not a map: a visit reads
//! dozens of files, and a map's code costs more bytes than searching them does time.
//! At most `KEPT_PAGES` are kept, the oldest forgotten first: a long visit through the
//! archive of 10,000 releases would otherwise hold every list and release it passed.
//!
//! `prefetch` loads a page's data before it is asked for: when the reader points at,
//! focuses or touches a link (see `navigation`), 100-300 ms before the click lands, so
//! a first visit renders as fast as a revisit.

#[cfg(not(feature = "ssr"))]
mod http;

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use newsroom_model::{IndexPage, Release, Route};
use web_sys::AbortController;

#[cfg(not(feature = "ssr"))]
pub use http::{embedded_page_data, prefetch};
use newsroom_model::json::FromJson;

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "ssr", expect(dead_code, reason = "pre-rendering has its data in hand: only fetching fails"))]
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
    Ready(Arc<T>),
    Failed(LoadError),
}

impl<T> Clone for Remote<T> {
    fn clone(&self) -> Self {
        match self {
            Remote::Waiting { long } => Remote::Waiting { long: *long },
            Remote::Ready(value) => Remote::Ready(Arc::clone(value)),
            Remote::Failed(error) => Remote::Failed(error.clone()),
        }
    }
}

/// What a page is made from, decoded: a list or a release.
#[derive(Clone)]
pub enum PageData {
    List(Arc<IndexPage>),
    Release(Arc<Release>),
}

/// The two kinds of file a page is made from. A page asks for its kind by type, so it
/// can only ever be given that kind.
pub trait PageContent: FromJson + Send + Sync + 'static {
    /// Only the browser, which fetches, keeps data it did not start with.
    #[cfg(not(feature = "ssr"))]
    fn into_page_data(value: Arc<Self>) -> PageData;
    fn from_page_data(data: &PageData) -> Option<Arc<Self>>;
}

impl PageContent for IndexPage {
    #[cfg(not(feature = "ssr"))]
    fn into_page_data(value: Arc<Self>) -> PageData {
        PageData::List(value)
    }

    fn from_page_data(data: &PageData) -> Option<Arc<Self>> {
        match data {
            PageData::List(index) => Some(Arc::clone(index)),
            PageData::Release(_) => None,
        }
    }
}

impl PageContent for Release {
    #[cfg(not(feature = "ssr"))]
    fn into_page_data(value: Arc<Self>) -> PageData {
        PageData::Release(value)
    }

    fn from_page_data(data: &PageData) -> Option<Arc<Self>> {
        match data {
            PageData::Release(release) => Some(Arc::clone(release)),
            PageData::List(_) => None,
        }
    }
}

/// The data `seed` was given is not what its route is made from.
#[derive(Debug, PartialEq)]
pub struct DataMismatch;

/// Hands over the data of the page about to be rendered. Pre-rendering forgets the data
/// of the page before (the content build renders thousands in turn); the browser seeds
/// once, at its start, when nothing is kept yet (so it has no code to forget: 52 B).
/// Data of another kind than the route's, another release than the route names, or
/// none for a route that needs it is refused: rendered, such a page would quietly say
/// "Page not found".
pub fn seed(route: &Route, data: Option<PageData>) -> Result<(), DataMismatch> {
    let fits = match (route, &data) {
        (Route::NotFound | Route::Search, None) => true,
        (Route::Release { slug }, Some(PageData::Release(release))) => release.listing.slug == *slug,
        (Route::Home | Route::Archive { .. } | Route::Tag { .. } | Route::Year { .. }, Some(PageData::List(_))) => true,
        _ => false,
    };
    if !fits {
        return Err(DataMismatch);
    }
    PAGES.with_borrow_mut(|pages| {
        #[cfg(feature = "ssr")]
        pages.clear();
        if let (Some(path), Some(data)) = (route.data_path(), data) {
            pages.push((path, data));
        }
    });
    Ok(())
}

/// How many pages' data the browser keeps: a release is 2-40 KB decoded, so at most
/// about a megabyte, and more than a reader goes back through.
#[cfg(not(feature = "ssr"))]
const KEPT_PAGES: usize = 32;

thread_local! {
    /// The requests under way, by the id of the `Loaded` that started them.
    static IN_FLIGHT: RefCell<Vec<(u32, AbortController)>> = const { RefCell::new(Vec::new()) };
    static NEXT_REQUEST: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// Decoded page data by the path it was read from, oldest first.
    static PAGES: RefCell<Vec<(String, PageData)>> = const { RefCell::new(Vec::new()) };
}

#[cfg(not(feature = "ssr"))]
fn is_kept(path: &str) -> bool {
    PAGES.with_borrow(|pages| pages.iter().any(|(kept, _)| kept == path))
}

fn kept<T: PageContent>(path: &str) -> Option<Arc<T>> {
    PAGES.with_borrow(|pages| pages.iter().find(|(kept, _)| kept == path).and_then(|(_, data)| T::from_page_data(data)))
}

#[cfg(not(feature = "ssr"))]
fn keep<T: PageContent>(path: String, value: Arc<T>) {
    PAGES.with_borrow_mut(|pages| {
        pages.retain(|(kept, _)| *kept != path);
        if pages.len() == KEPT_PAGES {
            pages.remove(0);
        }
        pages.push((path, T::into_page_data(value)));
    });
}

/// One JSON file being loaded for a page; dropped with the page, which aborts it.
/// Its signal and value use Leptos's thread-safe storage, as every other signal of the
/// app does, and the request under way is kept by id in `IN_FLIGHT`: local storage for
/// these alone cost 263 B brotli of code of its own.
pub struct Loaded<T: 'static> {
    pub state: RwSignal<Remote<T>>,
    path: StoredValue<String>,
    /// Its key in `IN_FLIGHT`.
    request: u32,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Loaded<T> {}

/// Starts loading `path` (relative to where the site is deployed) for the current owner.
pub fn load<T: PageContent>(path: String) -> Loaded<T> {
    let request = NEXT_REQUEST.replace(NEXT_REQUEST.get().wrapping_add(1));
    let loaded =
        Loaded { state: RwSignal::new(Remote::Waiting { long: false }), path: StoredValue::new(path), request };
    loaded.start();
    on_cleanup(move || loaded.abort());
    loaded
}

impl<T: PageContent> Loaded<T> {
    pub fn retry(&self) {
        self.start();
    }

    /// Shows the kept data at once, or (in the browser) fetches it. Pre-rendering
    /// fetches nothing: a page's data was seeded, or it has none.
    fn start(&self) {
        let Some(path) = self.path.try_get_value() else { return };
        if let Some(value) = kept::<T>(&path) {
            return self.state.set(Remote::Ready(value));
        }
        #[cfg(feature = "ssr")]
        self.state.set(Remote::Failed(LoadError::NotFound));
        #[cfg(not(feature = "ssr"))]
        {
            self.abort();
            http::start(self, path);
        }
    }
}

impl<T: 'static> Loaded<T> {
    fn abort(&self) {
        let controller = IN_FLIGHT.with_borrow_mut(|in_flight| {
            let at = in_flight.iter().position(|(request, _)| *request == self.request)?;
            Some(in_flight.swap_remove(at).1)
        });
        if let Some(controller) = controller {
            controller.abort();
        }
    }

    #[cfg(not(feature = "ssr"))]
    fn set_in_flight(&self, controller: AbortController) {
        IN_FLIGHT.with_borrow_mut(|in_flight| in_flight.push((self.request, controller)));
    }
}
