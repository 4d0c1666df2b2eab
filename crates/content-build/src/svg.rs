//! An SVG file is a document, not just a picture: opened on its own (a reader following
//! the image's address), its scripts run on the newsroom's own address, with its
//! cookies and storage, and its links and references fetch from anywhere. So an SVG in
//! `content/media/` is published only when it is plain drawing: an allow-list of about
//! 70 drawing, text, gradient and filter elements and their presentation attributes.
//! Refused, each at the SVG's own line and column: a DOCTYPE (entities expand, and can
//! name files), processing instructions other than the XML declaration, `script`,
//! `foreignObject` (HTML inside), `style` elements, animation (`set` and `animate` can
//! change any attribute into a script address), `a`, `image`, `iframe`, every `on…`
//! attribute, any `href` other than `#id` within the file, `url(…)` to anything but
//! `#id`, `style` attributes with `url(`, `@import` or a backslash (CSS escapes), and
//! namespaces other than SVG's, XLink's and XML's own.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::error::{shown, Position};

/// A problem at a position of the SVG file.
#[derive(Debug, PartialEq)]
pub struct SvgProblem {
    pub position: Position,
    pub message: String,
}

const SVG_NAMESPACE: &[u8] = b"http://www.w3.org/2000/svg";
const XLINK_NAMESPACE: &[u8] = b"http://www.w3.org/1999/xlink";

const ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "title",
    "desc",
    "switch",
    "view",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "pattern",
    "clipPath",
    "mask",
    "marker",
    "filter",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
];

const ATTRIBUTES: &[&str] = &[
    // Structure and geometry.
    "id",
    "class",
    "lang",
    "version",
    "baseProfile",
    "viewBox",
    "preserveAspectRatio",
    "width",
    "height",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "fx",
    "fy",
    "fr",
    "d",
    "points",
    "pathLength",
    "transform",
    "dx",
    "dy",
    "rotate",
    "textLength",
    "lengthAdjust",
    "startOffset",
    "method",
    "spacing",
    "side",
    "path",
    "role",
    "aria-label",
    "aria-hidden",
    "aria-labelledby",
    "aria-describedby",
    "focusable",
    "systemLanguage",
    "href",
    // Paint servers, clipping, masking, markers.
    "gradientUnits",
    "gradientTransform",
    "spreadMethod",
    "offset",
    "patternUnits",
    "patternContentUnits",
    "patternTransform",
    "clipPathUnits",
    "maskUnits",
    "maskContentUnits",
    "markerWidth",
    "markerHeight",
    "markerUnits",
    "orient",
    "refX",
    "refY",
    // Filters.
    "filterUnits",
    "primitiveUnits",
    "in",
    "in2",
    "result",
    "stdDeviation",
    "mode",
    "operator",
    "k1",
    "k2",
    "k3",
    "k4",
    "values",
    "type",
    "tableValues",
    "slope",
    "intercept",
    "amplitude",
    "exponent",
    "baseFrequency",
    "numOctaves",
    "seed",
    "stitchTiles",
    "scale",
    "xChannelSelector",
    "yChannelSelector",
    "radius",
    "surfaceScale",
    "specularConstant",
    "specularExponent",
    "diffuseConstant",
    "kernelMatrix",
    "kernelUnitLength",
    "order",
    "divisor",
    "bias",
    "targetX",
    "targetY",
    "edgeMode",
    "preserveAlpha",
    "azimuth",
    "elevation",
    "z",
    "pointsAtX",
    "pointsAtY",
    "pointsAtZ",
    "limitingConeAngle",
    // Presentation attributes.
    "style",
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-dasharray",
    "stroke-dashoffset",
    "opacity",
    "color",
    "display",
    "visibility",
    "overflow",
    "clip",
    "clip-path",
    "clip-rule",
    "mask",
    "filter",
    "marker-start",
    "marker-mid",
    "marker-end",
    "stop-color",
    "stop-opacity",
    "flood-color",
    "flood-opacity",
    "lighting-color",
    "color-interpolation",
    "color-interpolation-filters",
    "shape-rendering",
    "text-rendering",
    "image-rendering",
    "vector-effect",
    "paint-order",
    "mix-blend-mode",
    "isolation",
    "font-family",
    "font-size",
    "font-size-adjust",
    "font-stretch",
    "font-style",
    "font-variant",
    "font-weight",
    "font",
    "text-anchor",
    "text-decoration",
    "dominant-baseline",
    "alignment-baseline",
    "baseline-shift",
    "letter-spacing",
    "word-spacing",
    "writing-mode",
    "direction",
    "unicode-bidi",
    "enable-background",
];

