//! Rendered HTML read roughly as assistive technology reads it, for the components'
//! tests: elements with their role (explicit, or the one HTML gives the element) and
//! accessible name (`aria-labelledby`, `aria-label`, or the text of a link, button or
//! heading, without what is `aria-hidden`). Tests then ask for "the navigation named
//! Pages", as the browser tests ask Playwright's `getByRole`, and never for a class
//! name: classes are for styling and change with it.
//!
//! The parsing is html5ever's (through `scraper`, a dev-dependency), as a browser
//! parses a fragment of `<body>`: character references, void elements, omitted end
//! tags and HTML that is not Leptos's (a mistaken `inner_html`) come out as they would
//! in the browser. What is ours is what assistive technology makes of the tree: the
//! roles, the text and the accessible names below.

use std::ops::Range;

use scraper::{ElementRef, Html};

/// An element with what assistive technology makes of it.
#[derive(Clone)]
pub struct Element {
    pub tag: String,
    attributes: Vec<(String, String)>,
    pub role: Option<String>,
    /// The accessible name, whitespace collapsed.
    pub name: String,
    /// The text inside, whitespace collapsed, without what is inside an `aria-hidden`
    /// descendant.
    pub text: String,
    /// Where the element and its descendants are in document order.
    span: Range<usize>,
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(attribute, _)| attribute == name).map(|(_, value)| value.as_str())
    }

    pub fn contains(&self, other: &Element) -> bool {
        self.span.start < other.span.start && other.span.end <= self.span.end
    }

    /// Whether this element ends before `other` starts.
    pub fn precedes(&self, other: &Element) -> bool {
        self.span.end <= other.span.start
    }
}

/// The elements of a piece of HTML, in document order.
pub struct Markup {
    html: String,
    elements: Vec<Element>,
}

impl Markup {
    pub fn of(html: &str) -> Markup {
        Markup { html: html.to_string(), elements: read(html) }
    }

    /// Every element with `role`, in document order.
    pub fn all(&self, role: &str) -> Vec<&Element> {
        self.elements.iter().filter(|element| element.role.as_deref() == Some(role)).collect()
    }

    /// The one element with `role`; fails the test, showing the HTML, unless there is
    /// exactly one.
    pub fn only(&self, role: &str) -> &Element {
        let found = self.all(role);
        assert_eq!(found.len(), 1, "expected one {role} in\n{}", self.html);
        found[0]
    }

    /// The one element with `role` and accessible `name`; fails the test, showing the
    /// HTML, unless there is exactly one.
    pub fn one(&self, role: &str, name: &str) -> &Element {
        let found: Vec<&Element> = self.all(role).into_iter().filter(|element| element.name == name).collect();
        assert_eq!(found.len(), 1, "expected one {role} named {name:?} in\n{}", self.html);
        found[0]
    }

    /// Whether there is an element with `role` and accessible `name`.
    pub fn has(&self, role: &str, name: &str) -> bool {
        self.all(role).iter().any(|element| element.name == name)
    }

    /// The element with `id`; fails the test, showing the HTML, if there is none.
    pub fn by_id(&self, id: &str) -> &Element {
        let found = self.elements.iter().find(|element| element.attribute("id") == Some(id));
        found.unwrap_or_else(|| panic!("expected an element with id {id:?} in\n{}", self.html))
    }

    /// What Tab stops at, in order: links, buttons and elements with a `tabindex` of 0
    /// or more (the components set none above 0, which would change the order).
    pub fn focusable(&self) -> Vec<&Element> {
        let in_tab_order = |element: &&Element| match element.attribute("tabindex") {
            Some(tabindex) => !tabindex.starts_with('-'),
            None => matches!(element.role.as_deref(), Some("link" | "button")),
        };
        self.elements.iter().filter(in_tab_order).collect()
    }

    /// Every element with this tag, in document order.
    pub fn tags(&self, tag: &str) -> Vec<&Element> {
        self.elements.iter().filter(|element| element.tag == tag).collect()
    }

    /// The elements inside `outer`, as markup of their own.
    pub fn within(&self, outer: &Element) -> Markup {
        let elements = self.elements.iter().filter(|element| outer.contains(element)).cloned().collect();
        Markup { html: self.html.clone(), elements }
    }

    /// All of the HTML, for assertion messages.
    pub fn html(&self) -> &str {
        &self.html
    }
}

