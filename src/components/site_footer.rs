//! Accessibility: a `contentinfo` landmark. It can take focus (`tabindex="-1"`) because
//! it is where focus goes when the donation banner above it is closed. It holds the
//! back-to-top link (fixed on screen, but inside a landmark for screen readers), a
//! plain donate link that stays when the appeal is closed (a link, not a button: it
//! leads to another site) and the address printed at the end of a page.

use crate::addresses::is_allowed_link;
use crate::components::contact_details::email_link;
use crate::components::{BackToTop, PrintedAddress};
use crate::element_ids;
use crate::i18n::use_ui;
use crate::site_data::use_site;
use leptos::prelude::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="site-footer" id=element_ids::SITE_FOOTER tabindex="-1">
            <p class="site-footer__name">{site.name.clone()}</p>
            <p>{site.tagline.clone()}</p>
            {site.contact.email.clone().map(|email| view! {
                <p>{use_ui().press_enquiries} " " {email_link(email)}</p>
            })}
            {site.donate_url.clone().filter(|url| is_allowed_link(url)).map(|url| view! {
                <p><a href=url>{use_ui().donate}</a></p>
            })}
            <BackToTop />
            <PrintedAddress />
        </footer>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use newsroom_model::Route;

    use super::*;
    use crate::components::examples::{render, render_with, site, WINTER_APPEAL_DAY};
    use crate::components::markup::Markup;

    fn footer(language: &str) -> Markup {
        Markup::of(&render(Route::Home, language, || view! { <SiteFooter /> }))
    }

    #[test]
    fn the_footer_is_the_contentinfo_landmark_and_can_take_focus() {
        let page = footer("en");
        let footer = page.only("contentinfo");
        assert_eq!(footer.attribute("id"), Some("site-footer"));
        assert_eq!(footer.attribute("tabindex"), Some("-1"));
        assert!(footer.text.starts_with("Sample Rights Campaign"), "{}", page.html());
    }

    #[test]
    fn the_back_to_top_link_is_inside_the_landmark() {
        let page = footer("en");
        assert!(page.only("contentinfo").contains(page.one("link", "Back to top")));
    }

    #[test]
    fn press_enquiries_go_to_the_press_address_in_the_page_language() {
        let page = footer("en");
        assert!(page.only("contentinfo").text.contains("Press enquiries: press@example.org"), "{}", page.html());
        assert_eq!(page.one("link", "press@example.org").attribute("href"), Some("mailto:press@example.org"));
        assert!(footer("ug").only("contentinfo").text.contains("ئاخبارات سوئاللىرى: press@example.org"));
    }

    #[test]
    fn a_site_without_a_press_address_has_no_press_line() {
        let mut site = site();
        site.contact.email = None;
        let page = Markup::of(&render_with(site, WINTER_APPEAL_DAY, Route::Home, "en", || view! { <SiteFooter /> }));
        assert!(!page.html().contains("Press enquiries"), "{}", page.html());
    }

    #[test]
    fn the_donate_link_is_in_the_footer_in_the_page_language_and_only_to_an_allowed_address() {
        let page = footer("en");
        assert_eq!(
            page.within(page.only("contentinfo")).one("link", "Donate").attribute("href"),
            Some("https://example.org/donate")
        );
        assert_eq!(footer("tr").one("link", "Bağış yapın").attribute("href"), Some("https://example.org/donate"));
        for (donate_url, shown) in [(Some("javascript:alert(1)"), false), (None, false)] {
            let mut site = site();
            site.donate_url = donate_url.map(str::to_string);
            let page =
                Markup::of(&render_with(site, WINTER_APPEAL_DAY, Route::Home, "en", || view! { <SiteFooter /> }));
            assert_eq!(page.has("link", "Donate"), shown, "{}", page.html());
        }
    }
}