/// Every problem of the SVG `text`, or none.
pub fn check(text: &str) -> Result<(), Vec<SvgProblem>> {
    let mut reader = Reader::from_str(text);
    let mut problems = Vec::new();
    let mut refuse = |offset: u64, message: String| {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX);
        problems.push(SvgProblem { position: Position::of_offset(text, offset, 1), message });
    };
    loop {
        let start = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) => {
                refuse(
                    reader.error_position(),
                    format!("this is not well-formed XML ({error}): export the drawing again as plain SVG"),
                );
                break;
            }
        };
        match event {
            Event::Start(element) | Event::Empty(element) => check_element(text, start, &element, &mut refuse),
            Event::DocType(_) => refuse(
                start,
                "a DOCTYPE can define entities that expand or read other files: remove it (SVG needs none)".into(),
            ),
            Event::PI(_) => refuse(
                start,
                "a processing instruction (`<?…?>`, other than the XML declaration) can link a stylesheet: remove it"
                    .into(),
            ),
            Event::GeneralRef(reference) => {
                // `is_char_ref` looks only at the `#`: `&#junk;` must resolve to a character.
                let known = match reference.resolve_char_ref() {
                    Ok(Some(_)) => true,
                    Ok(None) => matches!(&*reference, b"lt" | b"gt" | b"amp" | b"quot" | b"apos"),
                    Err(_) => false,
                };
                if !known {
                    refuse(start, format!("the entity `&{};` is neither one of XML's own nor a character number: write the character itself", shown(&String::from_utf8_lossy(&reference))));
                }
            }
            Event::Eof => break,
            Event::End(_) | Event::Text(_) | Event::CData(_) | Event::Comment(_) | Event::Decl(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn check_element(text: &str, start: u64, element: &BytesStart, refuse: &mut impl FnMut(u64, String)) {
    let name = String::from_utf8_lossy(element.name().as_ref()).into_owned();
    let local = name.strip_prefix("svg:").unwrap_or(&name);
    if !ELEMENTS.contains(&local) {
        let why = match local {
            "script" => "runs code on the newsroom's address when the image is opened",
            "foreignObject" => "embeds HTML, which can run code",
            "style" => "a stylesheet can fetch from other sites: use presentation attributes such as `fill` instead",
            "a" => "a link in an image is invisible to readers and can lead anywhere",
            "image" | "feImage" | "iframe" | "video" | "audio" => "it loads another file, from anywhere",
            "animate" | "animateMotion" | "animateTransform" | "set" | "discard" => {
                "animation can change any attribute, links included"
            }
            _ => "it is not a plain drawing element this site publishes",
        };
        refuse(
            start,
            format!(
                "the SVG has a `<{}>` element: {why}. Remove it, or export the drawing again as plain SVG",
                shown(&name)
            ),
        );
    }
    let name_length = element.name().as_ref().len();
    let starts = attribute_starts(text, usize::try_from(start).unwrap_or(usize::MAX), name_length);
    for (index, attribute) in element.attributes().with_checks(true).enumerate() {
        let attribute = match attribute {
            Ok(attribute) => attribute,
            Err(error) => {
                refuse(start, format!("this element's attributes are not well-formed XML ({error})"));
                return;
            }
        };
        let key = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
        let at = starts.get(index).map_or(start, |&offset| offset as u64);
        let value = match attribute.normalized_value(XmlVersion::Implicit1_0) {
            Ok(value) => value.into_owned(),
            Err(_) => {
                refuse(at, format!("the attribute `{}` uses an entity that is not one of XML's own: write the characters themselves", shown(&key)));
                continue;
            }
        };
        if let Some(problem) = attribute_problem(&key, &value) {
            refuse(at, problem);
        }
    }
}

/// What is wrong with the attribute `key="value"`, if anything.
fn attribute_problem(key: &str, value: &str) -> Option<String> {
    let written = shown(key);
    if key.to_ascii_lowercase().starts_with("on") {
        return Some(format!("the attribute `{written}` runs code when something happens to the image: remove it"));
    }
    match key {
        "xmlns" if value.as_bytes() == SVG_NAMESPACE => return None,
        "xmlns:xlink" if value.as_bytes() == XLINK_NAMESPACE => return None,
        "xmlns:svg" if value.as_bytes() == SVG_NAMESPACE => return None,
        "xml:space" | "xml:lang" => return None,
        _ if key == "xmlns" || key.starts_with("xmlns:") => {
            return Some(format!("the namespace `{}` is not SVG's: drawing programs add their own (Inkscape, Illustrator); export as plain SVG", shown(value)))
        }
        _ => {}
    }
    let name = match key {
        "xlink:href" => "href",
        "xlink:title" => return None,
        _ => key,
    };
    if name.contains(':') || !ATTRIBUTES.contains(&name) {
        return Some(format!("the attribute `{written}` is not one this site publishes in an SVG: remove it, or export the drawing again as plain SVG"));
    }
    if name == "href" && !is_fragment(value) {
        return Some(format!("`{written}=\"{}\"` leads out of the file: an SVG here may refer only to its own parts, as in `href=\"#shape\"`", shown(value)));
    }
    let lower = value.to_ascii_lowercase();
    if key == "style"
        && (lower.contains("url(")
            || lower.contains("@import")
            || value.contains('\\')
            || lower.contains("expression("))
    {
        return Some("a `style` attribute with `url(`, `@import` or a backslash can fetch from other sites: use presentation attributes such as `fill=\"url(#gradient)\"` instead".to_string());
    }
    if value.contains('\\') {
        return Some(format!(
            "the attribute `{written}` has a backslash, which CSS reads as an escape that can hide `url(`: remove it"
        ));
    }
    if let Some(reference) = css_urls(value, &lower).find(|reference| !is_fragment(reference)) {
        return Some(format!(
            "`url({})` in `{written}` leads out of the file: refer only to the SVG's own parts, as in `url(#gradient)`",
            shown(reference)
        ));
    }
    None
}

/// The targets of `url(…)` (in any case, as CSS reads it) in an attribute value;
/// `lower` is `value` in ASCII lowercase, with the same byte offsets.
fn css_urls<'a>(value: &'a str, lower: &'a str) -> impl Iterator<Item = &'a str> {
    lower.match_indices("url(").map(move |(at, _)| {
        let rest = &value[at + 4..];
        rest[..rest.find(')').unwrap_or(rest.len())].trim().trim_matches(['"', '\''])
    })
}

/// `#name`: a part of the same file.
fn is_fragment(value: &str) -> bool {
    value
        .strip_prefix('#')
        .is_some_and(|id| !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || "-_.:".contains(c)))
}

/// Where each attribute of the element that starts at `start` (its `<`) begins in
/// `text`, in order. A well-formed attribute is a name, `=` and a value in quotes, and
/// only the value holds quotes: so each value is stepped over whole, from its opening
/// quote to the same quote closing it, and no text inside a value (a `>`, or
/// `onload=`) is taken for the tag's own.
fn attribute_starts(text: &str, start: usize, name_length: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = start.saturating_add(1 + name_length);
    loop {
        let Some(rest) = text.get(at..) else { return starts };
        at += rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
        let Some(attribute) = text.get(at..).filter(|attribute| !attribute.starts_with(['>', '/'])) else {
            return starts;
        };
        let Some(open) = attribute.find(['"', '\'']) else { return starts };
        let quote = attribute.as_bytes()[open] as char;
        let Some(length) = attribute[open + 1..].find(quote) else { return starts };
        starts.push(at);
        at += open + 1 + length + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(svg: &str) -> Vec<(usize, usize, String)> {
        check(svg)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|problem| (problem.position.line, problem.position.column, problem.message))
            .collect()
    }

    #[test]
    fn plain_drawings_with_gradients_text_and_references_pass() {
        let svg = r##"<?xml version="1.0" encoding="UTF-8"?>
<!-- map -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 40 30" role="img" aria-label="A map">
  <title>A map &amp; a key</title>
  <defs><linearGradient id="sky"><stop offset="0" stop-color="#fff"/></linearGradient><path id="p" d="M0 0h10"/></defs>
  <rect width="40" height="30" fill="URL(#sky)" style="stroke: #000; stroke-width: 2"/>
  <use xlink:href="#p"/><use href="#p" x="5"/>
  <text x="2" y="20" font-family="sans-serif">Geneva &#8211; 2026</text>
</svg>"##;
        assert_eq!(check(svg), Ok(()));
    }

    #[test]
    fn scripts_handlers_outside_references_and_foreign_markup_are_refused_at_their_line_and_column() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n  <script>alert(1)</script>\n  <a href=\"https://evil.example/\"><rect/></a>\n  <use href=\"https://evil.example/x.svg#a\"/>\n  <rect style=\"fill: url(https://evil.example/)\" fill=\"URL(https://evil.example/x)\"/>\n  <foreignObject/><image/><set attributeName=\"href\"/><style>@import url(x)</style>\n  <g xmlns:evil=\"https://evil.example/ns\" evil:x=\"1\" ONCLICK=\"x\"/>\n</svg>";
        let found = problems(svg);
        let at: Vec<(usize, usize)> = found.iter().map(|(line, column, _)| (*line, *column)).collect();
        assert_eq!(
            at,
            [
                (1, 41),
                (2, 3),
                (3, 3),
                (3, 6),
                (4, 8),
                (5, 9),
                (5, 50),
                (6, 3),
                (6, 19),
                (6, 27),
                (6, 32),
                (6, 54),
                (7, 6),
                (7, 43),
                (7, 54)
            ],
            "{found:#?}"
        );
        let messages: Vec<&str> = found.iter().map(|(_, _, message)| message.as_str()).collect();
        for (index, gist) in [
            (0, "`onload` runs code"),
            (1, "`<script>`"),
            (2, "`<a>`"),
            (3, "leads out of the file"),
            (4, "leads out of the file"),
            (5, "`style` attribute"),
            (6, "url(https://evil.example/x)` in `fill`"),
            (7, "`<foreignObject>`"),
            (8, "`<image>`"),
            (9, "animation"),
            (10, "`attributeName`"),
            (11, "`<style>`"),
            (12, "namespace"),
            (13, "`evil:x`"),
            (14, "`ONCLICK` runs code"),
        ] {
            assert!(messages[index].contains(gist), "{index}: {}", messages[index]);
        }
    }

    #[test]
    fn an_attribute_is_refused_at_its_own_position_even_when_an_earlier_value_looks_like_it() {
        // Searching the tag's text for ` onload=` stops inside the first value, and
        // searching it for the tag's end stops at the `>` inside `fill`.
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<text font-family=\" onload=x\" onload=\"alert(1)\">A</text>\n<rect fill='a>b' onclick=\"x\"/>\n</svg>";
        let found = problems(svg);
        let at: Vec<(usize, usize)> = found.iter().map(|(line, column, _)| (*line, *column)).collect();
        assert_eq!(at, [(2, 31), (3, 18)], "{found:#?}");
        assert!(found[0].2.contains("`onload` runs code") && found[1].2.contains("`onclick` runs code"), "{found:#?}");
    }

    #[test]
    fn doctypes_entities_and_processing_instructions_are_refused() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<?xml-stylesheet href=\"https://evil.example/x.css\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text><rect style=\"fill:\\75rl(x)\" stroke=\"\\75rl(x)\"/></svg>";
        let found = problems(svg);
        let at: Vec<(usize, usize)> = found.iter().map(|(line, column, _)| (*line, *column)).collect();
        assert_eq!(at, [(2, 1), (3, 1), (4, 47), (4, 63), (4, 85)], "{found:#?}");
        assert!(
            found[0].2.contains("DOCTYPE")
                && found[1].2.contains("processing instruction")
                && found[2].2.contains("`&x;`")
                && found[3].2.contains("backslash")
        );
        assert!(found[4].2.contains("`stroke` has a backslash"), "{}", found[4].2);
        assert!(problems("<svg><rect></svg>")[0].2.contains("not well-formed"));
    }

    #[test]
    fn a_character_reference_that_is_no_character_is_refused_while_real_ones_pass() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&#\0x36; &#xZZ; &#; &#65;&#x42;</text></svg>";
        let found = problems(svg);
        let at: Vec<usize> = found.iter().map(|(_, column, _)| *column).collect();
        let first_three_ampersands: Vec<usize> = svg.match_indices('&').take(3).map(|(offset, _)| offset + 1).collect();
        assert_eq!(at, first_three_ampersands, "{found:#?}");
        assert!(
            found.iter().all(|(_, _, message)| message.contains("neither one of XML's own nor a character number")),
            "{found:#?}"
        );
    }
}
