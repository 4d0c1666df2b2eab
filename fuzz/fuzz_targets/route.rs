//! Any address bar: a route is either not found or reads back from its own path.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsroom_model::Route;

fuzz_target!(|path: &str| {
    let route = Route::from_path(path);
    if route != Route::NotFound {
        assert_eq!(Route::from_path(&route.path()), route, "{path:?}");
    }
});
