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
const RIGHT_TO_LEFT_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "khw", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
];

/// Script subtags written right to left, for tags such as `ku-Arab` or `az-Arab`.
const RIGHT_TO_LEFT_SCRIPTS: &[&str] = &["adlm", "arab", "hebr", "nkoo", "rohg", "syrc", "thaa"];

/// The writing direction of a BCP 47 language tag such as `ug`, `ug-CN` or `en-GB`.
pub fn text_direction(language: &str) -> Direction {
    let tag = language.to_ascii_lowercase();
    let mut subtags = tag.split(['-', '_']);
    let primary = subtags.next().unwrap_or_default();
    if RIGHT_TO_LEFT_LANGUAGES.contains(&primary) || subtags.any(|subtag| RIGHT_TO_LEFT_SCRIPTS.contains(&subtag)) {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    }
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
    fn left_to_right_languages() {
        for tag in ["en", "en-GB", "tr", "kk", "uz", "zh-Hans", ""] {
            assert_eq!(text_direction(tag), Direction::LeftToRight, "{tag}");
        }
    }
}
