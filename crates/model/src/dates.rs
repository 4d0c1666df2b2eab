//! A release's day written out in its language, the same in the browser and in
//! pre-rendered pages. Month names and patterns are CLDR's (the "long" date style, as
//! browsers' `Intl.DateTimeFormat` writes it).

struct LongDate {
    language: &'static str,
    months: [&'static str; 12],
    /// `{d}`, `{month}` and `{y}` stand for the day, the month's name and the year.
    pattern: &'static str,
}

const LONG_DATES: &[LongDate] = &[
    LongDate {
        language: "en",
        months: [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        pattern: "{month} {d}, {y}",
    },
    LongDate {
        language: "tr",
        months: [
            "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım",
            "Aralık",
        ],
        pattern: "{d} {month} {y}",
    },
    LongDate {
        language: "ug",
        months: [
            "يانۋار",
            "فېۋرال",
            "مارت",
            "ئاپرېل",
            "ماي",
            "ئىيۇن",
            "ئىيۇل",
            "ئاۋغۇست",
            "سېنتەبىر",
            "ئۆكتەبىر",
            "نويابىر",
            "دېكابىر",
        ],
        pattern: "{d}-{month}، {y}",
    },
    LongDate {
        language: "ar",
        months: [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ],
        pattern: "{d} {month} {y}",
    },
    LongDate {
        language: "de",
        months: [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
        pattern: "{d}. {month} {y}",
    },
    LongDate {
        language: "fr",
        months: [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        pattern: "{d} {month} {y}",
    },
];

/// `day` is `YYYY-MM-DD`. Languages without a pattern here get the day as written.
pub fn long_date(day: &str, language: &str) -> String {
    let parts = (
        day.get(..4),
        day.get(5..7).and_then(|m| m.parse::<usize>().ok()),
        day.get(8..10).and_then(|d| d.parse::<u32>().ok()),
    );
    match (LONG_DATES.iter().find(|format| crate::is_language(language, format.language)), parts) {
        (Some(format), (Some(year), Some(month @ 1..=12), Some(day_of_month))) => crate::fill(
            format.pattern,
            &[("month", format.months[month - 1]), ("d", &day_of_month.to_string()), ("y", year)],
        ),
        _ => day.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::long_date;

    #[test]
    fn days_are_written_as_browsers_write_them() {
        assert_eq!(long_date("2026-11-20", "en"), "November 20, 2026");
        assert_eq!(long_date("2026-01-05", "en-GB"), "January 5, 2026");
        assert_eq!(long_date("2026-11-20", "tr"), "20 Kasım 2026");
        assert_eq!(long_date("2026-11-20", "ug"), "20-نويابىر، 2026");
        assert_eq!(long_date("2026-03-20", "de"), "20. März 2026");
    }

    #[test]
    fn unknown_languages_and_odd_days_fall_back_to_the_day_as_written() {
        assert_eq!(long_date("2026-11-20", "xx"), "2026-11-20");
        assert_eq!(long_date("2026-13-20", "en"), "2026-13-20");
    }
}
