/**
 * EventBridge event-pattern matching, for the local bus. The same patterns
 * become EventBridge rules in AWS, so this follows the service's semantics:
 * every pattern key must match (AND), the values of a key are alternatives
 * (OR), nested objects match nested objects, an event array matches when any
 * element matches, and the leaf operators are exact values (string, number,
 * boolean, null), `prefix`, `suffix`, `equals-ignore-case`, `wildcard`,
 * `anything-but` (a value, a list, `prefix`, `suffix`, `equals-ignore-case`,
 * `wildcard`), `numeric` ranges, `exists` and `cidr` (IPv4), plus `$or`.
 */
export type EventPattern = Record<string, unknown>;

type Json = unknown;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems with a pattern (empty when valid): unknown operators, bare scalars, bad numeric ranges. */
export function validatePattern(pattern: unknown, path = ''): string[] {
  if (!isObject(pattern)) return [`${path || 'pattern'}: must be an object`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(pattern)) {
    const where = path ? `${path}.${key}` : key;
    if (key === '$or') {
      if (!Array.isArray(value) || value.length < 2) problems.push(`${where}: needs at least two patterns`);
      else
        for (const [index, alternative] of value.entries())
          problems.push(...validatePattern(alternative, `${where}[${index}]`));
    } else if (isObject(value)) problems.push(...validatePattern(value, where));
    else if (!Array.isArray(value)) problems.push(`${where}: values must be in an array`);
    else for (const matcher of value) problems.push(...validateMatcher(matcher, where));
  }
  return problems;
}

const NUMERIC_OPERATORS = new Set(['<', '<=', '=', '>', '>=']);

function validateMatcher(matcher: Json, where: string): string[] {
  if (!isObject(matcher)) {
    return matcher === null || ['string', 'number', 'boolean'].includes(typeof matcher)
      ? []
      : [`${where}: ${JSON.stringify(matcher)} is not a value or an operator`];
  }
  const keys = Object.keys(matcher);
  const [operator] = keys;
  if (keys.length !== 1 || operator === undefined)
    return [`${where}: an operator object has exactly one key`];
  const argument = matcher[operator];
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return typeof argument === 'string' ||
        (isObject(argument) && typeof argument['equals-ignore-case'] === 'string')
        ? []
        : [`${where}: ${operator} takes a string`];
    case 'equals-ignore-case':
    case 'wildcard':
    case 'cidr':
      return typeof argument === 'string' ? [] : [`${where}: ${operator} takes a string`];
    case 'exists':
      return typeof argument === 'boolean' ? [] : [`${where}: exists takes true or false`];
    case 'numeric': {
      if (!Array.isArray(argument) || argument.length === 0 || argument.length % 2 !== 0)
        return [`${where}: numeric takes [operator, number, ...]`];
      for (let i = 0; i < argument.length; i += 2) {
        if (!NUMERIC_OPERATORS.has(String(argument[i])) || typeof argument[i + 1] !== 'number')
          return [`${where}: numeric takes [operator, number, ...]`];
      }
      return [];
    }
    case 'anything-but': {
      if (typeof argument === 'string' || typeof argument === 'number') return [];
      if (Array.isArray(argument))
        return argument.every((item) => typeof item === 'string' || typeof item === 'number')
          ? []
          : [`${where}: anything-but lists hold strings or numbers`];
      if (isObject(argument)) {
        const [inner, ...rest] = Object.keys(argument);
        if (rest.length === 0 && ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'].includes(inner ?? ''))
          return typeof argument[inner as string] === 'string' ||
            (inner === 'equals-ignore-case' && Array.isArray(argument[inner as string]))
            ? []
            : [`${where}: anything-but ${inner} takes a string`];
      }
      return [`${where}: anything-but takes a value, a list, prefix, suffix, equals-ignore-case or wildcard`];
    }
    default:
      return [`${where}: unknown operator ${operator}`];
  }
}

/** True when `event` matches `pattern`. Call `validatePattern` first: an invalid pattern matches nothing. */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  if (!isObject(event)) return false;
  for (const [key, expected] of Object.entries(pattern)) {
    if (key === '$or') {
      if (!Array.isArray(expected)) return false;
      if (!expected.some((alternative) => isObject(alternative) && matchesPattern(alternative, event)))
        return false;
      continue;
    }
    const actual = Object.hasOwn(event, key) ? event[key] : undefined;
    if (isObject(expected)) {
      // A nested pattern: the event must have an object here (or an array of objects).
      const candidates = Array.isArray(actual) ? actual : [actual];
      if (!candidates.some((candidate) => isObject(candidate) && matchesPattern(expected, candidate)))
        return false;
      continue;
    }
    if (!Array.isArray(expected)) return false;
    if (!matchesField(expected, actual)) return false;
  }
  return true;
}

