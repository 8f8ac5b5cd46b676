// Validates Kubernetes objects (YAML files, or `kustomize build` output on stdin with "-") against the
// Kubernetes OpenAPI schemas that the kubernetes-models package compiles into validators (ajv).
//
// Those schemas allow unknown fields, as the API server does unless asked to be strict, so a misspelt
// field (livenesProbe) would pass. This script is strict like `kubectl --validate=strict`: it records every
// field the schema's validator looks at, and a field it never looked at is one the schema does not know.
//
//   node validate-kubernetes.mjs deployment.yaml service.yaml
//   kubectl kustomize deploy/kubernetes | node validate-kubernetes.mjs -
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const pascal = (s) => s.split(/[^A-Za-z0-9]/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join("");

/** The kubernetes-models schema module for an apiVersion and kind, e.g. apps/v1 Deployment. */
function schemaModule(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
  const groupName = group.endsWith(".k8s.io") ? group.slice(0, -".k8s.io".length) : group;
  return `kubernetes-models/_schemas/IoK8sApi${pascal(groupName)}${pascal(version)}${kind}`;
}

/** Wraps a value so that every property the validator reads (or enumerates) is recorded. */
function watched(value, path, seen) {
  if (value === null || typeof value !== "object") return value;
  const record = { read: new Set(), enumerated: false };
  seen.set(path, { value, record });
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === "string") record.read.add(key);
      const child = Reflect.get(target, key, receiver);
      if (typeof key !== "string" || child === null || typeof child !== "object") return child;
      return watched(child, `${path}/${key}`, seen);
    },
    has(target, key) {
      if (typeof key === "string") record.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      record.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

/** Fields present in the object that the schema never looked at. */
function unknownFields(seen) {
  const unknown = [];
  for (const [path, { value, record }] of seen) {
    if (Array.isArray(value) || record.enumerated) continue;
    for (const key of Object.keys(value)) {
      if (!record.read.has(key)) unknown.push(`${path}/${key}`);
    }
  }
  return unknown;
}

async function validate(object, where) {
  if (!object || typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
    return [`${where}: not a Kubernetes object (apiVersion and kind are required)`];
  }
  const name = `${object.kind} ${object.metadata?.name ?? "(no name)"}`;
  let schema;
  try {
    schema = await import(schemaModule(object.apiVersion, object.kind));
  } catch (e) {
    return [`${where}: ${name}: no schema for ${object.apiVersion} ${object.kind}`];
  }
  const seen = new Map();
  const ok = schema.validate(watched(object, "", seen));
  if (!ok) {
    return schema.validate.errors.map((e) => `${where}: ${name}: ${e.instancePath || "/"} fails ${e.keyword} ${JSON.stringify(e.params)}`);
  }
  return unknownFields(seen).map((path) => `${where}: ${name}: ${path} is not a field of its type`);
}

const inputs = process.argv.slice(2);
if (inputs.length === 0) {
  console.error("usage: node validate-kubernetes.mjs FILE.yaml... | -");
  process.exit(2);
}
let count = 0;
const problems = [];
for (const input of inputs) {
  const text = readFileSync(input === "-" ? 0 : input, "utf8");
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) {
      problems.push(`${input}: YAML: ${doc.errors[0].message}`);
      continue;
    }
    const object = doc.toJS();
    if (object === null || object === undefined) continue;
    count++;
    problems.push(...(await validate(object, input)));
  }
}
if (problems.length) {
  problems.forEach((p) => console.log(`INVALID ${p}`));
  console.log(`${problems.length} problem(s) in ${count} object(s)`);
  process.exit(1);
}
if (count === 0) {
  console.log("no Kubernetes objects found");
  process.exit(1);
}
console.log(`${count} object(s) valid against the Kubernetes schemas (strict)`);
