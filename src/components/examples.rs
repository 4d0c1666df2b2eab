//! The example inputs every component's tests share, and the one way those tests render
//! a component: to HTML, natively, set up as pre-rendering sets up a page (with
//! `prerender::render_in_page`), so a test sees what a reader without script gets and
//! what the app starts from. All names and texts are invented, as in `content/`.

use leptos::prelude::IntoView;
use newsroom_model::{
    Block, Campaign, Contact, Image, IndexPage, Inline, Original, Release, ReleaseLink, ReleaseSummary, Route, Site,
    Tag, Translation,
};

use crate::api::{self, PageData};
use crate::prerender::{render_in_page, Page};

/// Every example is deployed under a sub-path, so every `href` a test reads shows that
/// links keep it.
pub const BASE_PATH: &str = "/newsroom/";
/// A day the winter appeal runs and the spring one does not.
pub const WINTER_APPEAL_DAY: &str = "2026-12-01";
/// A day between the two appeals.
pub const DAY_WITHOUT_APPEAL: &str = "2027-02-14";

/// A site with two appeals (winter, then spring), a contact with plain e-mail and phone,
/// an about-us text and two archive years.
pub fn site() -> Site {
    Site {
        name: "Sample Rights Campaign".to_string(),
        tagline: "Press releases of a human-rights campaign.".to_string(),
        language: "en".to_string(),
        about: vec![Block::Paragraph(vec![text("The Sample Rights Campaign is an invented organization.")])],
        contact: Contact {
            name: "Press office".to_string(),
            role: Some("Media relations".to_string()),
            email: Some("press@example.org".to_string()),
            phone: Some("+1 202 555 0100".to_string()),
            card: Some("press-office".to_string()),
        },
        campaigns: vec![
            campaign("winter-appeal", "Stand with families searching for their relatives", "2026-11-01", "2027-01-31"),
            campaign("spring-appeal", "Help us keep the record", "2027-03-01", "2027-04-30"),
        ],
        donate_url: Some("https://example.org/donate".to_string()),
        image_hosts: Vec::new(),
        archive_years: vec![2026, 2025],
    }
}

fn campaign(id: &str, headline: &str, starts: &str, ends: &str) -> Campaign {
    Campaign {
        id: id.to_string(),
        headline: headline.to_string(),
        text: "Your gift funds legal research and testimony collection.".to_string(),
        action_label: "Donate".to_string(),
        action_url: "https://example.org/donate".to_string(),
        tax_note: Some("Donations are tax-deductible to the extent allowed by law.".to_string()),
        starts: starts.to_string(),
        ends: ends.to_string(),
        views_per_visit: None,
    }
}

/// A release in English whose body has a block of every kind and an inline of every kind.
pub fn english_release() -> Release {
    Release {
        listing: ReleaseSummary {
            slug: "statement-on-forced-returns".to_string(),
            title: "No one should be forced back to danger".to_string(),
            published: "2026-11-20T10:00:00-05:00".to_string(),
            dateline: "Washington".to_string(),
            summary: "The campaign calls on governments to stop forced returns.".to_string(),
            tags: vec![Tag { name: "Advocacy".to_string(), slug: "advocacy".to_string() }],
            language: "en".to_string(),
            unpublished: false,
        },
        image: Some(Image {
            src: "images/vigil-0123456789-1200.jpeg".to_string(),
            alt: "People holding candles at a vigil".to_string(),
            caption: Some("A vigil for detained relatives.".to_string()),
            size: Some((1200, 800)),
            credit: Some("Photo: Sample Rights Campaign · CC BY 4.0".to_string()),
            widths: vec![480, 800, 1200],
            formats: vec!["avif".to_string(), "jpeg".to_string()],
            original: Some(Original { href: "media/vigil.jpg".to_string(), details: "JPEG, 2.6 MB".to_string() }),
        }),
        body: vec![
            Block::Paragraph(vec![
                text("Governments must "),
                Inline::Emphasis(vec![text("stop")]),
                text(" forced returns "),
                Inline::Strong(vec![text("now")]),
                text(", says the "),
                Inline::Code("UN".to_string()),
                text(" report."),
                Inline::LineBreak,
                Inline::Link { href: "https://example.org/report".to_string(), content: vec![text("Read the report")] },
            ]),
            Block::Heading { level: 2, content: vec![text("Our demands")] },
            Block::List {
                ordered: false,
                items: vec![vec![text("Halt planned returns")], vec![text("Inform the families")]],
            },
            Block::Heading { level: 3, content: vec![text("Next steps")] },
            Block::List {
                ordered: true,
                items: vec![vec![text("Brief the council")], vec![text("Publish the findings")]],
            },
            Block::Quote {
                content: vec![Block::Paragraph(vec![text("No one should be sent back to torture.")])],
                attribution: Some("A. Spokesperson".to_string()),
            },
            Block::Image(Image {
                src: "media/map.png".to_string(),
                alt: "A map of the region".to_string(),
                caption: Some("Where the returns are planned.".to_string()),
                size: Some((800, 600)),
                ..Image::default()
            }),
        ],
        translations: vec![Translation {
            slug: "statement-on-forced-returns-ug".to_string(),
            title: "ھېچكىم خەتەرگە زورلاپ قايتۇرۇلماسلىقى كېرەك".to_string(),
            language: "ug".to_string(),
        }],
        contact: None,
        previous: Some(ReleaseLink { slug: "older-release".to_string(), title: "An older release".to_string() }),
        next: None,
        related: Vec::new(),
    }
}

