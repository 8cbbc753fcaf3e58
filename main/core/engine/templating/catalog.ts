/**
 * One entry per helper a template can call: what the editor's autocomplete lists and
 * docs/templating.md documents. test/unit/templating/catalog.test.ts checks it names
 * exactly the registered helpers.
 */
export interface TemplateHelperInfo {
  readonly name: string;
  /** How a call looks, e.g. `{{urlParam 'name'}}`. */
  readonly signature: string;
  readonly description: string;
  readonly group: string;
}

const h = (group: string, name: string, signature: string, description: string): TemplateHelperInfo =>
  Object.freeze({ name, signature, description, group });

const REQUEST = 'Request';
const FAKE = 'Fake data';
const RANDOM = 'Random';
const DATES = 'Dates';
const MATH = 'Math';
const STRINGS = 'Strings';
const LOGIC = 'Comparison';
const VALUES = 'Values';
const VARIABLES = 'Variables';
const BLOCKS = 'Blocks';
const HANDLEBARS = 'Handlebars';

export const TEMPLATE_HELPERS: readonly TemplateHelperInfo[] = Object.freeze([
  h(REQUEST, 'urlParam', "{{urlParam 'id'}}", 'A path parameter of the mock path ({id} in /users/{id}).'),
  h(
    REQUEST,
    'queryParam',
    "{{queryParam 'path' 'default'}}",
    'A query parameter (dotted or JSONPath path); objects and arrays print as JSON.',
  ),
  h(
    REQUEST,
    'queryParamRaw',
    "{{queryParamRaw 'path' 'default'}}",
    'A query parameter as a value for other helpers (each, len…).',
  ),
  h(REQUEST, 'header', "{{header 'X-Name' 'default'}}", 'A request header (name case-insensitive).'),
  h(REQUEST, 'cookie', "{{cookie 'name' 'default'}}", 'A cookie of the request.'),
  h(
    REQUEST,
    'body',
    "{{body 'user.name' 'default'}}",
    'A field of the JSON or form body (dotted or JSONPath path); no path: the whole body as text.',
  ),
  h(REQUEST, 'bodyRaw', "{{bodyRaw 'items'}}", 'A body field as a value for other helpers (each, len…).'),
  h(REQUEST, 'method', '{{method}}', 'The request method (GET, POST…).'),
  h(
    REQUEST,
    'baseUrl',
    '{{baseUrl}}',
    "The URL this project's mocks are served at, e.g. http://127.0.0.1:3001/m/my-api.",
  ),
  h(REQUEST, 'hostname', '{{hostname}}', 'The Host header without its port.'),
  h(REQUEST, 'ip', '{{ip}}', "The client's IP address."),
  h(
    FAKE,
    'faker',
    "{{faker 'person.firstName'}}",
    "Fake data from faker: 'module.method', then its arguments (a project's templating seed makes it repeatable).",
  ),
  h(RANDOM, 'int', '{{int 0 100}}', 'A random integer between min and max (inclusive).'),
  h(RANDOM, 'float', '{{float 0 10}}', 'A random number between min and max.'),
  h(RANDOM, 'boolean', '{{boolean}}', 'true or false at random.'),
  h(RANDOM, 'uuid', '{{uuid}}', 'A random UUID v4.'),
  h(RANDOM, 'objectId', '{{objectId}}', 'A random MongoDB ObjectId.'),
  h(RANDOM, 'oneOf', "{{oneOf (array 'a' 'b')}} or {{oneOf 'a' 'b'}}", 'One of the items, at random.'),
  h(
    RANDOM,
    'someOf',
    '{{someOf list 1 3}}',
    'Between min and max items of a list, at random (true as 4th argument: as JSON).',
  ),
  h(DATES, 'now', "{{now 'yyyy-MM-dd'}}", 'The current date and time (date-fns format; ISO 8601 without one).'),
  h(
    DATES,
    'date',
    "{{date '2020-01-01' '2030-12-31' 'yyyy-MM-dd'}}",
    'A random date between two dates, optionally formatted.',
  ),
  h(DATES, 'dateFormat', "{{dateFormat '2024-05-01' 'dd/MM/yyyy'}}", 'A date in a date-fns format.'),
  h(
    DATES,
    'dateTimeShift',
    "{{dateTimeShift date='2024-01-01' days=2 format='yyyy-MM-dd'}}",
    'A date (now by default) shifted by days, months, years, hours, minutes, seconds.',
  ),
  h(MATH, 'add', '{{add 1 2}}', 'The sum of the numbers.'),
  h(MATH, 'subtract', '{{subtract 10 3}}', 'The first number minus the others.'),
  h(MATH, 'multiply', '{{multiply 2 3}}', 'The product of the numbers.'),
  h(MATH, 'divide', '{{divide 10 2}}', 'The first number divided by the others (zeros skipped).'),
  h(MATH, 'modulo', '{{modulo 10 3}}', 'The remainder of a division.'),
  h(MATH, 'ceil', '{{ceil 1.2}}', 'Rounded up.'),
  h(MATH, 'floor', '{{floor 1.8}}', 'Rounded down.'),
  h(MATH, 'round', '{{round 1.5}}', 'Rounded to the nearest integer.'),
  h(STRINGS, 'lowercase', "{{lowercase 'ABC'}}", 'In lower case.'),
  h(STRINGS, 'uppercase', "{{uppercase 'abc'}}", 'In upper case.'),
  h(STRINGS, 'split', "{{split 'a b c' ' '}}", 'A string cut into an array (separator: a space by default).'),
  h(STRINGS, 'join', "{{join list ', '}}", 'An array joined into a string.'),
  h(STRINGS, 'concat', "{{concat 'a' (urlParam 'id') 'b'}}", 'Strings put together (arrays: one array).'),
  h(STRINGS, 'padStart', "{{padStart '7' 3 '0'}}", 'Padded at the start to a length.'),
  h(STRINGS, 'padEnd', "{{padEnd '7' 3 '0'}}", 'Padded at the end to a length.'),
  h(STRINGS, 'substr', "{{substr 'hello' 1 3}}", 'Part of a string: from an index, for a length.'),
  h(STRINGS, 'includes', "{{includes 'hello' 'ell'}}", 'Whether a string contains another.'),
  h(STRINGS, 'base64', "{{base64 'text'}}", 'Encoded in base64 (also as a block).'),
  h(STRINGS, 'base64Decode', "{{base64Decode 'dGV4dA=='}}", 'Decoded from base64 (also as a block).'),
  h(LOGIC, 'eq', "{{#if (eq (urlParam 'id') '1')}}…{{/if}}", 'Whether two values are equal (===).'),
  h(LOGIC, 'gt', '{{#if (gt a b)}}…{{/if}}', 'Whether a number is greater than another.'),
  h(LOGIC, 'gte', '{{#if (gte a b)}}…{{/if}}', 'Greater than or equal.'),
  h(LOGIC, 'lt', '{{#if (lt a b)}}…{{/if}}', 'Less than.'),
  h(LOGIC, 'lte', '{{#if (lte a b)}}…{{/if}}', 'Less than or equal.'),
  h(LOGIC, 'and', '{{#if (and a b)}}…{{/if}}', 'Whether every value is truthy.'),
  h(LOGIC, 'or', '{{#if (or a b)}}…{{/if}}', 'Whether any value is truthy.'),
  h(LOGIC, 'not', '{{#if (not a)}}…{{/if}}', 'The opposite of a value.'),
  h(VALUES, 'array', "{{oneOf (array 'a' 'b' 'c')}}", 'Its arguments as an array, for oneOf, someOf, join, each.'),
  h(VALUES, 'len', '{{len (bodyRaw "items")}}', 'The length of an array or a string.'),
  h(VALUES, 'stringify', '{{{stringify (bodyRaw "user")}}}', 'An object or array as indented JSON.'),
  h(VALUES, 'jsonParse', '{{#with (jsonParse \'{"a":1}\')}}{{a}}{{/with}}', 'A JSON string as a value.'),
  h(
    VARIABLES,
    'setVar',
    "{{setVar 'name' value}}",
    'Sets a variable for the rest of this render (read with getVar or @name).',
  ),
  h(VARIABLES, 'getVar', "{{getVar 'name'}}", 'A variable set with setVar.'),
  h(
    VARIABLES,
    'setGlobalVar',
    "{{setGlobalVar 'name' value}}",
    "Sets a project's global variable, kept between requests until the server stops.",
  ),
  h(VARIABLES, 'getGlobalVar', "{{getGlobalVar 'name' 'path' 'default'}}", 'A global variable (optionally at a path).'),
  h(VARIABLES, 'data', "{{data 'bucket' 'path'}}", "A data bucket's value (at a path); objects print as JSON."),
  h(VARIABLES, 'dataRaw', "{{#each (dataRaw 'bucket')}}…{{/each}}", "A data bucket's value for other helpers."),
  h(
    BLOCKS,
    'repeat',
    '{{#repeat 5}}…{{/repeat}} or {{#repeat 1 10 comma=false}}…{{/repeat}}',
    'The block a number of times (or a random number between two), comma-separated by default; @index, @first, @last, @total.',
  ),
  h(
    BLOCKS,
    'switch',
    "{{#switch (urlParam 'type')}}{{#case 'a'}}…{{/case}}{{/switch}}",
    'Renders the first case equal to the value.',
  ),
  h(BLOCKS, 'case', "{{#case 'value'}}…{{/case}}", 'One case of a switch.'),
  h(HANDLEBARS, 'if', '{{#if value}}…{{else}}…{{/if}}', 'Renders the block when the value is truthy.'),
  h(HANDLEBARS, 'unless', '{{#unless value}}…{{/unless}}', 'Renders the block when the value is falsy.'),
  h(HANDLEBARS, 'each', '{{#each list}}{{this}}{{/each}}', 'The block once per item (@index, @key, @first, @last).'),
  h(HANDLEBARS, 'with', '{{#with value}}{{field}}{{/with}}', 'The block with a value as its context.'),
  h(HANDLEBARS, 'lookup', "{{lookup object 'key'}}", 'A property of an object or an item of an array.'),
  h(
    HANDLEBARS,
    'log',
    "{{log 'text'}}",
    'Does nothing in MockDeck (Handlebars writes to the console; MockDeck keeps it quiet).',
  ),
]);
