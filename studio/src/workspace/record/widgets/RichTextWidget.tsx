import { Input, Skeleton } from '@mantine/core';
import type { WidgetProps } from '@rjsf/utils';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { loadRichTextEditorField } from './widget-chunks';

// The editor (tiptap, ProseMirror) is a chunk of its own, fetched when a form first shows a rich-text field (or
// before, when a link to a record with one is pointed at: widget-chunks.ts): the record page's own chunk stays
// the size it was without it.
const RichTextEditorField = lazy(loadRichTextEditorField);

/** A `richText` field: formatted text, edited as HTML (see RichTextEditorField). */
export function RichTextWidget(props: WidgetProps) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Input.Wrapper label={props.label} required={props.required}>
          <Skeleton height={160} aria-busy="true" aria-label={t('widgets.richText.loading')} />
        </Input.Wrapper>
      }
    >
      <RichTextEditorField {...props} />
    </Suspense>
  );
}
