// A small JSON Schema (draft 2020-12) checker for the keywords the API's OpenAPI document uses
// (z.toJSONSchema's output and the hand-written parts): enough to hold an answer to its schema.
// Returns the list of problems, empty when the value fits.
type Schema = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export function checkJsonSchema(schema: Schema, value: unknown, root: Schema = schema, at = "$"): string[] {
  if (typeof schema.$ref === "string") {
    const target = schema.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], root);
    if (!target) return [`${at}: unresolved ${schema.$ref}`];
    return checkJsonSchema(target as Schema, value, root, at);
  }
  const problems: string[] = [];
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    const fits = types.includes(actual) || (actual === "integer" && types.includes("number"));
    if (!fits) return [`${at}: ${actual} is not ${types.join("|")}`];
  }
  if (schema.const !== undefined && value !== schema.const) problems.push(`${at}: not ${String(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${at}: ${String(value)} not in enum`);
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (options) {
      const fitting = options.filter((o) => checkJsonSchema(o, value, root, at).length === 0).length;
      if (key === "anyOf" ? fitting === 0 : fitting !== 1) problems.push(`${at}: fits ${fitting} of ${key}`);
    }
  }
  for (const part of (schema.allOf as Schema[] | undefined) ?? [])
    problems.push(...checkJsonSchema(part, value, root, at));
  if (typeof value === "string") {
    if (schema.format === "uuid" && !UUID.test(value)) problems.push(`${at}: not a uuid`);
    if (typeof schema.minLength === "number" && value.length < schema.minLength) problems.push(`${at}: too short`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength) problems.push(`${at}: too long`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) {
      problems.push(`${at}: does not match ${schema.pattern}`);
    }
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) problems.push(`${at}: below minimum`);
    if (typeof schema.maximum === "number" && value > schema.maximum) problems.push(`${at}: above maximum`);
  }
  if (Array.isArray(value)) {
    if (schema.items)
      value.forEach((v, i) => problems.push(...checkJsonSchema(schema.items as Schema, v, root, `${at}[${i}]`)));
    if (typeof schema.minItems === "number" && value.length < schema.minItems) problems.push(`${at}: too few items`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) problems.push(`${at}: too many items`);
  }
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const name of (schema.required as string[] | undefined) ?? []) {
      if (!(name in object)) problems.push(`${at}.${name}: required`);
    }
    for (const [name, v] of Object.entries(object)) {
      if (properties[name]) problems.push(...checkJsonSchema(properties[name], v, root, `${at}.${name}`));
      else if (schema.additionalProperties === false) problems.push(`${at}.${name}: not allowed`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
        problems.push(...checkJsonSchema(schema.additionalProperties as Schema, v, root, `${at}.${name}`));
      }
    }
  }
  return problems;
}
