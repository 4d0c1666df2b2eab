//! The content build as a library: what `content-build` (the binary Trunk's hook runs)
//! does, and what the fuzz targets in `fuzz/` drive with hostile input.

pub mod address;
pub mod body_urls;
pub mod boot_script;
pub mod characters;
pub mod content;
pub mod error;
pub mod feed;
pub mod fields;
pub mod front_matter;
pub mod head_links;
pub mod host_headers;
pub mod image_size;
pub mod integrity;
pub mod json_files;
pub mod links;
pub mod live_reload;
pub mod markdown;
pub mod media;
pub mod output;
pub mod pages;
pub mod policy;
pub mod release_source;
pub mod site_source;
pub mod sitemap;
pub mod stylesheets;
pub mod svg;