fn read(html: &str) -> Vec<Element> {
    let fragment = Html::parse_fragment(html);
    let mut elements = Vec::new();
    // A fragment is parsed into an `<html>` element of the parser's making, not the HTML's.
    for child in fragment.root_element().child_elements() {
        read_element(child, &mut Vec::new(), &mut elements);
    }
    for element in &mut elements {
        element.text = collapse_whitespace(&element.text);
    }
    let names: Vec<String> = elements.iter().map(|element| accessible_name(element, &elements)).collect();
    for (element, name) in elements.iter_mut().zip(names) {
        element.name = name;
    }
    elements
}

/// Adds `element` and its descendants to `elements`, in document order, each with the
/// text inside it, whitespace not yet collapsed. `ancestors`: the tags of the elements
/// around it, outermost first.
fn read_element<'a>(element: ElementRef<'a>, ancestors: &mut Vec<&'a str>, elements: &mut Vec<Element>) {
    let tag = element.value().name();
    let attributes: Vec<(String, String)> =
        element.value().attrs().map(|(name, value)| (name.to_string(), value.to_string())).collect();
    let index = elements.len();
    elements.push(Element {
        tag: tag.to_string(),
        role: role(tag, &attributes, ancestors),
        attributes,
        name: String::new(),
        text: String::new(),
        span: index..index + 1,
    });
    ancestors.push(tag);
    let mut text = String::new();
    for child in element.children() {
        if let Some(child) = ElementRef::wrap(child) {
            let child_index = elements.len();
            read_element(child, ancestors, elements);
            // What is hidden from screen readers has its own text, but is no part of
            // the text around it.
            if child.attr("aria-hidden") != Some("true") {
                text.push_str(&elements[child_index].text);
            }
        } else if let Some(piece) = child.value().as_text() {
            text.push_str(piece);
        }
    }
    ancestors.pop();
    elements[index].text = text;
    elements[index].span.end = elements.len();
}

/// The element's explicit role, or the one HTML gives it (HTML-AAM), for the elements
/// the components use; `None` for a generic element.
fn role(tag: &str, attributes: &[(String, String)], ancestors: &[&str]) -> Option<String> {
    let has = |name: &str| attributes.iter().any(|(attribute, _)| attribute == name);
    if let Some((_, role)) = attributes.iter().find(|(attribute, _)| attribute == "role") {
        return Some(role.clone());
    }
    // A header or footer inside sectioning content belongs to that section, not to the page.
    let in_section =
        ancestors.iter().any(|ancestor| matches!(*ancestor, "article" | "aside" | "main" | "nav" | "section"));
    let role = match tag {
        "a" if has("href") => "link",
        "address" => "group",
        "article" => "article",
        "blockquote" => "blockquote",
        "button" => "button",
        "figure" => "figure",
        "footer" if !in_section => "contentinfo",
        "header" if !in_section => "banner",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "heading",
        "img" => "img",
        "input" if attributes.iter().any(|(attribute, value)| attribute == "type" && value == "search") => "searchbox",
        "li" => "listitem",
        "main" => "main",
        "nav" => "navigation",
        "ol" | "ul" => "list",
        "p" => "paragraph",
        "section" if has("aria-label") || has("aria-labelledby") => "region",
        "time" => "time",
        _ => return None,
    };
    Some(role.to_string())
}

/// `aria-labelledby`, else `aria-label`, else (for an image) `alt`, else (for a search
/// box) its `<label for>`, else the text of an element named by its content.
fn accessible_name(element: &Element, elements: &[Element]) -> String {
    if let Some(ids) = element.attribute("aria-labelledby") {
        let labels = ids.split_whitespace().filter_map(|id| {
            elements
                .iter()
                .find(|labelling| labelling.attribute("id") == Some(id))
                .map(|labelling| labelling.text.as_str())
        });
        return labels.collect::<Vec<_>>().join(" ");
    }
    if let Some(label) = element.attribute("aria-label").or_else(|| element.attribute("alt")) {
        return collapse_whitespace(label);
    }
    if element.role.as_deref() == Some("searchbox") {
        let id = element.attribute("id").unwrap_or_default();
        let label = elements.iter().find(|label| label.tag == "label" && label.attribute("for") == Some(id));
        return label.map(|label| label.text.clone()).unwrap_or_default();
    }
    match element.role.as_deref() {
        Some("link" | "button" | "heading") => element.text.clone(),
        _ => String::new(),
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
