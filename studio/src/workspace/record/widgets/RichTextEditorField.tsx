import '@mantine/tiptap/styles.css';
import { Input } from '@mantine/core';
import { RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import type { WidgetProps } from '@rjsf/utils';
import { generateHTML, generateJSON, useEditor, type Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './form-context';

// Headings of the levels the server keeps; links not followed while editing (a click places the caret).
const EXTENSIONS: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    horizontalRule: false,
    link: { openOnClick: false, defaultProtocol: 'https' },
  }),
];

/**
 * The rich-text editor (@mantine/tiptap over tiptap's StarterKit), loaded on demand by RichTextWidget. It edits
 * HTML: the value is what the editor writes (`<p>`, `<strong>`, `<h2>`–`<h4>`, lists, quotes, code, links),
 * the tags the server keeps when it cleans the value (runtime/src/fields/rich-text.ts); an empty editor is
 * no value. Its toolbar is a row of buttons (Tab reaches each) and the usual shortcuts work (Ctrl+B, Ctrl+I…).
 */
export default function RichTextEditorField(props: WidgetProps) {
  const { t } = useTranslation();
  const labelId = `${props.id}-label`;
  const value = typeof props.value === 'string' ? props.value : '';
  // What the editor last reported: a value that differs came from outside (discard, a re-read) and replaces the content.
  const emitted = useRef(value);
  // The value from outside the editor last loaded, and how the editor writes it. The editor writes stored HTML its
  // own way (attribute order, a link without an address as text) and touches it as it opens (the trailing node):
  // content that reads the same as what was loaded reports the loaded value itself, not a change.
  const loaded = useRef<{ value: string; written: string } | null>(null);
  loaded.current ??= { value, written: asWritten(value) };
  const { onChange } = props;
  const editor = useEditor(
    {
      extensions: EXTENSIONS,
      content: value,
      editable: !(props.disabled || props.readonly),
      // Mantine's toolbar reads the active marks while it renders.
      shouldRerenderOnTransaction: true,
      immediatelyRender: true,
      editorProps: {
        attributes: {
          id: props.id,
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          ...(props.required ? { 'aria-required': 'true' } : {}),
        },
      },
      onUpdate: ({ editor: current }) => {
        const written = current.isEmpty ? '' : withoutTrailingParagraphs(current.getHTML());
        const html = written === loaded.current?.written ? loaded.current.value : written;
        if (html === emitted.current) return;
        emitted.current = html;
        onChange(html === '' ? undefined : html);
      },
    },
    [props.id],
  );

  useEffect(() => {
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    loaded.current = { value, written: asWritten(value) };
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  useEffect(() => editor?.setEditable(!(props.disabled || props.readonly)), [editor, props.disabled, props.readonly]);

  const labels = useMemo(() => editorLabels(t), [t]);
  return (
    <Input.Wrapper
      label={props.label}
      labelProps={{ id: labelId, htmlFor: props.id }}
      required={props.required}
      error={errorText(props.rawErrors)}
    >
      <RichTextEditor editor={editor} labels={labels} onBlur={() => props.onBlur(props.id, props.value)}>
        <RichTextEditor.Toolbar aria-label={t('widgets.richText.toolbar')} role="toolbar">
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
            <RichTextEditor.Code />
            <RichTextEditor.ClearFormatting />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
            <RichTextEditor.H4 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
            <RichTextEditor.Blockquote />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content mih={120} />
      </RichTextEditor>
    </Input.Wrapper>
  );
}

/**
 * The editor keeps an empty paragraph after a closing list or quote (StarterKit's trailing node, so the caret can
 * leave it); the value does without.
 */
const withoutTrailingParagraphs = (html: string) => html.replace(/(?:<p><\/p>)+$/, '');

/** HTML as this editor writes it (what `getHTML` answers once it is loaded), without its trailing paragraphs. */
function asWritten(html: string): string {
  if (html === '') return '';
  return withoutTrailingParagraphs(generateHTML(generateJSON(html, EXTENSIONS), EXTENSIONS));
}

/** The labels of the controls this toolbar shows, in the studio's language (Mantine's English for the rest). */
function editorLabels(t: (key: string) => string): Partial<RichTextEditorLabels> {
  const k = (key: string) => t(`widgets.richText.${key}`);
  return {
    boldControlLabel: k('bold'),
    italicControlLabel: k('italic'),
    underlineControlLabel: k('underline'),
    strikeControlLabel: k('strike'),
    codeControlLabel: k('code'),
    clearFormattingControlLabel: k('clearFormatting'),
    h2ControlLabel: k('h2'),
    h3ControlLabel: k('h3'),
    h4ControlLabel: k('h4'),
    bulletListControlLabel: k('bulletList'),
    orderedListControlLabel: k('orderedList'),
    blockquoteControlLabel: k('blockquote'),
    linkControlLabel: k('link'),
    unlinkControlLabel: k('unlink'),
    linkEditorInputLabel: k('linkUrl'),
    linkEditorInputPlaceholder: k('linkPlaceholder'),
    linkEditorExternalLink: k('linkNewTab'),
    linkEditorInternalLink: k('linkSameTab'),
    linkEditorSave: k('linkSave'),
  };
}
