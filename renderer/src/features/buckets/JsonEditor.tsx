import { json } from '@codemirror/lang-json';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo } from 'react';
import { useColorScheme } from '../../app/use-color-scheme';
import { readableDarkTokens } from '../../ui/code-contrast';

/** A JSON code editor (or a read-only view) named `label` for assistive technology and tests. */
export function JsonEditor({
  value,
  label,
  invalid,
  readOnly,
  height,
  onChange,
}: {
  value: string;
  label: string;
  invalid?: boolean;
  readOnly?: boolean;
  height: string;
  onChange?: (v: string) => void;
}) {
  const scheme = useColorScheme();
  const extensions = useMemo(
    () => [
      json(),
      readableDarkTokens,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label }),
    ],
    [label],
  );
  return (
    <div className={`code ${invalid ? 'invalid' : ''}`}>
      <CodeMirror
        value={value}
        height={height}
        theme={scheme}
        editable={!readOnly}
        readOnly={readOnly ?? false}
        extensions={extensions}
        basicSetup={{ foldGutter: true, highlightActiveLine: false, autocompletion: false }}
        {...(onChange ? { onChange } : {})}
      />
    </div>
  );
}
