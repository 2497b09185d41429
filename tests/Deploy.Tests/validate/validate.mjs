// Validates Kubernetes objects offline: node validate.mjs FILE.yaml [FILE.yaml ...]
// Prints one JSON line: {"documents": [{file, index, apiVersion, kind, name, namespace, object, errors: [...]}]}.
// Two checks per object:
//  1. the JSON schema of its apiVersion/kind from kubernetes-models (types, enums, required fields);
//  2. no unknown fields, the way `kubectl apply --validate=strict` refuses them. kubernetes-models' compiled schemas
//     let unknown fields through, so this walks the object alongside the package's TypeScript declarations, which
//     name every field of every API type.
// Exit code 0 when every file was read (problems are reported per object), 1 when a file could not be read or parsed.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const require = createRequire(import.meta.url);

/** Custom resources the overlays use, by API group: the npm package that carries their schemas (from the CRDs). */
const customResourcePackages = new Map([["keda.sh", "@kubernetes-models/keda"]]);

/**
 * "apps/v1" + "Deployment" -> "kubernetes-models/apps/v1/Deployment"; the core group has no group segment.
 * "keda.sh/v1alpha1" + "ScaledObject" -> "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject".
 */
function modelSpecifier(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const crdPackage = customResourcePackages.get(group);
  return crdPackage ? `${crdPackage}/${apiVersion}/${kind}` : `kubernetes-models/${apiVersion}/${kind}`;
}

/** The .d.ts beside the module a specifier resolves to (CommonJS resolution honours the packages' exports maps). */
function declarationFile(specifier, fromDir) {
  let resolved;
  if (specifier.startsWith(".")) {
    resolved = path.resolve(fromDir, specifier);
  } else {
    try {
      resolved = require.resolve(specifier);
    } catch {
      // Packages published as ES modules only (@kubernetes-models/keda) have no "require" export to resolve.
      try {
        resolved = fileURLToPath(import.meta.resolve(specifier));
      } catch {
        return null;
      }
    }
  }
  const base = resolved.replace(/\.(m?js|d\.ts)$/, "");
  const candidate = `${base}.d.ts`;
  return existsSync(candidate) ? candidate : null;
}

const interfaces = new Map(); // d.ts path -> {name, fields: Map(field -> type text), imports: Map(type name -> specifier), dir} | null

/** The first exported interface of a declaration file, with its fields and the imports its field types use. */
function readInterface(file) {
  if (interfaces.has(file)) return interfaces.get(file);
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const imports = new Map();
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    for (const name of m[1].split(",").map((s) => s.trim().split(/\s+as\s+/).pop()).filter(Boolean)) imports.set(name, m[2]);
  }
  const head = /export interface (\w+)(?:\s+extends\s+[^{]+)?\s*\{/.exec(text);
  let result = null;
  if (head) {
    let depth = 1;
    let i = head.index + head[0].length;
    const start = i;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}") depth--;
    }
    const fields = new Map();
    for (const member of splitMembers(text.slice(start, i - 1))) {
      const m = /^"([^"]+)"\??\s*:\s*([\s\S]+)$/.exec(member);
      if (m) fields.set(m[1], m[2].trim());
    }
    result = { name: head[1], fields, imports, dir: path.dirname(file) };
  }
  interfaces.set(file, result);
  return result;
}

/** Splits an interface body on the semicolons that end its members (not those inside nested braces or generics). */
function splitMembers(body) {
  const members = [];
  let depth = 0;
  let current = "";
  for (const ch of body) {
    if (ch === "{" || ch === "<" || ch === "(") depth++;
    if (ch === "}" || ch === ">" || ch === ")") depth--;
    if (ch === ";" && depth === 0) {
      if (current.trim()) members.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  if (current.trim()) members.push(current.trim());
  return members;
}

/** What a field's declared type says about the value's shape: an interface to walk, a list or map of something, or a leaf. */
function shapeOf(type, owner) {
  const t = type.trim();
  const array = /^Array<([\s\S]+)>$/.exec(t);
  if (array) return { kind: "array", of: shapeOf(array[1], owner) };
  const map = /^\{\s*\[key: string\]:\s*([\s\S]+?);?\s*\}$/.exec(t);
  if (map) return { kind: "map", of: shapeOf(map[1], owner) };
  if (/^\w+$/.test(t) && owner.imports.has(t)) {
    const file = declarationFile(owner.imports.get(t), owner.dir);
    const iface = file && readInterface(file);
    if (iface) return { kind: "object", iface };
  }
  return { kind: "leaf" };
}

/** Reports every field of value that the declared interface does not have, recursively. */
function unknownFields(value, shape, at, errors) {
  if (value === null || value === undefined) return;
  switch (shape.kind) {
    case "array":
      if (Array.isArray(value)) value.forEach((item, i) => unknownFields(item, shape.of, `${at}/${i}`, errors));
      return;
    case "map":
      if (typeof value === "object" && !Array.isArray(value)) {
        for (const [key, item] of Object.entries(value)) unknownFields(item, shape.of, `${at}/${key}`, errors);
      }
      return;
    case "object":
      if (typeof value !== "object" || Array.isArray(value)) return; // the schema check reports wrong types
      for (const [key, item] of Object.entries(value)) {
        const type = shape.iface.fields.get(key);
        if (type === undefined) {
          errors.push(`${at}/${key}: unknown field (${shape.iface.name} has no "${key}")`);
        } else {
          unknownFields(item, shapeOf(type, shape.iface), `${at}/${key}`, errors);
        }
      }
      return;
    default:
      return;
  }
}

async function validateObject(object) {
  const errors = [];
  if (!object || typeof object !== "object" || Array.isArray(object)) return ["not an object"];
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return ["apiVersion and kind are required strings"];
  const specifier = modelSpecifier(apiVersion, kind);
  let model;
  try {
    model = (await import(specifier))[kind];
  } catch {
    model = undefined;
  }
  if (typeof model !== "function") return [`no Kubernetes schema for ${apiVersion} ${kind} (a custom resource, or a typo)`];
  try {
    new model(object).validate();
  } catch (e) {
    errors.push(...String(e.message).split(/,\s*(?=data)/).map((s) => s.trim()));
  }
  const file = declarationFile(specifier, process.cwd());
  const iface = file && readInterface(file);
  if (!iface) errors.push(`no type declarations found for ${specifier}`);
  else unknownFields(object, { kind: "object", iface }, "", errors);
  return errors;
}

const documents = [];
let failed = false;
for (const file of process.argv.slice(2)) {
  let parsed;
  try {
    parsed = parseAllDocuments(readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    failed = true;
    continue;
  }
  for (const [index, doc] of parsed.entries()) {
    if (doc.errors.length > 0) {
      console.error(`${file} document ${index}: ${doc.errors.map((e) => e.message).join("; ")}`);
      failed = true;
      continue;
    }
    const object = doc.toJS();
    if (object === null || object === undefined) continue; // an empty document, e.g. after a trailing ---
    documents.push({
      file,
      index,
      apiVersion: object.apiVersion ?? null,
      kind: object.kind ?? null,
      name: object.metadata?.name ?? null,
      namespace: object.metadata?.namespace ?? null,
      object,
      errors: await validateObject(object),
    });
  }
}
process.stdout.write(JSON.stringify({ documents }) + "\n");
// Not process.exit(): it drops what a pipe has not taken yet, and the answer outgrew a pipe's 64 KiB buffer.
process.exitCode = failed ? 1 : 0;
