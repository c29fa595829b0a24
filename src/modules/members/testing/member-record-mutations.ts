import { getMetadataStorage, IS_ENUM, MATCHES, MAX, MIN, ValidationTypes } from 'class-validator';
import { IS_MEMBER_DATE } from 'src/modules/members/dto/member-date.validator';
import { MemberRecordDto } from 'src/modules/members/dto/member-record.dto';
import { Random } from 'src/modules/members/synthetic/random';

/**
 * Test-only: invalid and borderline variants of a member record, for checking the compiled validator
 * against class-validator. Fields and their bounds come from the DTOs' class-validator metadata, so a
 * new field is mutated without editing this file.
 */
export type Plain = Record<string, unknown>;

export interface Mutation {
  label: string;
  /** Empty for the whole record. */
  path: readonly string[];
  value?: unknown;
  remove?: boolean;
}

interface Field {
  path: string[];
  rules: Map<string, unknown[]>;
  nested: boolean;
}

type DtoClass = new () => object;

function fieldsOf(dtoClass: DtoClass, parent: string[] = []): Field[] {
  const storage = getMetadataStorage();
  const byProperty = new Map<string, Map<string, unknown[]>>();
  for (const meta of storage.getTargetValidationMetadatas(dtoClass, '', true, false)) {
    const name = meta.constraintCls ? storage.getTargetValidatorConstraints(meta.constraintCls)[0].name : (meta.name ?? meta.type);
    const rules = byProperty.get(meta.propertyName) ?? new Map<string, unknown[]>();
    byProperty.set(meta.propertyName, rules.set(name, meta.constraints ?? []));
  }
  return [...byProperty].flatMap(([property, rules]) => {
    const path = [...parent, property];
    const nested = rules.has(ValidationTypes.NESTED_VALIDATION);
    const type = Reflect.getMetadata('design:type', dtoClass.prototype, property) as DtoClass;
    return [{ path, rules, nested }, ...(nested ? fieldsOf(type, path) : [])];
  });
}

export const MEMBER_FIELDS: readonly Field[] = fieldsOf(MemberRecordDto);

/** Wrong types and odd values tried on every field, whatever its rules. */
const ANY_FIELD: readonly unknown[] = [
  null, undefined, '', 'x', '1', 'true', 'null', true, false, 0, 1, -1, 0.5, 1.05, 7.25, 2026, 1e-7, 1e21, -0,
  [], [1], [null], {}, { a: 1 }, '2026-06-30',
];
const EXTRA_KEYS = ['extra', 'member_id', 'measurement_year', 'constructor', '__proto__', 'toString', 'hasOwnProperty', ''];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const date = (year: number, month: number, day: number): string => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

function dateProbes(year: number): unknown[] {
  return [
    date(year, 12, 31), date(year + 1, 1, 1), date(year, 1, 1), date(year - 1, 12, 31), date(year, 6, 15),
    '1900-01-01', '1899-12-31', date(year - 120, 1, 1), date(year - 121, 12, 31), date(year - 119, 6, 1),
    date(year, 2, 29), '2024-02-29', '2000-02-29', '1900-02-29', date(year, 4, 31), date(year, 13, 1), date(year, 0, 10),
    date(year, 6, 0), `${year}-1-05`, `${year}-06-15T00:00:00Z`, ` ${year}-06-15`, `${year}-06-15 `, `${year}-06-15\n`,
    `${year}/06/15`, '２０２６-01-01', `+${year}-06-15`, '0000-01-01', '9999-12-31', date(year + 50, 1, 1),
  ];
}

function numberProbes(min: number, max: number): unknown[] {
  const middle = Math.round((min + max) / 2);
  return [
    min, max, min - 1, max + 1, min - 0.001, max + 0.001, min + 0.5, max - 0.5, middle + 0.1, middle + 0.05,
    middle + 0.15, middle + 1e-9, String(min), String(middle), Infinity, -Infinity, NaN, 3.14159, 7.2, 7.25, 6.999999999,
  ];
}

function enumProbes(entity: Record<string, unknown>): unknown[] {
  const values = Object.values(entity);
  return [...values, ...Object.keys(entity), ...values.map((v) => String(v).toUpperCase()), ...values.map((v) => `${String(v)} `)];
}

function memberIdProbes(hash: unknown): unknown[] {
  const text = typeof hash === 'string' ? hash : '0'.repeat(64);
  return [text, '', 'M000123456', text.toUpperCase(), `${text}a`, text.slice(1), ` ${text}`, `${text}\n`, 123];
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), root);
}

function isObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function probesFor(field: Field, base: Plain, current: unknown): unknown[] {
  const year = typeof base.measurement_year === 'number' ? base.measurement_year : 2026;
  const min = field.rules.get(MIN)?.[0];
  const max = field.rules.get(MAX)?.[0];
  return [
    ...ANY_FIELD,
    String(current),
    ...(typeof min === 'number' && typeof max === 'number' ? numberProbes(min, max) : []),
    ...(field.rules.has(IS_MEMBER_DATE) ? dateProbes(year) : []),
    ...(field.rules.has(IS_ENUM) ? enumProbes(field.rules.get(IS_ENUM)![0] as Record<string, unknown>) : []),
    ...(field.rules.has(MATCHES) ? memberIdProbes(current) : []),
    ...(field.nested && isObject(current) ? [[current], { ...current, extra: 1 }, Object.fromEntries(Object.entries(current).slice(1))] : []),
  ];
}

/** Every single-step mutation of `base`: each field removed and set to each probe, an extra key on each object, the root replaced. */
export function singleMutations(base: Plain): Mutation[] {
  const mutations: Mutation[] = [null, [], [base], 'x', 42, {}, true].map((value) => ({ label: `root = ${shown(value)}`, path: [], value }));
  for (const objectPath of [[], ...MEMBER_FIELDS.filter((f) => f.nested).map((f) => f.path)]) {
    if (!isObject(valueAt(base, objectPath))) continue;
    for (const key of EXTRA_KEYS) {
      for (const value of [1, {}, null]) mutations.push({ label: `extra ${[...objectPath, key].join('.')} = ${shown(value)}`, path: [...objectPath, key], value });
    }
  }
  for (const field of MEMBER_FIELDS) {
    const parent = valueAt(base, field.path.slice(0, -1));
    if (!isObject(parent)) continue;
    const name = field.path.join('.');
    mutations.push({ label: `remove ${name}`, path: field.path, remove: true });
    for (const value of probesFor(field, base, parent[field.path.at(-1)!])) mutations.push({ label: `${name} = ${shown(value)}`, path: field.path, value });
  }
  return mutations;
}

/** `count` records, each with two to four single mutations of `base` applied together. */
export function combinedMutations(base: Plain, count: number, random: Random): Mutation[][] {
  const singles = singleMutations(base).filter((mutation) => mutation.path.length > 0);
  return Array.from({ length: count }, () => Array.from({ length: random.int(2, 4) }, () => singles[random.int(0, singles.length - 1)]));
}

export function applyMutations(base: Plain, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(base);
  for (const mutation of mutations) {
    if (mutation.path.length === 0) {
      root = structuredClone(mutation.value);
      continue;
    }
    const parent = valueAt(root, mutation.path.slice(0, -1));
    if (!isObject(parent)) continue;
    const key = mutation.path.at(-1)!;
    // defineProperty, so `__proto__` becomes an own key as JSON.parse would make it.
    if (mutation.remove) delete parent[key];
    else Object.defineProperty(parent, key, { value: structuredClone(mutation.value), enumerable: true, writable: true, configurable: true });
  }
  return root;
}

function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return '-0';
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}
