//! The content build as a library: what `content-build` (the binary Trunk's hook runs)
//! does, and what the fuzz targets in `fuzz/` drive with hostile input. The modules
//! behind the `render` feature write the site (its pages and feed entries drawn with
//! the app's Leptos components, in `pages`); the rest reads and checks content and
//! builds without Leptos (the fuzz targets' build drops from 10 minutes to 3 on 2
//! cores).

pub mod address;
pub mod body_urls;
pub mod boot_script;
#[cfg(feature = "render")]
pub mod built_site;
pub mod characters;
pub mod contact_card;
pub mod content;
pub mod error;
#[cfg(feature = "render")]
pub mod feed;
pub mod fields;
pub mod front_matter;
pub mod head_links;
#[cfg(feature = "render")]
pub mod host_headers;
pub mod image_size;
pub mod integrity;
#[cfg(feature = "render")]
pub mod json_files;
pub mod links;
pub mod live_reload;
pub mod markdown;
pub mod media;
#[cfg(feature = "render")]
pub mod output;
#[cfg(feature = "render")]
pub mod pages;
#[cfg(feature = "render")]
pub mod pictures;
pub mod policy;
pub mod release_source;
#[cfg(feature = "render")]
pub mod search;
#[cfg(feature = "render")]
pub mod share;
#[cfg(feature = "render")]
pub mod site_file;
pub mod site_source;
#[cfg(feature = "render")]
pub mod sitemap;
#[cfg(feature = "render")]
pub mod stylesheets;
pub mod svg;
#[cfg(feature = "render")]
pub mod watch;