/// The same release in Uyghur (Arabic script, right to left), a translation of the
/// English one, with a block of every kind.
pub fn uyghur_release() -> Release {
    Release {
        listing: ReleaseSummary {
            slug: "statement-on-forced-returns-ug".to_string(),
            title: "ھېچكىم خەتەرگە زورلاپ قايتۇرۇلماسلىقى كېرەك".to_string(),
            published: "2026-11-20T22:00:00+08:00".to_string(),
            dateline: "بانكوك".to_string(),
            summary: "بۇ، ئىنگلىزچە باياناتنىڭ قىسقا ئۇيغۇرچە نۇسخىسى.".to_string(),
            tags: vec![Tag { name: "Advocacy".to_string(), slug: "advocacy".to_string() }],
            language: "ug".to_string(),
            unpublished: false,
        },
        image: None,
        body: vec![
            Block::Paragraph(vec![
                text("تولۇق مەزمۇن ئۈچۈن "),
                Inline::Link {
                    href: "/releases/statement-on-forced-returns/".to_string(),
                    content: vec![text("ئىنگلىزچە باياناتنى")],
                },
                text(" كۆرۈڭ."),
            ]),
            Block::Heading { level: 2, content: vec![text("تەلەپلىرىمىز")] },
            Block::List {
                ordered: false, items: vec![vec![text("پىلانلانغان قايتۇرۇشنى توختىتىش")]]
            },
            Block::Quote {
                content: vec![Block::Paragraph(vec![text("ھېچكىم قايتۇرۇلماسلىقى كېرەك.")])],
                attribution: None,
            },
            Block::Image(Image {
                src: "media/map.png".to_string(),
                alt: "رايون خەرىتىسى".to_string(),
                caption: None,
                ..Image::default()
            }),
        ],
        translations: vec![Translation {
            slug: "statement-on-forced-returns".to_string(),
            title: "No one should be forced back to danger".to_string(),
            language: "en".to_string(),
        }],
        contact: None,
        previous: None,
        next: None,
        related: Vec::new(),
    }
}

/// Page `page` of `pages` of the archive, listing the English and the Uyghur release.
pub fn index_page(page: u32, pages: u32) -> IndexPage {
    IndexPage { page, pages, total: 12, tag: None, releases: vec![english_release().listing, uyghur_release().listing] }
}

pub fn text(text: &str) -> Inline {
    Inline::Text(text.to_string())
}

/// `view` rendered to HTML for a page at `route` whose interface speaks `language`, on a
/// day the winter appeal runs, with the example site.
pub fn render<V: IntoView + 'static>(route: Route, language: &str, view: impl FnOnce() -> V) -> String {
    render_with(site(), WINTER_APPEAL_DAY, route, language, view)
}

/// The whole page at `route`, the shell around what the page is made from (`data`;
/// `None` for the not-found page), as pre-rendering renders it.
pub fn render_page(route: Route, data: Option<PageData>, language: &str) -> String {
    let site = site();
    let page = Page { route: &route, data, language, site: &site, base_path: BASE_PATH, today: WINTER_APPEAL_DAY };
    page.body_html().expect("data of the kind the route is made from")
}

/// `render` with another site or day. Sets up what components find in the context, as
/// pre-rendering does, and leaves out the `<!>` markers, as pre-rendering does.
pub fn render_with<V: IntoView + 'static>(
    site: Site,
    day: &str,
    route: Route,
    language: &str,
    view: impl FnOnce() -> V,
) -> String {
    // Page data is kept per thread, and tests share threads: each render starts without
    // any, so only a test that renders a whole page (`render_page`) has some.
    api::seed(&Route::NotFound, None).expect("the not-found page is made from nothing");
    render_in_page(site, day, route, BASE_PATH, language, view)
}
