import type { CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import {
  Decoration,
  EditorView,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@uiw/react-codemirror';
import type { TemplateHelperDoc } from '../../../../shared/ipc/contract';

/**
 * Handlebars in a response body, on top of the body's own language (JSON, XML, HTML or
 * text): `{{…}}` is marked as an overlay of decorations rather than a language of its own,
 * so JSON keeps its highlighting around the tags and inside string values.
 */

/** One `{{…}}`, `{{{…}}}` or `{{!-- … --}}` tag; a tag does not span lines in a body worth highlighting. */
const TAG = /\{\{\{?[^{}\n]*\}?\}\}/g;

export type TokenKind = 'brace' | 'helper' | 'string' | 'number' | 'data' | 'param' | 'comment';

export interface TagToken {
  from: number;
  to: number;
  kind: TokenKind;
}

const INNER = /('[^']*'?|"[^"]*"?)|(-?\d+(?:\.\d+)?)\b|(@[\w.]+)|([#/^]?[A-Za-z_][\w.-]*|\.\.?|this)|([()=|])/g;

/** The tokens of one tag's text (offsets within `tag`); exported for tests. */
export function tokenizeTag(tag: string): TagToken[] {
  const open = tag.startsWith('{{{') ? 3 : 2;
  const close = tag.endsWith('}}}') && open === 3 ? 3 : 2;
  const out: TagToken[] = [{ from: 0, to: open, kind: 'brace' }];
  const inner = tag.slice(open, tag.length - close);
  if (inner.startsWith('!')) {
    out.push({ from: open, to: tag.length - close, kind: 'comment' });
  } else {
    let first = true;
    for (const m of inner.matchAll(INNER)) {
      const from = open + m.index;
      const to = from + m[0].length;
      if (m[1]) out.push({ from, to, kind: 'string' });
      else if (m[2]) out.push({ from, to, kind: 'number' });
      else if (m[3]) out.push({ from, to, kind: 'data' });
      else if (m[4]) {
        // The first word is the helper (or block opener); after "(", a subexpression's helper.
        const before = inner.slice(0, m.index).trimEnd();
        const isHelper = first || before.endsWith('(');
        out.push({ from, to, kind: isHelper ? 'helper' : 'param' });
      }
      first = false;
    }
  }
  out.push({ from: tag.length - close, to: tag.length, kind: 'brace' });
  return out;
}

const marks: Record<TokenKind, Decoration> = {
  brace: Decoration.mark({ class: 'cm-hb-brace' }),
  helper: Decoration.mark({ class: 'cm-hb-helper' }),
  string: Decoration.mark({ class: 'cm-hb-string' }),
  number: Decoration.mark({ class: 'cm-hb-number' }),
  data: Decoration.mark({ class: 'cm-hb-data' }),
  param: Decoration.mark({ class: 'cm-hb-param' }),
  comment: Decoration.mark({ class: 'cm-hb-comment' }),
};
const tagMark = Decoration.mark({ class: 'cm-hb-tag' });

const decorator = new MatchDecorator({
  regexp: TAG,
  decorate: (add, from, _to, match) => {
    add(from, from + match[0].length, tagMark);
    for (const t of tokenizeTag(match[0])) if (t.to > t.from) add(from + t.from, from + t.to, marks[t.kind]);
  },
});

const highlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorator.createDeco(view);
    }
    update(u: ViewUpdate) {
      this.decorations = decorator.updateDeco(u, this.decorations);
    }
  },
  { decorations: (v) => v.decorations },
);

// Colours for both schemes. The body's own language wraps its tokens in spans of its own
// (a JSON string around a whole tag), so each colour also reaches the spans inside a mark.
const COLOURS: Partial<Record<TokenKind, { light: string; dark: string }>> = {
  brace: { light: '#7b4bc9', dark: '#c4a5f5' },
  helper: { light: '#7b4bc9', dark: '#c4a5f5' },
  string: { light: '#a3432b', dark: '#f0a383' },
  number: { light: '#1f6f8a', dark: '#7cc7e0' },
  data: { light: '#2f5bb7', dark: '#8fb0f5' },
  param: { light: '#2f5bb7', dark: '#8fb0f5' },
  comment: { light: '#68707d', dark: '#939aa6' },
};
const colourRules = Object.fromEntries(
  Object.entries(COLOURS).flatMap(([kind, c]) => [
    [`&light .cm-hb-${kind}, &light .cm-hb-${kind} span`, { color: c.light }],
    [`&dark .cm-hb-${kind}, &dark .cm-hb-${kind} span`, { color: c.dark }],
  ]),
);
const theme = EditorView.baseTheme({
  ...colourRules,
  '.cm-hb-tag': { borderRadius: '3px' },
  '&light .cm-hb-tag': { backgroundColor: 'rgba(123, 75, 201, 0.08)' },
  '&dark .cm-hb-tag': { backgroundColor: 'rgba(178, 140, 240, 0.13)' },
  '.cm-hb-helper': { fontWeight: '600' },
  '.cm-hb-comment': { fontStyle: 'italic' },
  '&light .cm-hb-error-line': { backgroundColor: 'rgba(198, 50, 46, 0.1)' },
  '&dark .cm-hb-error-line': { backgroundColor: 'rgba(240, 115, 110, 0.16)' },
  // Signatures are long: a narrow list (long ones end in "…") stays inside a 1000 px window.
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { maxHeight: '14em', maxWidth: 'min(440px, 60vw)' },
  '.cm-tooltip.cm-completionInfo': { maxWidth: '280px', whiteSpace: 'normal' },
  '.cm-completionDetail': { fontFamily: 'var(--mono)', opacity: '0.75' },
});

export const handlebarsHighlight = [highlighter, theme];

const errorLineMark = Decoration.line({ class: 'cm-hb-error-line', attributes: { title: 'The template fails here' } });

/** Marks the body line the preview's template error names (1-based); none when it is past the end. */
export const templateErrorLine = (line: number) =>
  EditorView.decorations.of((view) =>
    line >= 1 && line <= view.state.doc.lines
      ? Decoration.set([errorLineMark.range(view.state.doc.line(line).from)])
      : Decoration.none,
  );

/**
 * Where a helper name may go: right after `{{`, `{{#`, `{{{` or a subexpression's `(`,
 * inside a tag that is still open on this line. Returns where the typed name starts.
 */
export function helperPosition(lineBefore: string): { word: string; start: number } | null {
  const open = lineBefore.lastIndexOf('{{');
  if (open < 0 || lineBefore.indexOf('}}', open) >= 0) return null;
  const m = /(\{\{\{?[#/^]?|\(\s*)\s*([\w.-]*)$/.exec(lineBefore);
  if (!m || m.index < open) return null;
  const word = m[2] ?? '';
  return { word, start: lineBefore.length - word.length };
}

/** Completes helper names from the engine's list, each with its signature and what it does. */
export function helperCompletions(helpers: readonly TemplateHelperDoc[]): CompletionSource {
  // Groups in the engine's order (request helpers first), not alphabetically.
  const groups = [...new Set(helpers.map((h) => h.group))];
  const options = helpers.map((h) => ({
    label: h.name,
    detail: h.signature,
    info: h.description,
    section: { name: h.group, rank: groups.indexOf(h.group) },
    type: 'function',
  }));
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const at = helperPosition(line.text.slice(0, context.pos - line.from));
    if (!at) return null;
    return { from: line.from + at.start, options, validFor: /^[\w.-]*$/ };
  };
}
