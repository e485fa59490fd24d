import fc from 'fast-check';
import { z } from 'zod';
import { contract, type RequestName } from '../../shared/contract';
import { id as idField, isoDate, limits } from '../../shared/contract/fields';

/**
 * Inputs for every request of the contract, derived from its zod schema (through zod's JSON
 * Schema export), so a request added to the contract is fuzzed without touching this file.
 * Fields built from the shared `id` and `isoDate` are recognised and given real-looking values.
 */

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
}

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    // Something JSON Schema cannot say: fall back to "anything", which the hostile side covers.
    return {};
  }
}

const idPattern = jsonSchemaOf(idField).pattern;
const dayPattern = jsonSchemaOf(isoDate).pattern;

/** The field names a request's input has, so hostile values land on real fields too. */
export function fieldsOf(name: RequestName): string[] {
  return Object.keys(jsonSchemaOf(contract[name].input).properties ?? {});
}

/** A plain object whose keys are all own data properties, `__proto__` included (as JSON.parse makes them). */
export function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const validDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function validString(schema: JsonSchema, knownIds: readonly string[]): fc.Arbitrary<string> {
  if (schema.pattern !== undefined && schema.pattern === idPattern) {
    // Mostly ids that exist; sometimes a well-formed one that does not.
    const unknown = fc.uuid({ version: 7 });
    return knownIds.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...knownIds), weight: 3 }, { arbitrary: unknown, weight: 1 }) : unknown;
  }
  if (schema.pattern !== undefined && schema.pattern === dayPattern) return validDay;
  if (schema.pattern !== undefined) return fc.stringMatching(new RegExp(schema.pattern), { maxLength: schema.maxLength ?? 100 });
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 1_000;
  const short = fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 80) });
  // Text right at the limit, in characters that take two UTF-16 units and in plain ones.
  const atLimit = fc.tuple(fc.integer({ min: Math.max(min, max - 2), max }), fc.constantFrom('a', 'é', '日')).map(([n, c]) => c.repeat(n));
  const wide = fc.integer({ min: Math.max(min, 0), max: Math.floor(max / 2) }).map((n) => '🌱'.repeat(n));
  return fc.oneof({ arbitrary: short, weight: 8 }, { arbitrary: atLimit, weight: 1 }, { arbitrary: wide, weight: 1 });
}

/** Values the schema accepts by shape (refinements such as "that day exists" may still refuse some). */
export function validValue(schema: JsonSchema, knownIds: readonly string[]): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options && options.length > 0) return fc.oneof(...options.map((s) => validValue(s, knownIds)));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => validValue({ ...schema, type }, knownIds)));
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties)) model[key] = validValue(property, knownIds);
      const required = (schema.required ?? []).filter((key) => key in properties);
      return fc.record(model, { requiredKeys: required });
    }
    case 'string':
      return validString(schema, knownIds);
    case 'integer':
      return fc.integer({ min: Math.ceil(schema.minimum ?? -(2 ** 31)), max: Math.floor(schema.maximum ?? 2 ** 31) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(schema.items ?? {}, knownIds), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** An input of the right shape for a request: the "does success still look like success" side. */
export function validInput(name: RequestName, knownIds: readonly string[]): fc.Arbitrary<unknown> {
  return validValue(jsonSchemaOf(contract[name].input), knownIds);
}

// ---- hostile values -------------------------------------------------------------------------

const oddStrings = [
  '',
  ' ',
  '\u0000',
  'before\u0000after',
  '\uD800',
  '\uDFFF',
  'broken \uD83D emoji',
  '\uDE00 tail first',
  '\u200F\u202Eevil\u202C',
  '\uFEFFbom',
  'e\u0301\u0301\u0301\u0301',
  '𝕃𝕒𝕕𝕕𝕖𝕣 👩‍👩‍👧‍👦',
  "'); DROP TABLE entry; --",
  '" OR 1=1 --',
  '%s%n%x',
  '${process.exit()}',
  '<img src=x onerror=alert(1)>',
  '\r\n\t\v\f',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e308',
  '2026-02-30',
  '2026-11-26 ',
  ' 2026-11-26',
  '２０２６-１１-２６',
  '2026-11-26T00:00:00Z',
  '0000-00-00',
  '9999-99-99',
  '00000000-0000-0000-0000-000000000000',
  '0190AAAA-0000-7000-8000-000000000000',
  '0190aaaa-0000-7000-8000-000000000000\n',
  'a|b|c',
  '||',
  '2026-11-26|2026-11-26T09:00:00.000Z|ffffffff-ffff-7fff-bfff-ffffffffffff',
];

const oddNumbers = [NaN, -0, 0, 1, -1, 0.5, 1.5, 1e308, -1e308, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 2 ** 53, 201, 50, 200];

/** Long strings around the limits of the contract, in one- and two-unit characters and broken pairs. */
const hugeString = fc
  .tuple(fc.constantFrom(limits.title, limits.shortText, limits.body, limits.body * 2), fc.constantFrom(-1, 0, 1), fc.constantFrom('x', '🌱', '\uD800', ' ', '\u0000'))
  .map(([limit, offset, unit]) => unit.repeat(Math.max(0, Math.ceil(limit / unit.length) + offset)));

const oddString = fc.oneof(
  { arbitrary: fc.constantFrom(...oddStrings), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 2 },
  // Strings with a lone half of a surrogate pair somewhere in them.
  { arbitrary: fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF')).map(([s, half]) => `${s}${half}${s}`), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: fc.uuid(), weight: 1 },
);

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '', '\u0000', 'then', 'id ', 'ID', 'title\u200F'),
  fc.string({ maxLength: 12 }),
);

const leaf = fc.oneof(
  { arbitrary: oddString, weight: 5 },
  { arbitrary: fc.constantFrom(...oddNumbers), weight: 3 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined, true, false), weight: 2 },
  { arbitrary: fc.bigInt(), weight: 1 },
  { arbitrary: fc.constantFrom(new Date(Number.NaN), new Date(0), new Map([['id', 'x']]), new Set([1]), new Uint8Array([0, 255]), /x/g), weight: 1 },
);

