//! The content model: the JSON the content build writes and the app reads, and the
//! URL scheme both agree on. One set of types, so the two can never drift apart.
//! The format is documented for people in `docs/content-format.md`.

mod body;
mod contact;
mod dates;
mod holes;
mod index;
pub mod json;
mod language;
mod page;
mod release;
mod route;
mod site;

pub use body::{copy_widths, Block, Image, Inline, ListItem, Original};
pub use contact::{is_plain_email, is_plain_phone};
pub use dates::long_date;
pub use holes::fill;
pub use index::{IndexPage, PAGE_SIZE};
pub use language::{is_language, language_name, text_direction, Direction};
pub use page::{document_title, PAGE_DATA_ELEMENT, SITE_DATA_ELEMENT};
pub use release::{Release, ReleaseLink, ReleaseSummary, Tag, Translation};
pub use route::{is_slug, topic_feed_path, Route, SITE_DATA_PATH};
pub use site::{Campaign, Contact, Site};
