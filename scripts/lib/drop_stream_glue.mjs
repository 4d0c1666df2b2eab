// Release builds only (scripts/post-build). Leptos 0.8 always builds server_fn's browser
// client, which brings wasm-streams and its three `#[wasm_bindgen]` classes
// (IntoUnderlyingSource, IntoUnderlyingSink, IntoUnderlyingByteSource). A module's
// exports are never dead code to wasm-opt, so their code stays in the WASM, and their
// classes in the JS glue, though this app has no server functions and nothing creates
// them. This removes the classes and their finalization registries from the glue, as
// wasm-bindgen writes them, and says which exports the WASM may then lose (wasm-opt
// --remove-exports, in the same script). A glue with the classes in another shape is an
// error, not a silent skip: the script must be looked at when wasm-bindgen changes.
import { readFileSync, writeFileSync } from 'node:fs';

const [glue] = process.argv.slice(2);
let text = readFileSync(glue, 'utf8');
const classes = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
for (const name of classes) {
  const body = new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^\\}\\n(?:if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n)?`, 'm');
  const registry = new RegExp(`^const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n.*\\n.*\\n`, 'm');
  if (!body.test(text) || !registry.test(text)) {
    if (!text.includes(name)) continue;
    throw new Error(`${glue}: ${name} is not in the shape wasm-bindgen 0.2 writes; see scripts/lib/drop_stream_glue.mjs`);
  }
  text = text.replace(body, '').replace(registry, '');
}
if (/IntoUnderlying/i.test(text)) throw new Error(`${glue}: something else still uses the stream classes`);
writeFileSync(glue, text);