/** Anything that can reach the core over IPC (structured clone) or the browser host (JSON), and worse. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { arbitrary: leaf, weight: 6 },
    { arbitrary: fc.array(tie('value'), { maxLength: 3 }), weight: 1 },
    { arbitrary: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(ownObject), weight: 1 },
    {
      arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true, stringUnit: 'binary' }),
      weight: 1,
    },
  ),
})).value;

type Mutation = { kind: 'set'; key: string; value: unknown } | { kind: 'drop'; key: string } | { kind: 'extra'; key: string; value: unknown };

function mutate(input: unknown, mutations: Mutation[]): unknown {
  const base = input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const entries = new Map(Object.entries(base));
  for (const m of mutations) {
    if (m.kind === 'drop') entries.delete(m.key);
    else entries.set(m.key, m.value);
  }
  return ownObject([...entries]);
}

// What JSON.parse makes of `{"__proto__": …, "constructor": …}`: own keys, not the real prototype.
const pollution: Mutation[] = Object.entries(
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as Record<string, unknown>,
).map(([key, value]) => ({ kind: 'extra', key, value }));

/** Hostile input for one request: wrong types, odd text, strange keys, arrays for objects, missing ids. */
export function hostileInput(name: RequestName, knownIds: readonly string[]): fc.Arbitrary<unknown> {
  const fields = fieldsOf(name);
  const field = fields.length > 0 ? fc.constantFrom(...fields) : hostileKey;
  const valid = validInput(name, knownIds);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('set' as const), key: field, value: hostileValue }), weight: 5 },
    { arbitrary: fc.record({ kind: fc.constant('drop' as const), key: field }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('extra' as const), key: hostileKey, value: hostileValue }), weight: 2 },
  );
  return fc.oneof(
    { arbitrary: fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([input, ms]) => mutate(input, ms)), weight: 6 },
    { arbitrary: hostileValue, weight: 2 },
    { arbitrary: valid.map((input) => [input]), weight: 1 },
    // Input written as JSON by someone hoping for prototype pollution.
    { arbitrary: valid.map((input) => mutate(input, pollution)), weight: 1 },
  );
}

/** Request names nobody should send: near misses, inherited names, values that are not strings. */
export const hostileName: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.constantFrom<unknown>(
      { toString: 1 },
      { toString: null, valueOf: null },
      [{ toString: 1 }],
      Object.create(null),
      {},
      [],
      'journal.create ',
      'JOURNAL.CREATE',
      'journal.create\u0000',
      'app.info\u200F',
      'journal',
      'journal.',
      '.create',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
    ),
    weight: 3,
  },
  { arbitrary: oddString, weight: 3 },
  { arbitrary: hostileValue, weight: 4 },
);
