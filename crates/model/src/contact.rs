//! When a media contact's e-mail and phone may become `mailto:` and `tel:` links.
//! Only plain ones: `press@example.org?bcc=…` or a "phone number" with letters could
//! make a reader's mail or phone app do more than write to, or call, the contact, so
//! anything else is shown as text. Limits: 254 characters for an address (RFC 5321),
//! 32 for a number (the longest international ones, written out with spaces, are ~20).

/// `local@domain.tld` with letters, digits and `.`, `_`, `+`, `-` only.
pub fn is_plain_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    let local_is_plain =
        !local.is_empty() && local.bytes().all(|byte| byte.is_ascii_alphanumeric() || b"._+-".contains(&byte));
    let labels_are_plain = domain.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
    });
    text.len() <= 254 && local_is_plain && domain.contains('.') && labels_are_plain
}

/// Digits with the usual separators (space, `-`, `.`, parentheses) and a leading `+`.
pub fn is_plain_phone(text: &str) -> bool {
    let number = text.strip_prefix('+').unwrap_or(text);
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    text.len() <= 32 && digits >= 3 && number.bytes().all(|byte| byte.is_ascii_digit() || b" -.()".contains(&byte))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_addresses_and_numbers_are_links() {
        for email in ["press@example.org", "first.last+news@mail.example.co.uk", "a_b-c@x-y.example"] {
            assert!(is_plain_email(email), "{email}");
        }
        for phone in ["+1 555 0100", "+90 (212) 555-01-00", "030.1234567", "112"] {
            assert!(is_plain_phone(phone), "{phone}");
        }
    }

    #[test]
    fn anything_that_could_do_more_stays_text() {
        for email in [
            "press@example.org?bcc=all@evil.example",
            "a@b",
            "@example.org",
            "press@",
            "a b@example.org",
            "x@-evil.example",
            "x@evil..example",
            "javascript:alert(1)//@x.org",
            "a@b@example.org",
            "press@example.org\n",
        ] {
            assert!(!is_plain_email(email), "{email}");
        }
        for phone in
            ["+1 555 0100;ext=1", "call us", "+", "12", "+1 555 0100\u{0}", "1-800-FLOWERS", "++1 555", &"1".repeat(33)]
        {
            assert!(!is_plain_phone(phone), "{phone}");
        }
    }
}
