const REDACTED = '[REDACTED]';
const MAX_DEPTH = 8;

/** Field names, normalised (lower case, no `_` or `-`), whose values are PHI or credentials. */
const SENSITIVE_KEYS = new Set([
  'memberid', 'memberhash', 'name', 'firstname', 'lastname', 'fullname', 'membername',
  'birthdate', 'dob', 'dateofbirth', 'address', 'street', 'city', 'zip', 'zipcode', 'postalcode',
  'phone', 'phonenumber', 'email', 'ssn', 'mbi', 'hicn', 'medicareid', 'medicaidid',
  'authorization', 'xapikey', 'apikey', 'cookie', 'secret', 'password', 'token',
]);

const normalise = (key: string): string => key.toLowerCase().replace(/[_-]/g, '');

/**
 * Copies a log object with PHI-shaped and credential fields masked at any depth. The real
 * guarantee is that raw member ids are hashed at the edge; this is the second line.
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] = SENSITIVE_KEYS.has(normalise(key)) ? REDACTED : redactDeep(child, depth + 1);
  }
  return copy;
}
