//! The parts pages are made of. Each file is one component, with the smaller parts that
//! only it uses (`release_body.rs`: blocks, inlines and figures; `load_state.rs`: the
//! loading and failed states; `donation_banner.rs`: the banner and its one appeal). Its
//! styles are the file of the same name in `style/`, its end-to-end tests in
//! `tests/e2e/`, and what it does for accessibility is written at its top. What can be
//! seen in its HTML is tested at its end, in `cargo test` (feature `ssr`), from the
//! example inputs all those tests share (`examples.rs`), read by role and accessible
//! name (`markup.rs`); those two files are for tests only.

mod announcer;
mod archive_years;
mod back_to_top;
mod contact_details;
mod donation_banner;
#[cfg(all(test, feature = "ssr"))]
pub(crate) mod examples;
mod load_state;
#[cfg(all(test, feature = "ssr"))]
pub(crate) mod markup;
#[cfg(feature = "ssr")]
mod media_library;
mod pager;
mod printed_address;
mod published_date;
mod release_body;
mod release_list;
mod share;
mod site_footer;
mod site_header;
mod skip_link;
mod unpublished_mark;

pub use announcer::Announcer;
pub use archive_years::ArchiveYears;
pub use back_to_top::BackToTop;
pub use contact_details::ContactDetails;
pub use donation_banner::DonationBanner;
pub use load_state::{LoadState, Loading};
#[cfg(feature = "ssr")]
pub use media_library::{MediaEntry, MediaLibrary};
pub use pager::Pager;
pub use printed_address::PrintedAddress;
pub use published_date::PublishedDate;
pub use release_body::{Blocks, Figure};
pub use release_list::ReleaseList;
pub use share::Share;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
pub use unpublished_mark::UnpublishedMark;
