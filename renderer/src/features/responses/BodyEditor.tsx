import { autocompletion } from '@codemirror/autocomplete';
import { html } from '@codemirror/lang-html';
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import CodeMirror, { EditorView, Prec, keymap } from '@uiw/react-codemirror';
import { useMemo } from 'react';
import type { ResponseType } from '../../../../shared/models';
import { useColorScheme } from '../../app/use-color-scheme';
import { readableDarkTokens } from '../../ui/code-contrast';
import { sentence } from '../../ui/ErrorNotice';
import { handlebarsHighlight, helperCompletions, templateErrorLine } from './handlebars';
import { formatJson, jsonProblem } from './response-form';
import { useTemplateHelpers } from './template-queries';

interface Props {
  value: string;
  type: ResponseType;
  error?: string | undefined;
  warning?: string | undefined;
  /** Off when the response disables templating: `{{` is then plain text, neither marked nor completed. */
  templating: boolean;
  /** The line the preview's template error names, marked in the editor; null when there is none. */
  errorLine?: number | null;
  onChange: (v: string) => void;
}

const LANGS = { json, xml, html } as const;

export function BodyEditor({ value, type, error, warning, templating, errorLine = null, onChange }: Props) {
  const scheme = useColorScheme();
  const { data: helpers } = useTemplateHelpers();
  const extensions = useMemo(() => {
    const lang = type === 'text' ? [] : [LANGS[type]()];
    const template = templating
      ? [
          handlebarsHighlight,
          autocompletion({ override: [helperCompletions(helpers ?? [])], icons: false }),
          ...(errorLine === null ? [] : [templateErrorLine(errorLine)]),
        ]
      : [];
    // The editor's own content element carries the accessible name Playwright finds it by.
    return [
      // Escape hands the next Tab (within 2 s) back to the page, as the hint under the editor
      // says; false lets Escape still close a completion list.
      Prec.highest(keymap.of([{ key: 'Escape', run: (view) => (view.setTabFocusMode(2000), false) }])),
      ...lang,
      readableDarkTokens,
      ...template,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Response body', 'aria-describedby': 'body-keys-hint' }),
    ];
  }, [type, templating, helpers, errorLine]);
  const canFormat = type === 'json' && value.trim() !== '' && !jsonProblem(value);
  return (
    <div className="field body-field">
      <div className="body-head">
        <span className="label">
          Body ({type.toUpperCase()})
          {templating && <span className="field-help body-hint"> · type {'{{'} for template helpers</span>}
        </span>
        {type === 'json' && (
          <button
            type="button"
            className="btn btn-small"
            disabled={!canFormat}
            onClick={() => onChange(formatJson(value))}
          >
            Format JSON
          </button>
        )}
      </div>
      <div className={`code ${error ? 'invalid' : ''}`}>
        <CodeMirror
          value={value}
          height="180px"
          theme={scheme}
          extensions={extensions}
          basicSetup={{ foldGutter: true, highlightActiveLine: false, autocompletion: false }}
          onChange={onChange}
        />
      </div>
      {/* CodeMirror keeps Tab for indenting; Escape first hands the next Tab back to the page. */}
      <div className="field-help body-keys" id="body-keys-hint">
        <kbd>Tab</kbd> indents · <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor
      </div>
      {error && (
        <div className="field-error" role="alert">
          {sentence(error)}
        </div>
      )}
      {!error && warning && <div className="field-help">{warning}</div>}
    </div>
  );
}
