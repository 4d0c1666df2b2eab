//! Accessibility: an address block; e-mail and phone are links a phone can act on,
//! when they are a plain address and number (`is_plain_email`, `is_plain_phone`):
//! otherwise text, so data cannot add recipients or dial codes. The contact card is a
//! download link whose text names what it gives and its format (.vcf), for readers who
//! cannot see a file icon; its file name must be a slug, so data cannot point it
//! elsewhere.

use leptos::prelude::*;
use newsroom_model::{is_plain_email, is_plain_phone, is_slug, Contact};

use crate::i18n::use_ui;
use crate::navigation::file_href;

#[component]
pub fn ContactDetails(contact: Contact) -> impl IntoView {
    let Contact { name, role, email, phone, card } = contact;
    view! {
        <address class="contact-details">
            <span class="contact-details__name">{name}</span>
            {role.map(|role| view! { <span>{role}</span> })}
            {email.map(email_link)}
            {phone.map(|phone| link_if(is_plain_phone(&phone).then(|| format!("tel:{}", phone.replace(' ', ""))), phone))}
            {card.filter(|card| is_slug(card)).map(|card| view! {
                <a href=file_href(&format!("contacts/{card}.vcf")) download>{use_ui().contact_card}</a>
            })}
        </address>
    }
}

/// A `mailto:` link to a plain address; any other text as text.
pub fn email_link(email: String) -> impl IntoView {
    link_if(is_plain_email(&email).then(|| format!("mailto:{email}")), email)
}

/// One view for both kinds of link, so the app carries its code once. Without `href`,
/// an `<a>` is no link, only its text (HTML's placeholder for a link).
fn link_if(href: Option<String>, text: String) -> impl IntoView {
    view! { <a href=href>{text}</a> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use newsroom_model::Route;

    use super::*;
    use crate::components::examples::{render, site};
    use crate::components::markup::Markup;

    fn details(contact: Contact) -> Markup {
        Markup::of(&render(Route::Home, "en", move || view! { <ContactDetails contact /> }))
    }

    #[test]
    fn the_contact_is_an_address_with_its_e_mail_and_phone_as_links_a_phone_can_act_on() {
        let page = details(site().contact);
        let address = page.tags("address");
        assert_eq!(address.len(), 1, "{}", page.html());
        assert!(address[0].text.contains("Press office") && address[0].text.contains("Media relations"));
        let inside = page.within(address[0]);
        assert_eq!(inside.one("link", "press@example.org").attribute("href"), Some("mailto:press@example.org"));
        assert_eq!(inside.one("link", "+1 202 555 0100").attribute("href"), Some("tel:+12025550100"));
    }

    #[test]
    fn an_e_mail_or_number_that_is_not_plain_is_text_and_no_link() {
        let contact = Contact {
            name: "Press office".to_string(),
            role: None,
            email: Some("press@example.org?bcc=everyone@example.org".to_string()),
            phone: Some("+1 202 555 0100;ext=9".to_string()),
            card: None,
        };
        let page = details(contact);
        assert!(page.all("link").is_empty(), "{}", page.html());
        let address = page.tags("address")[0];
        assert!(address.text.contains("press@example.org?bcc=everyone@example.org"));
        assert!(address.text.contains("+1 202 555 0100;ext=9"));
    }

    #[test]
    fn the_card_downloads_from_the_sites_contacts_folder_and_only_by_a_slug() {
        let page = details(site().contact);
        let card = page.one("link", "Save to contacts (.vcf)");
        assert_eq!(card.attribute("href"), Some("/newsroom/contacts/press-office.vcf"));
        assert_eq!(card.attribute("download"), Some(""));
        for elsewhere in ["//evil.example/x", "../data/site", "a b", ""] {
            let page = details(Contact { card: Some(elsewhere.to_string()), ..site().contact });
            assert!(page.all("link").iter().all(|link| !link.text.contains(".vcf")), "{elsewhere}: {}", page.html());
        }
    }
}
