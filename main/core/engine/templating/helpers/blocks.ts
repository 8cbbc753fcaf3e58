import { charge, checkSize, checkTime, scope } from '../scope';
import { randomInt } from './random';
import { fromSafe, optionsOf, type HelperFn } from './common';

/**
 * Block helpers: repeat (Mockoon's: a count, or a random count between two numbers; the
 * copies joined with commas unless comma=false; @index, @total, @first, @last), and
 * switch/case (the first case equal to the switch value renders).
 */
export const blockHelpers: Record<string, HelperFn> = {
  repeat(this: unknown, ...args) {
    const options = optionsOf(args);
    const s = scope();
    let count: number;
    if (args.length === 3) count = randomInt(s.faker, Number(args[0]), Number(args[1]));
    else if (args.length === 2) count = Number(args[0]);
    else
      throw new Error(
        'repeat needs a count, or a minimum and a maximum: {{#repeat 5}}…{{/repeat}} or {{#repeat 1 10}}…{{/repeat}}',
      );
    const data: Record<string, unknown> = { ...options.data };
    const comma = options.hash['comma'] !== false;
    // Mockoon trims the whole text after every copy, adds a comma unless it ends with one (the
    // last copy: drops it) and a line break. The same text is built here from the copies
    // alone, so a long repeat costs linear time, not the square of its length.
    const parts: string[] = [];
    let length = 0;
    let last = ''; // the last character so far, the pending line break aside
    let newline = false; // the text so far ends with a line break (comma mode)
    for (let i = 0; i < count; i++) {
      // The loop is where a template runs away: it is checked on every copy.
      checkTime(s);
      data['index'] = i;
      data['total'] = count;
      data['first'] = i === 0;
      data['last'] = i === count - 1;
      const copy = options.fn ? options.fn(this, { data }) : '';
      charge(s, copy.length);
      if (!comma) {
        parts.push(copy);
        length += copy.length;
      } else {
        const piece = copy.trimEnd();
        // A blank copy adds nothing and Mockoon's trim takes the pending line break back.
        if (piece !== '') {
          if (newline) parts.push('\n');
          parts.push(piece);
          length += piece.length;
          last = piece[piece.length - 1]!;
        } else if (newline) length -= 1;
        if (i < count - 1 && last !== ',') {
          parts.push(',');
          length += 1;
          last = ',';
        } else if (i === count - 1 && last === ',') {
          const end = parts.length - 1;
          parts[end] = parts[end]!.slice(0, -1);
          length -= 1;
        }
        newline = true;
        length += 1;
      }
      checkSize(s, length, 'the repeat block');
    }
    return parts.join('') + (newline ? '\n' : '');
  },
  // Mockoon renders the blocks of switch and case with their options object as the
  // context; MockDeck keeps the surrounding context, so no template can walk that object.
  switch(this: unknown, value, options) {
    const o = options as ReturnType<typeof optionsOf>;
    o.data ??= {};
    o.data['found'] = false;
    o.data['switchValue'] = fromSafe(value);
    return o.fn ? o.fn(this, { data: o.data }) : '';
  },
  case(this: unknown, ...args) {
    if (args.length < 2) return undefined;
    const value = args[0];
    const options = optionsOf(args);
    const data = options.data;
    if (data && value === data['switchValue'] && !data['found']) {
      data['found'] = true;
      return options.fn ? options.fn(this, { data }) : '';
    }
    return undefined;
  },
};
