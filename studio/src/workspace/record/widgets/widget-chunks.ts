/**
 * The record form's widgets that are chunks of their own (libphonenumber's metadata, the tiptap editor), by the
 * field type that needs them. The widgets render them lazily; `preloadRecord` (load-record-page.ts) fetches the
 * ones an object's fields need before one of its records opens.
 */
export const loadPhoneNumberField = () => import('./PhoneNumberField');
export const loadRichTextEditorField = () => import('./RichTextEditorField');

export const WIDGET_CHUNKS: Readonly<Record<string, () => Promise<unknown>>> = {
  phone: loadPhoneNumberField,
  richText: loadRichTextEditorField,
};
