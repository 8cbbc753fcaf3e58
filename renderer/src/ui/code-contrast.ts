import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { Prec } from '@uiw/react-codemirror';

/**
 * The dark editor theme (One Dark) draws property names, names and characters in #e06c75:
 * 4.4:1 on its background, under the 4.5:1 small text needs (axe, issue 17). This lightens
 * that one colour in dark editors only; light editors keep their theme.
 */
export const readableDarkTokens = Prec.highest(
  syntaxHighlighting(
    HighlightStyle.define(
      [{ tag: [tags.name, tags.deleted, tags.character, tags.propertyName, tags.macroName], color: '#ec8a92' }],
      { themeType: 'dark' },
    ),
  ),
);
