#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Direction {
    pub fn as_html(self) -> &'static str {
        match self {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }
}

/// Languages written right to left. Uyghur (`ug`) is here on purpose: tables copied
/// from elsewhere often list only Arabic, Hebrew and Urdu.
const RIGHT_TO_LEFT_LANGUAGES: &[&str] =
    &["ar", "arc", "ckb", "dv", "fa", "he", "khw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"];

/// Script subtags written right to left, for tags such as `ku-Arab` or `az-Arab`.
const RIGHT_TO_LEFT_SCRIPTS: &[&str] = &["adlm", "arab", "hebr", "nkoo", "rohg", "syrc", "thaa"];

/// Whether the primary language subtag of the BCP 47 tag `language` is `primary` (given
/// in lower case): `ug`, `UG`, `ug-CN` and `ug_CN` are all `ug`, since tags are
/// case-insensitive. Everything that depends on the language (interface text, direction,
/// dates, names) is looked up by this, without allocating.
pub fn is_language(language: &str, primary: &str) -> bool {
    language.split(['-', '_']).next().is_some_and(|subtag| subtag.eq_ignore_ascii_case(primary))
}

/// The writing direction of a BCP 47 language tag such as `ug`, `ug-CN` or `en-GB`.
pub fn text_direction(language: &str) -> Direction {
    let is_right_to_left_script = language
        .split(['-', '_'])
        .skip(1)
        .any(|subtag| RIGHT_TO_LEFT_SCRIPTS.iter().any(|script| subtag.eq_ignore_ascii_case(script)));
    if RIGHT_TO_LEFT_LANGUAGES.iter().any(|primary| is_language(language, primary)) || is_right_to_left_script {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    }
}

/// A language's name in that language, to label links to a translation so that its
/// readers recognise it whatever language the current page is in.
const AUTONYMS: &[(&str, &str)] = &[
    ("ar", "العربية"),
    ("de", "Deutsch"),
    ("en", "English"),
    ("es", "Español"),
    ("fa", "فارسی"),
    ("fr", "Français"),
    ("ja", "日本語"),
    ("kk", "Қазақша"),
    ("ky", "Кыргызча"),
    ("ru", "Русский"),
    ("tr", "Türkçe"),
    ("ug", "ئۇيغۇرچە"),
    ("ur", "اردو"),
    ("uz", "Oʻzbekcha"),
    ("zh", "中文"),
];

/// The language's own name for itself; the tag itself for languages not listed.
pub fn language_name(language: &str) -> String {
    AUTONYMS
        .iter()
        .find(|(tag, _)| is_language(language, tag))
        .map_or_else(|| language.to_string(), |(_, name)| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uyghur_and_other_right_to_left_languages() {
        for tag in ["ug", "ug-CN", "UG", "ar", "fa", "he", "ur", "ps", "ku-Arab"] {
            assert_eq!(text_direction(tag), Direction::RightToLeft, "{tag}");
        }
    }

    #[test]
    fn the_primary_language_is_the_first_subtag_in_any_case() {
        for tag in ["ug", "UG", "ug-CN", "Ug_cn"] {
            assert!(is_language(tag, "ug"), "{tag}");
        }
        for tag in ["", "en", "ugx", "u", "en-ug"] {
            assert!(!is_language(tag, "ug"), "{tag}");
        }
    }

    #[test]
    fn languages_are_named_in_themselves() {
        assert_eq!(language_name("ug"), "ئۇيغۇرچە");
        assert_eq!(language_name("en-GB"), "English");
        assert_eq!(language_name("xx"), "xx");
    }

    #[test]
    fn left_to_right_languages() {
        for tag in ["en", "en-GB", "tr", "kk", "uz", "zh-Hans", ""] {
            assert_eq!(text_direction(tag), Direction::LeftToRight, "{tag}");
        }
    }
}
