//! The size of an image in `content/media/`, written into the page as `width` and
//! `height` so the browser reserves its space and nothing moves when it loads.

use quick_xml::events::Event;
use quick_xml::Reader;

/// Pixel size for bitmaps; for SVG, the size its root element declares (or its
/// `viewBox`, which gives the proportions the page needs). `None` when unknown.
/// `name` is the file's name, `contents` its bytes. A size that is 0 either way (a
/// `viewBox="0 0 0.4 0.4"` rounds so) is unknown too: `width="0"` would hide the image.
pub fn of(name: &str, contents: &[u8]) -> Option<(u32, u32)> {
    let size = if name.to_ascii_lowercase().ends_with(".svg") {
        svg(std::str::from_utf8(contents).ok()?)
    } else {
        imagesize::blob_size(contents).ok().map(|size| (size.width as u32, size.height as u32))
    };
    size.filter(|&(width, height)| width > 0 && height > 0)
}

fn svg(text: &str) -> Option<(u32, u32)> {
    let mut reader = Reader::from_str(text);
    loop {
        match reader.read_event().ok()? {
            Event::Start(element) | Event::Empty(element) if element.local_name().as_ref() == b"svg" => {
                let attribute = |name: &[u8]| {
                    element
                        .attributes()
                        .filter_map(Result::ok)
                        .find(|attribute| attribute.key.as_ref() == name)
                        .map(|attribute| String::from_utf8_lossy(&attribute.value).into_owned())
                };
                let declared = attribute(b"width")
                    .and_then(|width| pixels(&width))
                    .zip(attribute(b"height").and_then(|height| pixels(&height)));
                return declared.or_else(|| view_box(&attribute(b"viewBox")?));
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// `120` or `120px`; a percentage or a font-relative length says nothing here.
fn pixels(length: &str) -> Option<u32> {
    let number: f64 = length.trim().trim_end_matches("px").parse().ok()?;
    (number > 0.0).then(|| number.round() as u32)
}

fn view_box(value: &str) -> Option<(u32, u32)> {
    let numbers: Vec<f64> =
        value.split([' ', ',']).filter(|part| !part.is_empty()).map(str::parse).collect::<Result<_, _>>().ok()?;
    match numbers[..] {
        [_, _, width, height] if width > 0.0 && height > 0.0 => Some((width.round() as u32, height.round() as u32)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{of, svg};

    #[test]
    fn a_size_that_rounds_to_zero_is_unknown_rather_than_hiding_the_image() {
        assert_eq!(of("dot.svg", br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0.4 0.4"/>"#), None);
        assert_eq!(of("line.svg", br#"<svg xmlns="http://www.w3.org/2000/svg" width="0.2" height="30"/>"#), None);
        assert_eq!(of("dot.svg", br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0.6 0.6"/>"#), Some((1, 1)));
    }

    #[test]
    fn svg_size_comes_from_width_and_height_or_else_the_view_box() {
        assert_eq!(svg(r#"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360px"/>"#), Some((640, 360)));
        assert_eq!(
            svg(
                r#"<?xml version="1.0"?><!-- map --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 800"><g/></svg>"#
            ),
            Some((1200, 800))
        );
        assert_eq!(svg(r#"<svg width="100%" height="100%" viewBox="0,0,4,3"></svg>"#), Some((4, 3)));
        assert_eq!(svg(r#"<svg width="10em" height="5em"></svg>"#), None);
        assert_eq!(svg("not an image"), None);
    }
}
