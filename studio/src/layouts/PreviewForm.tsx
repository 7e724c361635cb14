import Form from '@rjsf/mantine';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordFormValidator } from './form-validator';
import { formFromLayout, type FormLayout, type LayoutField } from './layout-form';
import { withSections } from './SectionsTemplate';

/**
 * The preview's form (LayoutPreview.tsx), a chunk of its own with @rjsf and ajv: values typed here decide which
 * sections are visible, exactly as in the workspace; nothing is submitted.
 */
export default function PreviewForm(props: { fields: readonly LayoutField[]; layout: FormLayout }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const form = useMemo(
    () =>
      formFromLayout(props.fields, props.layout, {
        values,
        language: i18n.language,
        currencyLabel: t('layouts.currency'),
      }),
    [props.fields, props.layout, values, i18n.language, t],
  );
  const uiSchema = useMemo(
    () => ({ ...withSections(form.uiSchema), 'ui:submitButtonOptions': { norender: true } }),
    [form.uiSchema],
  );
  return (
    <Form
      schema={form.schema}
      uiSchema={uiSchema}
      formData={values}
      validator={recordFormValidator(i18n.language)}
      onChange={(event) => setValues((event.formData ?? {}) as Record<string, unknown>)}
      idPrefix="preview"
      noHtml5Validate
      showErrorList={false}
    />
  );
}