function matchesField(matchers: readonly Json[], actual: Json): boolean {
  return matchers.some((matcher) => {
    if (isObject(matcher) && Object.hasOwn(matcher, 'exists')) {
      const present = actual !== undefined && !isObject(actual);
      return matcher.exists === true
        ? present && !(Array.isArray(actual) && actual.length === 0)
        : actual === undefined;
    }
    if (actual === undefined) return false;
    const values = Array.isArray(actual) ? actual : [actual];
    return values.some((value) => matchesValue(matcher, value));
  });
}

function matchesValue(matcher: Json, value: Json): boolean {
  if (!isObject(matcher)) return matcher === value;
  const [operator] = Object.keys(matcher);
  const argument = operator === undefined ? undefined : matcher[operator];
  switch (operator) {
    case 'prefix':
      return typeof value === 'string' && affix(argument, value, (v, a) => v.startsWith(a));
    case 'suffix':
      return typeof value === 'string' && affix(argument, value, (v, a) => v.endsWith(a));
    case 'equals-ignore-case':
      return (
        typeof value === 'string' &&
        typeof argument === 'string' &&
        value.toLowerCase() === argument.toLowerCase()
      );
    case 'wildcard':
      return typeof value === 'string' && typeof argument === 'string' && wildcard(argument).test(value);
    case 'numeric':
      return typeof value === 'number' && Array.isArray(argument) && numeric(argument, value);
    case 'cidr':
      return typeof value === 'string' && typeof argument === 'string' && inCidr(value, argument);
    case 'anything-but':
      return anythingBut(argument, value);
    default:
      return false;
  }
}

function affix(argument: Json, value: string, test: (value: string, affix: string) => boolean): boolean {
  if (typeof argument === 'string') return test(value, argument);
  if (isObject(argument) && typeof argument['equals-ignore-case'] === 'string')
    return test(value.toLowerCase(), argument['equals-ignore-case'].toLowerCase());
  return false;
}

function anythingBut(argument: Json, value: Json): boolean {
  if (Array.isArray(argument)) return !argument.includes(value as never) && value !== null;
  if (isObject(argument)) {
    if (typeof value !== 'string') return false;
    const [inner] = Object.keys(argument);
    const operand = inner === undefined ? undefined : argument[inner];
    switch (inner) {
      case 'prefix':
        return typeof operand === 'string' && !value.startsWith(operand);
      case 'suffix':
        return typeof operand === 'string' && !value.endsWith(operand);
      case 'equals-ignore-case': {
        const list = Array.isArray(operand) ? operand : [operand];
        return !list.some((item) => typeof item === 'string' && item.toLowerCase() === value.toLowerCase());
      }
      case 'wildcard':
        return typeof operand === 'string' && !wildcard(operand).test(value);
      default:
        return false;
    }
  }
  return value !== null && value !== argument;
}

function numeric(range: readonly Json[], value: number): boolean {
  for (let i = 0; i < range.length; i += 2) {
    const bound = range[i + 1];
    if (typeof bound !== 'number') return false;
    const ok =
      range[i] === '<'
        ? value < bound
        : range[i] === '<='
          ? value <= bound
          : range[i] === '='
            ? value === bound
            : range[i] === '>'
              ? value > bound
              : range[i] === '>='
                ? value >= bound
                : false;
    if (!ok) return false;
  }
  return true;
}

const wildcards = new Map<string, RegExp>();
function wildcard(pattern: string): RegExp {
  let compiled = wildcards.get(pattern);
  if (!compiled) {
    const source = pattern
      .split(/(\\\*|\*)/)
      .map((part) =>
        part === '*' ? '.*' : part === '\\*' ? '\\*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    compiled = new RegExp(`^${source}$`, 's');
    wildcards.set(pattern, compiled);
  }
  return compiled;
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let result = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    result = result * 256 + Number(part);
  }
  return result;
}

function inCidr(value: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const address = ipv4(value);
  const network = ipv4(base ?? '');
  const bits = Number(bitsText ?? 32);
  if (address === undefined || network === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32)
    return false;
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(network / size);
}
