//! No module imports a module that imports it back, in any crate of the project. Data
//! flows one way (content model, content build, JSON and pages, app shell, routes,
//! components), and a cycle is where that order breaks first: two modules that need
//! each other can only be changed together. Rust allows cycles between the modules of
//! one crate, so this test is what forbids them.
//!
//! It reads the sources as text: every `crate::…` path (and, in `lib.rs`, every path
//! that starts with a module's name) names the top-level module it leads to, directly
//! or through a `pub use` in `lib.rs`. Comments and tests (test modules at the end of a
//! file, and files declared for tests only) are skipped: a doc that mentions a module is
//! not an import, and a test may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The crate root's own items (`crate::Shell`), as a node of the graph.
const ROOT: &str = "lib.rs";

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn no_module_of_any_crate_imports_a_module_that_imports_it_back() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    for crate_src in ["../../src", "../model/src", "src", "../fuzz-checks/src"] {
        let src = manifest.join(crate_src);
        let graph = module_graph(&src);
        assert!(graph.len() >= 2, "{} has modules besides its root", src.display());
        if let Some(cycle) = find_cycle(&graph) {
            panic!("{}: these modules import each other in a circle: {}", src.display(), cycle.join(" → "));
        }
    }
}

#[test]
fn a_cycle_is_found_and_named() {
    let graph: Graph =
        [("api", &["routes"][..]), ("routes", &["json", "prerender"]), ("prerender", &["api"]), ("json", &[])]
            .into_iter()
            .map(|(module, uses)| (module.to_string(), uses.iter().map(|name| name.to_string()).collect()))
            .collect();
    assert_eq!(find_cycle(&graph).unwrap(), ["api", "routes", "prerender", "api"]);
    let mut acyclic = graph;
    acyclic.get_mut("prerender").unwrap().clear();
    assert_eq!(find_cycle(&acyclic), None);
}

/// Top-level module → the top-level modules its code refers to.
fn module_graph(src: &Path) -> Graph {
    let mut modules: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            modules.insert(name, rust_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") && name != "main" && name != "lib" {
            modules.insert(name, vec![path]);
        }
    }
    let root_source = code(&fs::read_to_string(src.join("lib.rs")).unwrap());
    let re_exports = re_exports(&root_source);
    let target = |name: &str| {
        if modules.contains_key(name) {
            Some(name.to_string())
        } else {
            re_exports.get(name).cloned()
        }
    };
    let mut graph = Graph::new();
    for (module, files) in &modules {
        let uses = graph.entry(module.clone()).or_default();
        for file in files {
            let source = code(&fs::read_to_string(file).unwrap());
            for name in paths_after(&source, "crate::") {
                uses.extend(target(&name).or_else(|| root_item(&root_source, &name)));
            }
        }
        uses.remove(module);
    }
    // The root refers to its modules without `crate::`; its `mod` and `pub use` lines
    // declare and re-export them, which is not using them.
    let root_code: String = root_source
        .lines()
        .filter(|line| !line.trim_start().starts_with("pub use ") && !line.contains("mod "))
        .collect::<Vec<_>>()
        .join("\n");
    let root_uses = modules.keys().filter(|module| root_code.contains(&format!("{module}::"))).cloned().collect();
    graph.insert(ROOT.to_string(), root_uses);
    graph
}

/// The Rust files of a folder module, without the modules it declares for tests only
/// (`#[cfg(test)]` or `#[cfg(all(test, …))]` on the line before `mod name;`, public or not).
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut test_only = BTreeSet::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            let source = fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = source.lines().collect();
            for pair in lines.windows(2) {
                let for_tests = pair[0].starts_with("#[cfg(test)]") || pair[0].starts_with("#[cfg(all(test");
                let declared = pair[1]
                    .split_once("mod ")
                    .filter(|(visibility, _)| visibility.trim().starts_with("pub") || visibility.is_empty());
                if let Some(name) = declared.and_then(|(_, rest)| rest.strip_suffix(';')) {
                    if for_tests {
                        test_only.insert(dir.join(format!("{name}.rs")));
                    }
                }
            }
            files.push(path);
        }
    }
    files.retain(|file| !test_only.contains(file));
    files
}

/// The source without its line comments (doc comments included) and without its tests,
/// which come last in a file and may use any module to check this one.
fn code(source: &str) -> String {
    source
        .lines()
        .take_while(|line| !line.starts_with("#[cfg(test)]") && !line.starts_with("#[cfg(all(test"))
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `pub use module::{A, B};` and `pub use module::A;` in the crate root: item → module.
fn re_exports(root: &str) -> BTreeMap<String, String> {
    let mut items = BTreeMap::new();
    for statement in root.split(';') {
        let Some(path) = statement.trim().strip_prefix("pub use ") else { continue };
        let Some((module, rest)) = path.split_once("::") else { continue };
        let names = rest.trim_start_matches('{').trim_end_matches('}');
        for name in names.split(',').map(|name| name.trim().rsplit("::").next().unwrap_or_default()) {
            items.insert(name.to_string(), module.to_string());
        }
    }
    items
}

/// `crate::Shell` names the root when the root defines `Shell` itself.
fn root_item(root: &str, name: &str) -> Option<String> {
    let defined = ["fn ", "struct ", "enum ", "const ", "static ", "trait ", "type "]
        .iter()
        .any(|keyword| root.contains(&format!("{keyword}{name}")));
    defined.then(|| ROOT.to_string())
}

/// The first name of every path that follows `prefix`: `crate::a::b` gives `a`,
/// `crate::{a::b, c}` gives `a` and `c`.
fn paths_after(source: &str, prefix: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in source.match_indices(prefix) {
        let rest = &source[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            names.extend(group.split(',').map(first_name).filter(|name| !name.is_empty()));
        } else {
            names.push(first_name(rest));
        }
    }
    names
}

fn first_name(path: &str) -> String {
    path.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// A path of modules that leads back to where it started, if there is one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit<'a>(
        graph: &'a Graph,
        module: &'a str,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|on_path| *on_path == module) {
            let mut cycle: Vec<String> = path[start..].iter().map(|name| name.to_string()).collect();
            cycle.push(module.to_string());
            return Some(cycle);
        }
        if !done.insert(module) {
            return None;
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(graph, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|module| visit(graph, module, &mut Vec::new(), &mut done))
}
